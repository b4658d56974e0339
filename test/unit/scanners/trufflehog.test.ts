import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { finalStage, parseDockerfile } from '../../../src/core/dockerfile/model.js';
import { mapLayers, type HistoryEntry } from '../../../src/core/image/layer-map.js';
import {
  filesystemArgs, imageArgs, parseFilesystem, parseImage, parseLines, redactedHint, runFilesystem, runImage, secretHash,
} from '../../../src/scanners/trufflehog.js';
import type { Exec } from '../../../src/core/types.js';

const DF = `FROM python:3.12
ARG API_TOKEN=build-time-placeholder
ENV DB_PASSWORD=changeme
WORKDIR /app
RUN apt-get update && apt-get install -y curl
COPY . .
RUN pip install -r requirements.txt
`;
const HISTORY: HistoryEntry[] = [
  { comment: 'base' },
  { created_by: '/bin/sh -c apt-get install python3' },
  { created_by: '/bin/sh -c #(nop)  ARG API_TOKEN=x', empty_layer: true },
  { created_by: '/bin/sh -c #(nop)  ENV DB_PASSWORD=changeme', empty_layer: true },
  { created_by: '/bin/sh -c #(nop) WORKDIR /app' },
  { created_by: '|1 API_TOKEN=x /bin/sh -c apt-get update && apt-get install -y curl' },
  { created_by: '/bin/sh -c #(nop) COPY dir:abc in . ' },
  { created_by: '|1 API_TOKEN=x /bin/sh -c pip install -r requirements.txt' },
];
const DIFFS = ['sha256:l0', 'sha256:l1', 'sha256:l2', 'sha256:l3', 'sha256:l4', 'sha256:l5'];
const m = parseDockerfile('Dockerfile', DF);
const layers = mapLayers(m, finalStage(m)!, HISTORY, DIFFS);
const paths: Record<string, number> = { '/app/.env': 4, '/var/lib/apt/lists/x_Packages': 3, '/etc/debian_version': 0, '/app/config.yml': 4 };
const ctx = { dockerfile: 'Dockerfile', target: 't', layers, layerOfPath: (p: string) => paths[p] };

// a token made at run time: the tests never hold a literal credential
const token = `ghp_${randomBytes(27).toString('base64url').slice(0, 36)}`;
const line = (data: Record<string, unknown>, extra: Record<string, unknown> = {}): string =>
  JSON.stringify({ SourceMetadata: { Data: data }, DetectorName: 'Github', DetectorDescription: 'GitHub', Verified: false, Raw: token, RawV2: '', Redacted: '', ...extra });

describe('trufflehog args', () => {
  it('never verifies unless asked', () => {
    expect(imageArgs('/t/i.tar', { verify: false })).toEqual(['docker', '--image', 'file:///t/i.tar', '--json', '--no-update', '--no-verification']);
    expect(imageArgs('/t/i.tar', { verify: false, excludePaths: ['/a/**', '/b/**'] }).slice(-2)).toEqual(['--exclude-paths', '/a/**,/b/**']);
    expect(filesystemArgs('/repo/ctx', { verify: true })).toEqual(['filesystem', '/repo/ctx', '--json', '--no-update']);
    expect(filesystemArgs('/c', { verify: false, excludeFile: '/t/x.txt' })).toEqual(['filesystem', '/c', '--json', '--no-update', '--no-verification', '--exclude-paths', '/t/x.txt']);
  });
});

