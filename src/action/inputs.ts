/**
 * The action's inputs (action.yml is the contract), read once into a typed record and validated
 * with errors that name the input and say how to fix it. Pure: the reader is injected.
 */
import { SEVERITIES, type FailOn, type Severity } from '../core/types.js';
import { PROBE_INPUT_DEFAULTS, readProbeInputs } from './probe-inputs.js';
import type { ProbeOptions } from '../core/probe/options.js';
import { SBOM_FORMAT_CHOICES, type SbomFormatChoice } from '../core/sbom.js';
import { CACHE_DB_INPUT_DEFAULTS, readCacheDbInputs, type CacheDbInputs } from './cache-db-inputs.js';

export type Tristate = 'auto' | 'true' | 'false';
export type CommentMode = 'auto' | 'always' | 'never';
export type Mode = 'full' | 'scan' | 'report' | 'discover';
export type CommentLayout = 'combined' | 'per-target';

export interface ActionInputs extends CacheDbInputs {
  githubToken: string;
  context?: string;
  dockerfiles: string[];
  /** VEX documents (repository paths) deciding on image vulnerabilities. */
  vex: string[];
  target?: string;
  buildArgs: Record<string, string>;
  platform?: string;
  image?: string;
  imageTar?: string;
  build: boolean;
  scanners: { trivy: boolean; trufflehog: boolean };
  manifests: boolean;
  config?: string;
  severityThreshold: Severity;
  failOn: FailOn;
  ignoreUnfixed: boolean;
  baseline?: string;
  sarifFile?: string;
  uploadSarif: Tristate;
  category?: string;
  checkRun: boolean;
  checkName?: string;
  annotations: boolean;
  comment: CommentMode;
  summary: boolean;
  mode: Mode;
  artifactDir: string;
  /** mode: report: the discover matrix; a Dockerfile in it without results is a scanner error. */
  matrix?: string;
  /** mode: discover on pull requests: only the targets the PR can have changed (issue #23). */
  changedOnly: boolean;
  /** mode: report over several targets: one combined comment, or one per target. */
  commentMode: CommentLayout;
  verifySecrets: Tristate;
  /** Accept a run that checked no file (otherwise the step fails, saying so). */
  allowEmpty: boolean;
  trivyVersion?: string;
  trufflehogVersion?: string;
  offline: boolean;
  timeoutMinutes: number;
  /** The runtime probe (src/action/probe-inputs.ts); probe-env values are secrets. */
  probe: ProbeOptions;
  /** The image SBOM documents written beside the SARIF (issue #22). */
  sbomFormat: SbomFormatChoice;
  /** Submit the image's packages to GitHub's dependency graph. */
  dependencySnapshot: Tristate;
}

/** Every input action.yml declares, with its default there (kept in sync by test/unit/action/inputs.test.ts). */
export const INPUT_DEFAULTS: Record<string, string> = {
  'github-token': '${{ github.token }}',
  context: '',
  dockerfile: '',
  target: '',
  'build-args': '',
  platform: '',
  image: '',
  'image-tar': '',
  build: 'true',
  scanners: 'all',
  manifests: 'true',
  config: '',
  'severity-threshold': 'high',
  'fail-on': 'new',
  'ignore-unfixed': 'false',
  vex: '',
  'sbom-format': 'cyclonedx',
  'dependency-snapshot': 'auto',
  baseline: '',
  'sarif-file': '',
  'upload-sarif': 'auto',
  category: '',
  'check-run': 'true',
  'check-name': '',
  annotations: 'true',
  comment: 'auto',
  summary: 'true',
  mode: 'full',
  'artifact-dir': 'mcg-results',
  matrix: '',
  'changed-only': 'false',
  'comment-mode': 'combined',
  'verify-secrets': 'false',
  'allow-empty': 'false',
  'trivy-version': '',
  'trufflehog-version': '',
  offline: 'false',
  'timeout-minutes': '20',
  ...PROBE_INPUT_DEFAULTS,
  ...CACHE_DB_INPUT_DEFAULTS,
};

export class InputError extends Error {
  constructor(
    readonly input: string,
    message: string,
  ) {
    super(`Input "${input}": ${message}`);
  }
}

