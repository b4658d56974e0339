/**
 * Agreement with `trivy config` on the real MCP Dockerfiles (DESIGN §10), for the rules both have:
 * MCG001↔DS-0002, MCG004↔DS-0001, MCG005↔DS-0026, MCG007↔DS-0029, MCG008 (apk part)↔DS-0025.
 * File by file, every difference must be listed with its reason in
 * test/corpus/dockerfile-trivy-differences.tsv, and every listed difference must still occur.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { checkDockerfile } from '../../src/engine/engine.js';
import { dockerfileRules } from '../../src/rules/index.js';
import { normalizeCheckId } from '../../src/scanners/trivy.js';
import { spawnExec } from '../../src/scanners/exec.js';
import { rigEnv, rigValue } from '../support/rig.js';
import { repoRoot } from '../support/scan-rig.js';
import { CORPUS_DIR, describeCorpus } from '../support/corpus.js';

const CORPUS = join(CORPUS_DIR, 'dockerfiles');
const TABLE = join(repoRoot, 'test', 'corpus', 'dockerfile-trivy-differences.tsv');

export const PAIRS: { mcg: string; trivy: string; only?: (message: string) => boolean }[] = [
  { mcg: 'MCG001', trivy: 'DS-0002' },
  { mcg: 'MCG004', trivy: 'DS-0001' },
  { mcg: 'MCG005', trivy: 'DS-0026' },
  { mcg: 'MCG007', trivy: 'DS-0029' },
  { mcg: 'MCG008', trivy: 'DS-0025', only: (m) => m.startsWith('apk ') },
];

interface Diff {
  file: string;
  mcg: string;
  trivy: string;
  ours: boolean;
  theirs: boolean;
}

const key = (d: { file: string; mcg: string; trivy: string }): string => `${d.file}\t${d.mcg}\t${d.trivy}`;

function readTable(): Map<string, { ours: boolean; theirs: boolean; reason: string }> {
  const rows = new Map<string, { ours: boolean; theirs: boolean; reason: string }>();
  for (const line of readFileSync(TABLE, 'utf8').split('\n')) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    const [file, mcg, trivy, ours, theirs, reason] = line.split('\t');
    if (!file || !mcg || !trivy || !reason) throw new Error(`${TABLE}: malformed row: ${line}`);
    rows.set(key({ file, mcg, trivy }), { ours: ours === 'fires', theirs: theirs === 'fires', reason });
  }
  return rows;
}

describeCorpus('Dockerfile rules agree with trivy config on the real corpus', 'dockerfiles', () => {
  const diffs: Diff[] = [];
  let files: string[] = [];
  beforeAll(async () => {
    const trivy = rigValue('MCG_TRIVY');
    const cache = mkdtempSync(join(tmpdir(), 'mcg-trivy-config-'));
    const r = await spawnExec(
      trivy,
      ['config', '--skip-check-update', '--cache-dir', cache, '--skip-version-check', '--disable-telemetry', '--format', 'json', '--file-patterns', 'dockerfile:.*', CORPUS],
      { env: rigEnv(), timeoutMs: 5 * 60_000 },
    );
    expect(r.exitCode, r.stderr.slice(-2000)).toBe(0);
    const doc = JSON.parse(r.stdout) as { Results?: { Target: string; Misconfigurations?: { ID: string; Status: string }[] }[] };
    const theirs = new Map<string, Set<string>>();
    for (const res of doc.Results ?? []) {
      const ids = new Set((res.Misconfigurations ?? []).filter((m) => m.Status === 'FAIL').map((m) => normalizeCheckId(m.ID)));
      theirs.set(res.Target.split('/').pop()!, ids);
    }
    files = readdirSync(CORPUS).sort();
    for (const file of files) {
      const text = readFileSync(join(CORPUS, file), 'utf8');
      const ours = checkDockerfile({ path: file, text, target: file }, dockerfileRules).findings;
      const t = theirs.get(file) ?? new Set<string>();
      for (const p of PAIRS) {
        const o = ours.some((f) => f.ruleId === p.mcg && (!p.only || p.only(f.message)));
        const th = t.has(p.trivy);
        if (o !== th) diffs.push({ file, mcg: p.mcg, trivy: p.trivy, ours: o, theirs: th });
      }
    }
  }, 6 * 60_000);

  it('Trivy read every corpus Dockerfile', () => {
    expect(files.length).toBeGreaterThan(50);
  });

  it('every difference is listed with its reason', () => {
    const table = readTable();
    const unexplained = diffs.filter((d) => {
      const row = table.get(key(d));
      return !row || row.ours !== d.ours || row.theirs !== d.theirs;
    });
    expect(unexplained.map((d) => `${key(d)}\t${d.ours ? 'fires' : 'silent'}\t${d.theirs ? 'fires' : 'silent'}`)).toEqual([]);
  });

  it('every listed difference still occurs (the table stays true)', () => {
    const now = new Set(diffs.map(key));
    expect([...readTable().keys()].filter((k) => !now.has(k))).toEqual([]);
  });
});