describe('parseImage', () => {
  const out = [
    'not json banner',
    '{"level":"info-0","msg":"running source"}',
    line({ Docker: { file: '/app/.env', image: '/t/i.tar', layer: 'sha256:zz' } }),
    line({ Docker: { file: '/app/.env', image: '/t/i.tar', layer: 'sha256:zz' } }, { DecoderName: 'BASE64' }),
    line({ Docker: { file: 'image-metadata:history:3:created-by', image: '/t/i.tar' } }),
    line({ Docker: { file: '/var/lib/apt/lists/x_Packages', layer: 'sha256:q' } }, { DetectorName: 'Box' }),
    line({ Docker: { file: '/etc/debian_version' } }, { DetectorName: 'Box' }),
    line({ Docker: { file: '/etc/debian_version' } }, { DetectorName: 'Box', Verified: true }),
  ].join('\n');
  const r = parseImage(out, ctx);
  it('maps a layer hit to its COPY line and a history hit to its ENV line', () => {
    const gh = r.findings.filter((f) => f.ruleId === 'trufflehog/Github');
    expect(gh.map((f) => f.location.startLine).sort()).toEqual([3, 6]);
    expect(gh.every((f) => f.severity === 'high')).toBe(true);
  });
  it('drops unverified noise from package-manager trees and base layers, keeps verified ones', () => {
    expect(r.dropped).toBe(2);
    const box = r.findings.filter((f) => f.ruleId === 'trufflehog/Box');
    expect(box).toHaveLength(1);
    expect(box[0]!.severity).toBe('critical');
    expect(box[0]!.location.startLine).toBe(1);
  });
  it('never lets the raw secret out', () => {
    const text = JSON.stringify(r.findings);
    expect(text).not.toContain(token);
    expect(text).not.toContain(token.slice(4, 20));
    const copy = r.findings.find((f) => f.location.startLine === 6)!;
    expect(copy.message).toContain('/app/.env');
    expect(copy.message).toContain('ghp_****');
    expect(copy.fingerprintKey).toBe(`Github|${secretHash(token)}|image|/app/.env`);
  });
});

describe('parseFilesystem', () => {
  it('maps context hits to repo-relative file and line', () => {
    const out = [
      line({ Filesystem: { file: '/w/repo/examples/py/.env', line: 3 } }),
      line({ Filesystem: { file: '/elsewhere/x', line: 1 } }),
      line({ Filesystem: { file: '/w/repo/examples/py/sub/a.txt', line: 0 } }),
    ].join('\n');
    const r = parseFilesystem(out, { scannedDir: '/w/repo/examples/py', repoDir: 'examples/py', target: 't' });
    expect(r.findings.map((f) => [f.location.path, f.location.startLine])).toEqual([
      ['examples/py/.env', 3],
      ['examples/py/sub/a.txt', 1],
    ]);
    expect(JSON.stringify(r.findings)).not.toContain(token);
  });
});

describe('robust parsing and failures', () => {
  it('skips non-JSON lines', () => {
    expect(parseLines('garbage\n{broken\n\n').results).toEqual([]);
    expect(parseLines('garbage\n{broken\n').skipped).toBe(2);
  });
  it('short secrets get no hint', () => {
    expect(redactedHint('abc')).toBe('');
    expect(redactedHint(token)).toBe('ghp_****');
  });
  it('a non-zero exit is a failure, and says when nothing was parsed', async () => {
    const bad: Exec = async () => ({ exitCode: 1, stdout: 'oops', stderr: `error: cannot open image; token ${token}` });
    const r = await runImage(bad, '/t/i.tar', { trufflehog: 'th', verify: false }, ctx);
    expect(r.failure).toMatch(/TruffleHog \(image\) exited with status 1 and printed no results/);
    expect(r.failure).not.toContain(token);
    const ok: Exec = async () => ({ exitCode: 0, stdout: line({ Filesystem: { file: '/c/.env', line: 2 } }), stderr: '' });
    const f = await runFilesystem(ok, { trufflehog: 'th', verify: false }, { scannedDir: '/c', repoDir: '.', target: 't' });
    expect(f.failure).toBeUndefined();
    expect(f.findings[0]!.location).toMatchObject({ path: '.env', startLine: 2 });
    const slow: Exec = async () => ({ exitCode: 137, stdout: '', stderr: '', timedOut: true });
    expect((await runFilesystem(slow, { trufflehog: 'th', verify: false, timeoutMs: 2000 }, { scannedDir: '/c', repoDir: '.', target: 't' })).failure).toMatch(/timed out/);
  });
});