export type InputReader = (name: string) => string;

function oneOf<T extends string>(get: InputReader, name: string, allowed: readonly T[]): T {
  const raw = get(name).trim();
  const v = (raw === '' ? (INPUT_DEFAULTS[name] ?? '') : raw).toLowerCase();
  if ((allowed as readonly string[]).includes(v)) return v as T;
  throw new InputError(name, `"${raw}" is not valid. Use one of: ${allowed.join(', ')}${INPUT_DEFAULTS[name] ? ` (default ${INPUT_DEFAULTS[name]})` : ''}.`);
}

function bool(get: InputReader, name: string): boolean {
  const raw = get(name).trim();
  const v = (raw === '' ? (INPUT_DEFAULTS[name] ?? 'false') : raw).toLowerCase();
  // YAML 1.2 core schema booleans, as the runner passes them through
  if (v === 'true') return true;
  if (v === 'false') return false;
  throw new InputError(name, `"${raw}" is not a boolean. Use true or false.`);
}

function tristate(get: InputReader, name: string): Tristate {
  return oneOf(get, name, ['auto', 'true', 'false'] as const);
}

function optional(get: InputReader, name: string): string | undefined {
  const v = get(name).trim();
  return v === '' ? undefined : v;
}

function list(get: InputReader, name: string): string[] {
  return get(name)
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter((s) => s !== '' && !s.startsWith('#'));
}

export function parseBuildArgs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const l = line.trim();
    if (l === '' || l.startsWith('#')) continue;
    const eq = l.indexOf('=');
    const key = eq < 0 ? l : l.slice(0, eq);
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) {
      throw new InputError('build-args', `"${key}" is not a build argument name. Write one NAME=value per line.`);
    }
    // NAME alone passes the runner's environment value, as `docker build --build-arg NAME` does
    out[key] = eq < 0 ? (process.env[key] ?? '') : l.slice(eq + 1);
  }
  return out;
}

function scanners(get: InputReader): { trivy: boolean; trufflehog: boolean } {
  const items = list(get, 'scanners').map((s) => s.toLowerCase());
  const v = items.length === 0 ? ['all'] : items;
  const known = ['all', 'none', 'trivy', 'trufflehog'];
  const bad = v.filter((s) => !known.includes(s));
  if (bad.length > 0) throw new InputError('scanners', `unknown scanner "${bad[0]}". Use all, none, or a comma-separated list of trivy, trufflehog (the built-in checks always run).`);
  if (v.includes('all')) return { trivy: true, trufflehog: true };
  return { trivy: v.includes('trivy'), trufflehog: v.includes('trufflehog') };
}

function version(get: InputReader, name: string): string | undefined {
  const v = optional(get, name);
  if (v === undefined) return undefined;
  if (v.toLowerCase() === 'latest') throw new InputError(name, '"latest" is refused: tools are pinned and checksum-verified. Leave it empty for the pinned default or give an exact version such as 0.74.0.');
  if (!/^v?\d+\.\d+\.\d+$/.test(v)) throw new InputError(name, `"${v}" is not an exact version (x.y.z).`);
  return v.replace(/^v/, '');
}

