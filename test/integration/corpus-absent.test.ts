/**
 * A clone without the real corpus (../shared absent; simulated with MCG_CORPUS_DIR pointing at
 * nothing): the corpus tests are reported as SKIPPED with the reason — none passes by returning
 * early — and under MCG_REQUIRE_CORPUS=1 (.ci/run) the same tests FAIL, saying what is missing.
 * Runs vitest itself, as a child process, over the unit tier's corpus tests.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'mcg-corpus-absent-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const absent = join(work, 'no-corpus-here');

// whole files over the corpus (describeCorpus), and tests inside mixed files (needCorpus), chosen by -t
const FILES = ['test/corpus/mcp-corpus.test.ts', 'test/corpus/yaml-corpus.test.ts', 'test/corpus/dockerfile-corpus.test.ts', 'test/unit/rules/corpus-mcg011-019.test.ts', 'test/fuzz/fingerprint.test.ts', 'test/fuzz/dockerfile.test.ts'];

interface JsonReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  testResults: { assertionResults: { fullName: string; status: string; failureMessages: string[] }[] }[];
}

function runVitest(name: string, env: Record<string, string>): { status: number | null; out: string; report: JsonReport } {
  const outputFile = join(work, `${name}.json`);
  const base = { ...process.env } as Record<string, string>;
  delete base['CI'];
  delete base['MCG_REQUIRE_CORPUS'];
  delete base['UPDATE_SNAPSHOTS'];
  const r = spawnSync(
    process.execPath,
    [join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--project', 'unit', ...FILES, '-t', 'corpus', '--reporter=verbose', '--reporter=json', `--outputFile=${outputFile}`],
    { cwd: root, env: { ...base, MCG_CORPUS_DIR: absent, ...env }, encoding: 'utf8', maxBuffer: 1 << 26, timeout: 170_000 },
  );
  return { status: r.status, out: `${r.stdout}\n${r.stderr}`, report: JSON.parse(readFileSync(outputFile, 'utf8')) as JsonReport };
}

const tests = (r: JsonReport) => r.testResults.flatMap((t) => t.assertionResults);

describe('without the real corpus', () => {
  it('the corpus tests are skipped with the reason, none passes, the run passes', () => {
    const { status, out, report } = runVitest('absent', {});
    expect(status, out.slice(-3000)).toBe(0);
    expect(report.numPassedTests, 'a corpus test passed without its corpus').toBe(0);
    expect(report.numFailedTests).toBe(0);
    const corpusTests = tests(report).filter((t) => /corpus/i.test(t.fullName));
    expect(corpusTests.length).toBeGreaterThanOrEqual(10);
    expect(corpusTests.filter((t) => t.status !== 'skipped' && t.status !== 'pending').map((t) => t.fullName)).toEqual([]);
    // the reason: in the suite's name (describeCorpus) or as the skip note (needCorpus)
    expect(tests(report).filter((t) => t.fullName.includes(`DID NOT RUN: corpus not found at ${absent}`)).length).toBeGreaterThan(5);
    expect(out).toContain(`[DID NOT RUN: corpus not found at ${join(absent, 'dockerfiles')}]`);
  });

  it('under MCG_REQUIRE_CORPUS=1 they fail, naming the missing corpus', () => {
    const { status, report } = runVitest('required', { MCG_REQUIRE_CORPUS: '1' });
    expect(status).toBe(1);
    expect(report.numPassedTests).toBe(0);
    const failed = tests(report).filter((t) => t.status === 'failed');
    // one per describeCorpus suite (5 files, yaml-corpus has two) and each needCorpus test (2)
    expect(failed.length).toBeGreaterThanOrEqual(8);
    for (const t of failed) expect(t.failureMessages.join('\n'), t.fullName).toMatch(new RegExp(`corpus not found at ${absent}.*required under CI=true / MCG_REQUIRE_CORPUS=1`));
  });
});
