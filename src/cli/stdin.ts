/**
 * `mcg scan --stdin`: a Dockerfile or a YAML file (a rendered Helm chart, a compose file, a
 * manifest) read from standard input and checked as if it were a file of that name at the root of
 * an empty repository, so findings land on the stream's lines under that name:
 *
 *     helm template my-chart ./chart | mcg scan --stdin --stdin-name rendered.yaml
 *
 * `--stdin-name NAME` names what the stream is (a relative path such as `rendered.yaml`,
 * `compose.yaml`, `Dockerfile`); its name decides how it is read, exactly as for a file in a
 * repository. Without it the stream is sniffed: `stdin.compose.yaml` when it has a top-level
 * `services:` key, `stdin.yaml` when it has top-level `apiVersion:` and `kind:` keys, else
 * `stdin.Dockerfile`. Only static checks run (there is no build context to build an image from),
 * unless `--image` / `--image-tar` names an image to scan as well.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { safeWriteFile } from '../core/safe-write.js';
import { tmpdir } from 'node:os';
import { isAbsolute, join, normalize, sep } from 'node:path';
import { CliUsageError } from './commands.js';
import { isDockerfileName } from '../core/discover.js';
import { classifyYaml } from '../core/yaml/classify.js';

/** The largest stream read (the same as the scan's limit for one text file). */
export const MAX_STDIN_BYTES = 64 * 1024 * 1024;

/** The name a stream without `--stdin-name` is checked under. */
export function sniffStdinName(text: string): string {
  if (classifyYaml('stdin.compose.yaml', text) === 'compose') return 'stdin.compose.yaml';
  const k = classifyYaml('stdin.yaml', text);
  if (k === 'k8s' || k === 'helm-template') return 'stdin.yaml';
  return 'stdin.Dockerfile';
}

/** The checked name of `--stdin-name`, or a usage error. */
export function stdinName(name: string): string {
  const posix = normalize(name).split(sep).join('/');
  if (name.trim() === '' || isAbsolute(name) || posix === '..' || posix.startsWith('../') || posix.endsWith('/')) {
    throw new CliUsageError(`--stdin-name must be a relative file name such as rendered.yaml or Dockerfile, got "${name}"`);
  }
  const base = posix.split('/').pop()!;
  if (!isDockerfileName(base) && !/\.ya?ml$/i.test(base)) {
    throw new CliUsageError(`--stdin-name "${name}" is neither a Dockerfile name (Dockerfile, *.Dockerfile, Containerfile …) nor a YAML file name (*.yaml, *.yml): mcg would not know how to read the stream`);
  }
  return posix;
}

export interface StdinRepo {
  /** The temporary repository root holding the stream as `name`. */
  root: string;
  name: string;
  /** Removes the temporary repository. */
  dispose(): void;
}

/**
 * A temporary repository holding the stream under its name, and the configuration (`.mcg.yml`)
 * when one is given, so the scan reads both exactly as it reads a checkout.
 */
export function stdinRepo(bytes: Buffer, o: { name?: string | undefined; config?: string | undefined }): StdinRepo {
  if (bytes.length > MAX_STDIN_BYTES) throw new CliUsageError(`standard input is over ${MAX_STDIN_BYTES / 1024 / 1024} MiB: split it (helm template --output-dir) and scan the directory`);
  const name = o.name !== undefined ? stdinName(o.name) : sniffStdinName(bytes.toString('utf8'));
  const root = mkdtempSync(join(tmpdir(), 'mcg-stdin-'));
  // the one safe writer, confined to the fresh temporary repository
  safeWriteFile({ root, what: '--stdin-name' }, name, bytes);
  if (o.config !== undefined && name !== '.mcg.yml') safeWriteFile({ root, what: '--config' }, '.mcg.yml', o.config);
  return { root, name, dispose: () => rmSync(root, { recursive: true, force: true }) };
}
