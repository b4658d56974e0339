/**
 * MCG992 end to end, real parts: the rig's Docker (BuildKit through buildx) builds each image once
 * through the real pipeline (scanners off: only the build, the export and the image checks), and
 * the built image is compared with our reading of the stage that was built.
 * (a) No false positives: the examples, every Dockerfile the other e2e tests build
 *     (test/support/e2e-dockerfiles.ts) and a probe of many instruction forms (build args, a stage
 *     on a stage, --target, ONBUILD, SHELL, ENTRYPOINT resetting CMD, HEALTHCHECK, relative
 *     WORKDIR, old-form ENV, $PATH from the base) give no MCG992.
 * (b) A reader difference is caught: the probe's real build compared, through the same pipeline,
 *     with a model read from the probe with another USER line gives a failing MCG992 there.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { scan, type ScanOptions } from '../../src/engine/scan.js';
import { defaultConfig } from '../../src/core/config.js';
import { decide, DEFAULT_POLICY } from '../../src/core/policy.js';
import { parseDockerfile } from '../../src/core/dockerfile/model.js';
import { createPipeline } from '../../src/engine/setup.js';
import { spawnExec } from '../../src/scanners/exec.js';
import type { Finding, Logger, Report } from '../../src/core/types.js';
import { rigEnv, rigValue } from '../support/rig.js';
import { repoRoot } from '../support/scan-rig.js';
import { fakeSecrets } from '../support/fake-secrets.js';
import { FAULTS_DOCKERFILE, hygieneDockerfile, INJECTION_COPY_DOCKERFILE, INJECTION_DOCKERFILE, PUBLISH_FAILING_DOCKERFILE } from '../support/e2e-dockerfiles.js';

const PROBE = [
  'ARG BASE_USER=10001',
  'FROM debian:bookworm-slim AS app',
  'ARG BASE_USER',
  'ARG VERSION=1',
  'ENV APP_HOME=/srv/app LOG_LEVEL="info level" \\',
  '    APP_VERSION=$VERSION',
  'ENV OLD_FORM old form value',
  'ENV P=$PATH:/x',
  'WORKDIR $APP_HOME',
  'COPY --chmod=644 a.txt ./',
  'RUN echo "$VERSION" > /srv/app/v && \\',
  '    echo done',
  'RUN ["/bin/echo", "exec form"]',
  'ONBUILD RUN echo trigger',
  'EXPOSE 8080',
  'LABEL org.opencontainers.image.title=probe',
  'STOPSIGNAL SIGTERM',
  'HEALTHCHECK --interval=30s CMD test -f /srv/app/v || exit 1',
  'CMD ["/bin/echo", "app"]',
  '',
  'FROM app AS child',
  'ARG VERSION=2',
  'WORKDIR sub',
  'SHELL ["/bin/bash", "-c"]',
  'RUN echo bash $VERSION',
  'USER ${BASE_USER}:${BASE_USER}',
  'ENTRYPOINT echo child entry',
  '',
  'FROM child AS debug',
  'USER root',
  '',
].join('\n');
const PROBE_USER_LINE = 26;
const PROBE_OPTS = { buildTarget: 'child', buildArgs: { VERSION: '7' } };

interface Workspace {
  name: string;
  root: string;
  path?: string;
  opts?: Partial<ScanOptions>;
}

function workspace(name: string, dockerfile: string, files: Record<string, string> = {}): Workspace {
  const root = mkdtempSync(join(tmpdir(), 'mcg-mcg992-'));
  writeFileSync(join(root, 'Dockerfile'), dockerfile);
  for (const [f, text] of Object.entries(files)) writeFileSync(join(root, f), text);
  return { name, root };
}

const S = fakeSecrets(4242);
let env: Record<string, string>;
const logs: string[] = [];
const logger: Logger = { debug: () => undefined, info: () => undefined, warning: (m) => logs.push(m), error: (m) => logs.push(m) };
const options = (w: Workspace): ScanOptions => ({ root: w.root, path: w.path, build: true, scanners: { trivy: false, trufflehog: false }, offline: true, timeoutMs: 15 * 60_000, ...w.opts });

const probe = workspace('probe', PROBE, { 'a.txt': 'probe\n' });
probe.opts = PROBE_OPTS;
const workspaces: Workspace[] = [
  { name: 'examples/node-mcp-server', root: repoRoot, path: 'examples/node-mcp-server' },
  { name: 'examples/python-mcp-server', root: repoRoot, path: 'examples/python-mcp-server' },
  workspace('faults', FAULTS_DOCKERFILE, { 'app.txt': 'hello\n' }),
  { ...workspace('secret-hygiene', hygieneDockerfile(S), { 'creds.txt': 'x\n', 'key.pem': 'y\n' }), opts: { buildArgs: { NPM_TOKEN: 'not-a-real-token' } } },
  workspace('action-publish (failing)', PUBLISH_FAILING_DOCKERFILE),
  workspace('injection', INJECTION_DOCKERFILE),
  workspace('injection (copies its context)', INJECTION_COPY_DOCKERFILE, { 'server.js': '1\n' }),
  probe,
];
const reports = new Map<string, Report>();

beforeAll(async () => {
  rigValue('DOCKER_HOST');
  env = rigEnv();
  for (const w of workspaces) {
    const report = await scan(options(w), { logger, exec: spawnExec, imagePipeline: createPipeline({ exec: spawnExec, logger, env }) });
    reports.set(w.name, report);
  }
}, 30 * 60_000);

const misread = (fs: readonly Finding[]): string[] => fs.filter((f) => f.ruleId === 'MCG992').map((f) => `${f.location.path}:${f.location.startLine} ${f.message}`);

describe('MCG992 on real builds', () => {
  it.each(workspaces.map((w) => [w.name, w] as const))('%s: built, and read as the builder read it', (name) => {
    const r = reports.get(name)!;
    expect(r.scanners.find((s) => s.name === 'docker')?.status, logs.join('\n')).toBe('ran');
    expect(r.findings.filter((f) => f.error).map((f) => f.message)).toEqual([]);
    expect(misread(r.findings)).toEqual([]);
  });

  it('a reading that differs from the build (another USER line) is a failing MCG992 at that line', async () => {
    const pipeline = createPipeline({ exec: spawnExec, logger, env });
    const lines = PROBE.split('\n');
    expect(lines[PROBE_USER_LINE - 1]).toMatch(/^USER /);
    const misreadText = lines.map((l, i) => (i + 1 === PROBE_USER_LINE ? 'USER app' : l)).join('\n');
    const target = { name: 'Dockerfile', dockerfile: 'Dockerfile', context: '.', text: PROBE, model: parseDockerfile('Dockerfile', misreadText) };
    const res = await pipeline.run(target, options(probe), defaultConfig());
    expect(res.scanners.find((s) => s.name === 'docker')?.status).toBe('ran');
    const hits = res.findings.filter((f) => f.ruleId === 'MCG992');
    expect(hits.map((f) => f.location.startLine)).toEqual([PROBE_USER_LINE, PROBE_USER_LINE]);
    expect(hits.map((f) => f.severity)).toEqual(['high', 'high']);
    expect(hits[0]!.message).toContain('runs as user "10001:10001", but this USER reads as "app"');
    // fail-closed: even a threshold of critical fails the run
    expect(decide(hits, { ...DEFAULT_POLICY, threshold: 'critical' }).result).toBe('fail');
    // … and the faithful reading of the same image gives none
    const faithful = await pipeline.run({ ...target, model: parseDockerfile('Dockerfile', PROBE) }, options(probe), defaultConfig());
    expect(misread(faithful.findings)).toEqual([]);
  }, 15 * 60_000);
});
