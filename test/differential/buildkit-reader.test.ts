/**
 * Differential test of the Dockerfile reader (src/core/dockerfile/reader) against BuildKit itself
 * (the oracle in test/tools/buildkit-oracle reads each file with BuildKit's own parser). Field by
 * field: escape, directives, parse error (yes/no and its line), and per instruction the keyword,
 * first and last line, the logical line, flags, arguments, exec form, heredocs (name, fd, expand,
 * chomp, content) and the ONBUILD sub-instruction. Over the real corpus, every Dockerfile in the
 * repository, the cases of issue 16, and generated + mutated files (fast-check; the seed is printed
 * when a file differs). Zero differences, and no allow-list: the reader is nowhere stricter.
 */
import { mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isUtf8 } from 'node:buffer';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readDockerfile, type ReadNode } from '../../src/core/dockerfile/reader/index.js';
import { decodeGo, goRunes } from '../../src/core/dockerfile/reader/text.js';
import { parseText } from '../../src/core/dockerfile/reader/parsed.js';
import { readText } from '../../src/core/files.js';
import { corpusFiles, needCorpus } from '../support/corpus.js';
import { mutate, mutation } from '../fuzz/mutate.js';
import { oraclePath, runOracle, type OracleNode, type OracleResult } from './buildkit-oracle.js';
import { ISSUE_CASES, dockerfileText, instructionLevelText } from './dockerfile-gen.js';
import { firstInstructionError, instructionError } from '../../src/core/dockerfile/reader/instructions.js';

const ROOT = join(import.meta.dirname, '..', '..');

function repoDockerfiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.') || name === 'dist') continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) repoDockerfiles(p, out);
    else if (/^(docker|container)file(\..*)?$|\.(docker|container)file$/i.test(name)) out.push(p);
  }
  return out;
}

function ours(n: ReadNode): OracleNode {
  const sub = n.sub ? { ...ours(n.sub), startLine: 0, endLine: 0, heredocs: [] } : undefined;
  return {
    keyword: goRunes(n.lower),
    original: goRunes(n.original),
    startLine: n.line,
    endLine: n.endLine,
    flags: n.flags.map(goRunes),
    args: n.args.map(goRunes),
    json: n.json,
    heredocs: n.heredocs.map((h) => ({ name: goRunes(h.name), fd: h.fd, expand: h.expand, chomp: h.chomp, content: goRunes(h.content) })),
    ...(sub ? { sub } : {}),
  };
}

type Decode = (f: { path: string; bytes: Uint8Array }) => string;

/** How the CLI reads a Dockerfile (src/core/files.ts readText, as src/engine/scan.ts calls it), BOM and all. */
const cliDecode: Decode = (f) => {
  const r = readText(f.path, undefined, true);
  if (!r.ok) throw new Error(`${f.path}: the CLI does not read it: ${r.message}`);
  return r.text;
};

function compare(text: string, o: OracleResult): void {
  const r = readDockerfile(text);
  const label = o.path;
  expect(r.error ? r.error.line : undefined, `${label}: parse error (${o.parseError?.message ?? r.error?.message ?? ''})`).toEqual(
    o.parseError ? o.parseError.startLine : undefined,
  );
  if (o.parseError) return;
  expect(r.directives.map((d) => ({ ...d, value: goRunes(d.value) })), `${label}: directives`).toEqual(o.directives);
  expect(r.escape, `${label}: escape`).toBe(o.escape);
  const mine = r.nodes.map(ours);
  const theirs = o.nodes;
  expect(mine.length, `${label}: instruction count`).toBe(theirs.length);
  mine.forEach((m, i) => expect(m, `${label}: instruction ${i + 1}`).toEqual(JSON.parse(JSON.stringify(theirs[i]))));
  expect(r.warnings.map((w) => w.line), `${label}: warnings`).toEqual(o.warnings.map((w) => w.startLine));
  // BuildKit's instruction parser: which instructions it refuses, and the line it refuses the file at
  const refused = r.nodes.filter((n) => instructionError(n) !== undefined).map((n) => n.line);
  expect(refused, `${label}: instructions refused (${o.nodeErrors.map((e) => e.message).join('; ')})`).toEqual(o.nodeErrors.map((e) => e.startLine));
  expect(parseText(text).errors.map((e) => e.line), `${label}: the model refuses the file`).toEqual(o.instructionError ? [o.instructionError.startLine] : []);
  expect(firstInstructionError(r.nodes)?.line, `${label}: file refused (${o.instructionError?.message ?? ''})`).toBe(o.instructionError?.startLine);
}

const oracle = oraclePath();

function differential(files: { path: string; bytes: Uint8Array }[], note: string, decode: Decode = (f) => decodeGo(f.bytes)): void {
  if (!oracle) throw new Error('unreachable: the suite is skipped without the oracle');
  const results = runOracle(
    oracle,
    files.map((f) => f.path),
  );
  expect(results.length).toBe(files.length);
  results.forEach((o, i) => {
    try {
      compare(decode(files[i]!), o);
    } catch (e) {
      throw new Error(`${note}\n${(e as Error).message}\nfile text: ${JSON.stringify(Buffer.from(files[i]!.bytes).toString('latin1'))}`);
    }
  });
}

