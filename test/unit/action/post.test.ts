/**
 * The post step's pieces with a recording exec and cache service: the run label on every image
 * build, the state handed from the main step, the clean-up by label and the Trivy DB save
 * (the real runner hand-over, docker and cache protocol run in test/e2e/action-post.test.ts).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Exec, ExecResult } from '../../../src/core/types.js';
import { SecretRegistry } from '../../../src/core/secret-registry.js';
import { ActionLog } from '../../../src/action/log.js';
import { labelBuilds, readPostState, recordTrivyCache, RUN_LABEL_KEY, startRun } from '../../../src/action/post-state.js';
import { removeLabelled, runPost } from '../../../src/action/post.js';
import type { CacheService, TrivyCacheState } from '../../../src/action/trivy-cache.js';

function recorder(answers: (args: string[]) => Partial<ExecResult> = () => ({})): { exec: Exec; calls: string[][] } {
  const calls: string[][] = [];
  const exec: Exec = async (file, args) => {
    calls.push([file, ...args]);
    return { exitCode: 0, stdout: '', stderr: '', ...answers(args) };
  };
  return { exec, calls };
}

function store(): { save: (k: string, v: string) => void; get: (k: string) => string; saved: Map<string, string> } {
  const saved = new Map<string, string>();
  return { saved, save: (k, v) => void saved.set(k, v), get: (k) => saved.get(k) ?? '' };
}

function quietLog(): { log: ActionLog; lines: string[] } {
  const lines: string[] = [];
  return { lines, log: new ActionLog(new SecretRegistry(), (l) => lines.push(l)) };
}

describe('labelBuilds', () => {
  it('labels docker build and docker buildx build with the run label, once recorded; other calls unchanged', async () => {
    const s = store();
    const label = startRun({ GITHUB_RUN_ID: '4242', GITHUB_RUN_ATTEMPT: '2' }, s.save);
    expect(label).toMatch(/^4242-2-[0-9a-f]{12}$/);
    const { exec, calls } = recorder();
    const labelled = labelBuilds(exec, label, s.save);
    await labelled('docker', ['buildx', 'version']);
    expect(readPostState(s.get)).toEqual({ label, built: false, trivy: undefined });
    await labelled('docker', ['build', '-f', 'Dockerfile', '-t', 'mcg-scan/x:1', '.']);
    await labelled('docker', ['buildx', 'build', '--load', '-t', 'mcg-scan/y:1', '.']);
    await labelled('/opt/trivy', ['image', '--input', 'build']);
    expect(calls).toEqual([
      ['docker', 'buildx', 'version'],
      ['docker', 'build', '--label', `${RUN_LABEL_KEY}=${label}`, '-f', 'Dockerfile', '-t', 'mcg-scan/x:1', '.'],
      ['docker', 'buildx', 'build', '--label', `${RUN_LABEL_KEY}=${label}`, '--load', '-t', 'mcg-scan/y:1', '.'],
      ['/opt/trivy', 'image', '--input', 'build'],
    ]);
    expect(readPostState(s.get).built).toBe(true);
  });

  it('a state that is not ours is ignored, not trusted', () => {
    const s = store();
    s.save('mcg-run-label', 'x --filter=dangling');
    s.save('mcg-trivy-cache', '{"key": 1}');
    expect(readPostState(s.get)).toEqual({ label: undefined, built: false, trivy: undefined });
    const t: TrivyCacheState = { key: 'k', paths: ['/c/db'], restoreFailed: false, trivyRan: true };
    recordTrivyCache(t, s.save);
    expect(readPostState(s.get).trivy).toEqual(t);
  });
});

describe('removeLabelled', () => {
  it('removes the containers, then the images carrying the label', async () => {
    const { exec, calls } = recorder((args) => ({ stdout: args[0] === 'ps' ? 'c1\nc2\n' : args[0] === 'images' ? 'sha256:aa\nsha256:aa\nsha256:bb\n' : '' }));
    const { log } = quietLog();
    expect(await removeLabelled({ exec, docker: 'docker', label: 'L-1', logger: log })).toEqual({ containers: 2, images: 2 });
    expect(calls).toEqual([
      ['docker', 'ps', '-a', '-q', '--no-trunc', '--filter', `label=${RUN_LABEL_KEY}=L-1`],
      ['docker', 'rm', '-f', '-v', 'c1', 'c2'],
      ['docker', 'images', '-q', '--no-trunc', '--filter', `label=${RUN_LABEL_KEY}=L-1`],
      ['docker', 'rmi', '-f', 'sha256:aa', 'sha256:bb'],
    ]);
  });
});

describe('runPost', () => {
  const dbDir = (): string => {
    const c = mkdtempSync(join(tmpdir(), 'mcg-post-'));
    mkdirSync(join(c, 'db'));
    writeFileSync(join(c, 'db', 'metadata.json'), '{}');
    return c;
  };
  const service = (): CacheService & { saves: string[] } => {
    const saves: string[] = [];
    return { saves, isFeatureAvailable: () => true, restoreCache: async () => undefined, saveCache: async (_p, k) => (saves.push(k), 1) };
  };

  it('saves the Trivy DB from the main step state and cleans up by label, each in its group', async () => {
    const cache = service();
    const { exec, calls } = recorder();
    const { log, lines } = quietLog();
    const c = dbDir();
    await runPost({ env: {}, log, exec, cache, state: { label: 'L-2', built: true, trivy: { key: 'mcg-trivy-k', paths: [join(c, 'db')], restoreFailed: false, trivyRan: true } } });
    expect(cache.saves).toEqual(['mcg-trivy-k']);
    expect(calls.map((x) => x[1])).toEqual(['ps', 'images']);
    expect(lines.filter((l) => l.startsWith('::group::'))).toEqual(['::group::Save the Trivy DB cache', '::group::Remove the containers and images this run built']);
  });

  it('main step cut short (Trivy status unknown): saves only a complete DB; nothing built: docker is not called', async () => {
    const cache = service();
    const { exec, calls } = recorder();
    const complete = dbDir();
    await runPost({ env: {}, log: quietLog().log, exec, cache, state: { label: 'L-3', built: false, trivy: { key: 'k1', paths: [join(complete, 'db')], restoreFailed: false } } });
    const partial = mkdtempSync(join(tmpdir(), 'mcg-post-partial-'));
    mkdirSync(join(partial, 'db'));
    writeFileSync(join(partial, 'db', 'trivy.db'), 'half a download');
    await runPost({ env: {}, log: quietLog().log, exec, cache, state: { label: 'L-3', built: false, trivy: { key: 'k2', paths: [join(partial, 'db')], restoreFailed: false } } });
    expect(cache.saves).toEqual(['k1']);
    expect(calls).toEqual([]);
  });

  it('a docker that fails is a warning, never a failed job', async () => {
    const { exec } = recorder(() => ({ exitCode: 1, stderr: 'Cannot connect to the Docker daemon' }));
    const { log, lines } = quietLog();
    const before = process.exitCode;
    await runPost({ env: {}, log, exec, state: { label: 'L-4', built: true } });
    expect(lines.some((l) => /^::warning::Could not remove what this run built: .*Cannot connect/.test(l))).toBe(true);
    expect(process.exitCode).toBe(before);
  });
});