export function readInputs(get: InputReader): ActionInputs {
  const token = get('github-token').trim();
  const timeoutRaw = get('timeout-minutes').trim() || INPUT_DEFAULTS['timeout-minutes']!;
  const timeoutMinutes = Number(timeoutRaw);
  if (!Number.isFinite(timeoutMinutes) || timeoutMinutes <= 0 || timeoutMinutes > 360) {
    throw new InputError('timeout-minutes', `"${timeoutRaw}" is not a number of minutes between 1 and 360.`);
  }
  const inputs: ActionInputs = {
    githubToken: token,
    context: optional(get, 'context'),
    dockerfiles: list(get, 'dockerfile'),
    vex: list(get, 'vex'),
    target: optional(get, 'target'),
    buildArgs: parseBuildArgs(get('build-args')),
    platform: optional(get, 'platform'),
    image: optional(get, 'image'),
    imageTar: optional(get, 'image-tar'),
    build: bool(get, 'build'),
    scanners: scanners(get),
    manifests: bool(get, 'manifests'),
    config: optional(get, 'config'),
    severityThreshold: oneOf(get, 'severity-threshold', SEVERITIES),
    failOn: oneOf(get, 'fail-on', ['new', 'any', 'never'] as const),
    ignoreUnfixed: bool(get, 'ignore-unfixed'),
    baseline: optional(get, 'baseline'),
    sarifFile: optional(get, 'sarif-file'),
    uploadSarif: tristate(get, 'upload-sarif'),
    category: optional(get, 'category'),
    checkRun: bool(get, 'check-run'),
    checkName: optional(get, 'check-name'),
    annotations: bool(get, 'annotations'),
    comment: oneOf(get, 'comment', ['auto', 'always', 'never'] as const),
    summary: bool(get, 'summary'),
    mode: oneOf(get, 'mode', ['full', 'scan', 'report', 'discover'] as const),
    artifactDir: optional(get, 'artifact-dir') ?? INPUT_DEFAULTS['artifact-dir']!,
    matrix: optional(get, 'matrix'),
    changedOnly: bool(get, 'changed-only'),
    commentMode: oneOf(get, 'comment-mode', ['combined', 'per-target'] as const),
    verifySecrets: tristate(get, 'verify-secrets'),
    allowEmpty: bool(get, 'allow-empty'),
    trivyVersion: version(get, 'trivy-version'),
    trufflehogVersion: version(get, 'trufflehog-version'),
    offline: bool(get, 'offline'),
    ...readCacheDbInputs(get, (name, message) => new InputError(name, message)),
    timeoutMinutes,
    probe: readProbeInputs(get, (name, message) => new InputError(name, message)),
    sbomFormat: oneOf(get, 'sbom-format', SBOM_FORMAT_CHOICES),
    dependencySnapshot: tristate(get, 'dependency-snapshot'),
  };
  if (inputs.image && inputs.imageTar) throw new InputError('image-tar', 'give either image or image-tar, not both.');
  if (inputs.category !== undefined && !/^[A-Za-z0-9._/-]+$/.test(inputs.category)) {
    throw new InputError('category', `"${inputs.category}" may hold letters, digits, ".", "_", "-" and "/" only.`);
  }
  if (inputs.checkName !== undefined && inputs.checkName.length > 100) throw new InputError('check-name', 'keep it under 100 characters.');
  const writes = inputs.mode !== 'scan' && inputs.mode !== 'discover' && (inputs.checkRun || inputs.comment === 'always' || inputs.uploadSarif === 'true');
  if (writes && token === '') {
    throw new InputError('github-token', 'is empty, but check-run, comment or upload-sarif needs it. Pass github-token: ${{ github.token }} or turn those off.');
  }
  return inputs;
}

/** The name of the check run: stable across reruns so it can be a required status check. */
export function checkRunName(inputs: Pick<ActionInputs, 'checkName' | 'dockerfiles'>): string {
  if (inputs.checkName) return inputs.checkName;
  const df = inputs.dockerfiles;
  if (df.length === 0 || (df.length === 1 && df[0] === 'Dockerfile')) return 'MCP Container Guard';
  return `MCP Container Guard (${df.join(', ')})`;
}

/**
 * The `target` of the sticky comment (its marker and its title): which image(s) this job reports on.
 * Taken from the inputs, never from what the scan found, so it stays the same across reruns.
 */
export function reportTarget(inputs: Pick<ActionInputs, 'dockerfiles' | 'image' | 'imageTar'>, repository: string): string {
  if (inputs.dockerfiles.length > 0) return inputs.dockerfiles.join(',');
  return inputs.image ?? inputs.imageTar ?? repository;
}

/**
 * Whether TruffleHog may verify what it finds against the live services. Off unless asked for
 * (`true`, or `auto`, which means the same), and never on a read-only run (a pull request from a fork,
 * Dependabot): a fork's code must not make this run send candidate credentials anywhere.
 */
export function secretVerification(input: Tristate, readOnly: boolean): { verify: boolean; notice?: string } {
  if (input === 'false') return { verify: false };
  if (readOnly) return { verify: false, notice: `verify-secrets: ${input} is not honoured on this read-only run (fork pull request or Dependabot): TruffleHog runs with --no-verification` };
  return { verify: true };
}