describe('a secret in an instruction (found by the secret-hygiene e2e)', () => {
  it('the fingerprint key of a history hit carries a digest of the instruction, never its text', () => {
    const df = `FROM debian:bookworm-slim\nENV STRIPE_API_KEY=${token}\nCMD ["true"]\n`;
    const mm = parseDockerfile('Dockerfile', df);
    const hist: HistoryEntry[] = [{ comment: 'base' }, { created_by: `ENV STRIPE_API_KEY=${token}`, empty_layer: true }, { created_by: 'CMD ["true"]', empty_layer: true }];
    const ll = mapLayers(mm, finalStage(mm)!, hist, ['sha256:b0']);
    const r = parseImage(line({ Docker: { file: 'image-metadata:history:1:created-by', image: '/t/i.tar' } }), { ...ctx, layers: ll });
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]!.location.startLine).toBe(2);
    expect(r.findings[0]!.fingerprintKey).toMatch(/^Github\|[0-9a-f]{16}\|history\|k:[0-9a-f]{32}$/);
    expect(JSON.stringify(r.findings)).not.toContain(token);
    expect(JSON.stringify(r.findings)).not.toContain(token.slice(-16));
  });
});

describe('fault handling found by the fault-injection e2e', () => {
  const fsCtx = { scannedDir: '/c', repoDir: '.', target: 't' };
  it('exit 0 with only non-JSON stdout is a failure, not a silent pass', async () => {
    const junk: Exec = async () => ({ exitCode: 0, stdout: 'Segmentation fault\n<<<>>>\n', stderr: '' });
    expect((await runFilesystem(junk, { trufflehog: 'th', verify: false }, fsCtx)).failure).toMatch(/TruffleHog \(build context\) printed output that is not JSON lines \(2 unreadable/);
    expect((await runImage(junk, '/t/i.tar', { trufflehog: 'th', verify: false }, ctx)).failure).toMatch(/TruffleHog \(image\) printed output that is not JSON lines/);
    // empty stdout (nothing found) and real results mixed with a stray line stay fine
    const empty: Exec = async () => ({ exitCode: 0, stdout: '', stderr: '' });
    expect((await runFilesystem(empty, { trufflehog: 'th', verify: false }, fsCtx)).failure).toBeUndefined();
    const mixed: Exec = async () => ({ exitCode: 0, stdout: `stray\n${line({ Filesystem: { file: '/c/.env', line: 2 } })}`, stderr: '' });
    expect((await runFilesystem(mixed, { trufflehog: 'th', verify: false }, fsCtx)).failure).toBeUndefined();
  });
  it('parses a flood of lines without splitting it into one array', () => {
    const flood = 'y\n'.repeat(2_000_000) + line({ Filesystem: { file: '/c/.env', line: 2 } });
    const r = parseLines(flood);
    expect(r.skipped).toBe(2_000_000);
    expect(r.results).toHaveLength(1);
  });
  it('hands each raw value to onSecret (for masking) and to nothing else', async () => {
    const seen: string[] = [];
    const ok: Exec = async () => ({ exitCode: 0, stdout: line({ Filesystem: { file: '/c/.env', line: 2 } }), stderr: '' });
    const f = await runFilesystem(ok, { trufflehog: 'th', verify: false, onSecret: (v) => seen.push(v) }, fsCtx);
    expect(seen).toEqual([token]);
    expect(JSON.stringify(f)).not.toContain(token);
  });
});

describe('benchmark peer', () => {
  it('runs TruffleHog with the same exclusion globs as the adapter', async () => {
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { IMAGE_NOISE_GLOBS } = await import('../../../src/scanners/trufflehog.js');
    const bench = readFileSync(join(import.meta.dirname, '..', '..', '..', 'bench', 'cases', 'pipeline.mjs'), 'utf8');
    for (const g of IMAGE_NOISE_GLOBS) expect(bench).toContain(`'${g}'`);
  });
});
