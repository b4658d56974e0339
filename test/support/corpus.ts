/**
 * The real-world corpus lives outside the repository (../shared/corpus/real-mcp) and is read in
 * place. Without it (an outside contributor's clone) the corpus tests are reported as SKIPPED with
 * the reason in their name — never passed by returning early. In CI (CI=true or
 * MCG_REQUIRE_CORPUS=1, set by .ci/run) a missing corpus is a failing test instead.
 *
 * And the golden tables the corpus tests compare with: written only when UPDATE_SNAPSHOTS=1, never
 * because they are missing.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** ../shared/corpus/real-mcp beside the repository; MCG_CORPUS_DIR points elsewhere (or at nothing, to see the skips). */
export const CORPUS_DIR = process.env['MCG_CORPUS_DIR'] || join(import.meta.dirname, '..', '..', '..', 'shared', 'corpus', 'real-mcp');

/** The corpus must be there: CI, or a run that asks for it. */
export const corpusRequired = process.env['CI'] === 'true' || process.env['MCG_REQUIRE_CORPUS'] === '1';

export type CorpusKind = 'dockerfiles' | 'compose' | 'k8s' | 'configs';

export function corpusPresent(kind?: CorpusKind): boolean {
  return existsSync(kind ? join(CORPUS_DIR, kind) : CORPUS_DIR);
}

export function corpusMissingReason(kind?: CorpusKind): string {
  return `DID NOT RUN: corpus not found at ${kind ? join(CORPUS_DIR, kind) : CORPUS_DIR}`;
}

/** The corpus files of a kind, sorted; undefined when the corpus is absent. */
export function corpusFiles(kind: CorpusKind): string[] | undefined {
  const dir = join(CORPUS_DIR, kind);
  if (!existsSync(dir)) return undefined;
  return readdirSync(dir).filter((f) => !f.startsWith('.')).sort().map((f) => join(dir, f));
}

/**
 * A describe block over the corpus: run when it is there; otherwise skipped, with the reason in
 * the suite's name (and a warning on the console); in CI one failing test says it is missing.
 */
export function describeCorpus(name: string, kind: CorpusKind | undefined, body: () => void): void {
  if (corpusPresent(kind)) {
    describe(name, body);
    return;
  }
  const reason = corpusMissingReason(kind);
  if (corpusRequired) {
    describe(name, () => {
      it('has the corpus it needs (required under CI=true / MCG_REQUIRE_CORPUS=1)', () => {
        expect.fail(`${reason} — the corpus is required under CI=true / MCG_REQUIRE_CORPUS=1`);
      });
    });
    return;
  }
  console.warn(`\n!!! ${name}: ${reason} (skipped) !!!\n`);
  describe.skip(`${name} [${reason}]`, body);
}

/**
 * Compares `text` with a committed golden table. UPDATE_SNAPSHOTS=1 writes it; without that a
 * missing table fails (it is never created by the comparison itself).
 */
export function expectGolden(file: string, text: string): void {
  if (process.env['UPDATE_SNAPSHOTS'] === '1') writeFileSync(file, text);
  expect(existsSync(file), `${file} is missing: create it with UPDATE_SNAPSHOTS=1 and review it`).toBe(true);
  expect(text).toBe(readFileSync(file, 'utf8'));
}

/**
 * Inside one test that needs the corpus: returns when it is there; otherwise skips the test at
 * run time with the reason as its note, or fails it under CI=true / MCG_REQUIRE_CORPUS=1.
 */
export function needCorpus(ctx: { skip: (note?: string) => never }, kind?: CorpusKind): void {
  if (corpusPresent(kind)) return;
  const reason = corpusMissingReason(kind);
  if (corpusRequired) expect.fail(`${reason} — the corpus is required under CI=true / MCG_REQUIRE_CORPUS=1`);
  ctx.skip(reason);
}