function written(texts: (string | Uint8Array)[], prefix: string): { path: string; bytes: Uint8Array }[] {
  const dir = mkdtempSync(join(tmpdir(), `mcg-bk-${prefix}-`));
  return texts.map((t, i) => {
    const bytes = typeof t === 'string' ? Buffer.from(t, 'latin1') : t;
    const path = join(dir, `${i}.Dockerfile`);
    writeFileSync(path, bytes);
    return { path, bytes };
  });
}

describe.skipIf(oracle === undefined)('the Dockerfile reader reads as BuildKit does', () => {
  it('every Dockerfile in the repository', () => {
    const paths = repoDockerfiles(ROOT);
    expect(paths.length).toBeGreaterThan(5);
    differential(
      paths.map((p) => ({ path: p, bytes: readFileSync(p) })),
      'repository files',
    );
  });

  it('the real corpus', (ctx) => {
    needCorpus(ctx, 'dockerfiles');
    const paths = corpusFiles('dockerfiles');
    if (!paths) throw new Error('unreachable: needCorpus returned without the corpus');
    differential(
      paths.map((p) => ({ path: p, bytes: readFileSync(p) })),
      'corpus',
    );
  });

  it('the cases of issue 16', () => {
    differential(written(ISSUE_CASES.map((s) => Buffer.from(s, 'utf8')), 'issue'), 'issue 16 cases');
  });

  it('1,000 generated files around the instruction parser (flags, arity, ONBUILD, HEALTHCHECK, RUN options)', { timeout: 120_000 }, () => {
    const seed = Number(process.env['MCG_FC_SEED'] ?? Date.now() % 2 ** 31);
    const gen = fc.sample(instructionLevelText, { seed, numRuns: 1000 });
    differential(written(gen, 'instr'), `instruction-level files, seed ${seed} (rerun with MCG_FC_SEED=${seed})`);
  });

  it('files with invalid UTF-8, decoded as the CLI decodes them (each invalid byte kept on its own, as Go)', { timeout: 120_000 }, () => {
    const seed = Number(process.env['MCG_FC_SEED'] ?? Date.now() % 2 ** 31);
    const bad = fc.constantFrom('\xff', '\xfe', '\x80', '\xbf', '\xe2\x82', '\xe2\x82\xac', '\xf0\x9f\x98', '\xf0\x9f', '\xc0\x80', '\xed\xa0\x80', '\xf4\x90\x80\x80', '\xe0\x80\xaf', '\xc2', '\xef\xbb\xbf');
    const place = fc.constantFrom(
      (b: string) => `FROM alpine${b}\nUSER app\n`,
      (b: string) => `FROM alpine\nRUN echo ${b}x\nUSER ${b}\n`,
      (b: string) => `FROM alpine\nRUN ["echo", "${b}"]\nCMD ["${b}"]\n`,
      (b: string) => `FROM alpine\nCOPY --chown=${b} a b\nLABEL k=${b}v\n`,
      (b: string) => `# escape=${b}\nFROM alpine\n`,
      (b: string) => `# syntax=x${b}\nFROM alpine\nENV A=${b} B=c\n`,
      (b: string) => `FROM alpine\nRUN cat <<EOF\n${b}\nEOF\n${b}RUN x\n`,
      (b: string) => `${b}FROM alpine\n`,
      (b: string) => `FROM alpine\nUSERR${b} app\n`,
      (b: string) => `FROM alpine\nHEALTHCHECK --interval=1${b}s CMD true\n`,
    );
    const cases = fc.sample(fc.tuple(place, fc.array(bad, { minLength: 1, maxLength: 3 })), { seed, numRuns: 300 }).map(([p, bs]) => p(bs.join('')));
    const mixed = fc.sample(dockerfileText, { seed: seed + 2, numRuns: 1500 }).filter((t) => !t.includes('\0') && !isUtf8(Buffer.from(t, 'latin1')));
    differential(written([...cases, ...mixed], 'utf8'), `invalid UTF-8 files, seed ${seed} (rerun with MCG_FC_SEED=${seed})`, cliDecode);
  });

  it('2,000 generated and mutated files', { timeout: 120_000 }, () => {
    const seed = Number(process.env['MCG_FC_SEED'] ?? Date.now() % 2 ** 31);
    const gen = fc.sample(dockerfileText, { seed, numRuns: 1500 });
    const corpus = (corpusFiles('dockerfiles') ?? repoDockerfiles(ROOT)).slice(0, 100).map((p) => readFileSync(p, 'latin1'));
    const mutated = fc.sample(
      fc.tuple(fc.constantFrom(...corpus, ...ISSUE_CASES), fc.array(mutation, { minLength: 1, maxLength: 4 })),
      { seed: seed + 1, numRuns: 500 },
    ).map(([t, ms]) => mutate(t, ms));
    differential(written([...gen, ...mutated], 'gen'), `generated files, seed ${seed} (rerun with MCG_FC_SEED=${seed})`);
  });
});
