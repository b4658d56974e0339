/** The commands `mcg` parses argv into (DESIGN §6 CLI contract), and the value checks they share. Pure. */
import type { FailOn, Severity } from '../core/types.js';
import type { ProbeArgs } from './probe-args.js';
import type { SbomFormatChoice } from '../core/sbom.js';

export const FORMATS = ['table', 'json', 'sarif', 'markdown', 'profile'] as const;
export type Format = (typeof FORMATS)[number];

export class CliUsageError extends Error {}

export interface ScanCommand {
  command: 'scan';
  path: string;
  root?: string;
  dockerfiles: string[];
  context?: string;
  target?: string;
  buildArgs: Record<string, string>;
  platform?: string;
  /** --cache-from / --cache-to values (BuildKit's CSV, validated); empty: none. */
  cacheFrom: string[];
  cacheTo: string[];
  /** Trivy DB mirrors and max age (src/core/trivy-db.ts). */
  trivyDb?: { repositories: string[]; javaRepositories: string[]; maxAgeHours?: number };
  build: boolean;
  image?: string;
  imageTar?: string;
  scanners: { trivy: boolean; trufflehog: boolean };
  format: Format;
  output?: string;
  sarif?: string;
  reportJson?: string;
  severityThreshold?: Severity;
  failOn?: FailOn;
  config?: string;
  baseline?: string;
  ignoreUnfixed: boolean;
  offline: boolean;
  timeoutMinutes?: number;
  color?: boolean;
  category?: string;
  verifySecrets: boolean;
  /** The runtime probe (src/cli/probe-args.ts). */
  probe: ProbeArgs;
  /** VEX documents deciding on image vulnerabilities (repeatable --vex). */
  vex: string[];
  /** Write the OpenVEX document of this run's vulnerability suppressions here. */
  vexOut?: string;
  /** `--sbom F`: write the image's SBOM to F (issue #22), in `sbomFormat` (default cyclonedx). */
  sbom?: string;
  sbomFormat: SbomFormatChoice;
  /** `--stdin`: check standard input (src/cli/stdin.ts), named by `--stdin-name` when given. */
  stdin?: { name?: string | undefined };
  /** Accept a run that checked no file (otherwise exit 2). */
  allowEmpty: boolean;
}

export interface DiscoverCommand {
  command: 'discover';
  path: string;
  root?: string;
  /** Globs selecting the Dockerfiles (repository-relative); empty = the default names. */
  dockerfiles: string[];
  context?: string;
  config?: string;
  format: 'json' | 'table';
  output?: string;
  /** Only the targets changed between base and head (`git diff base...head`; head default HEAD). */
  changedOnly?: { base: string; head?: string };
}

export interface MergeCommand {
  command: 'merge';
  /** Artifact directories (or download directories holding one subdirectory per artifact). */
  dirs: string[];
  sarif?: string;
  reportJson?: string;
  format: Format;
  output?: string;
  severityThreshold?: Severity;
  failOn?: FailOn;
  category?: string;
  /** The discover matrix (JSON text or @file): every Dockerfile in it must have results. */
  matrix?: string;
  color?: boolean;
  /** This run's own baseline and config (ignore: entries): the artifacts' claims decide nothing. */
  baseline?: string;
  config?: string;
  root?: string;
  /** This run's own VEX files: applied to the merged image findings (the artifacts' VEX claims are not trusted). */
  vex: string[];
}

export type Command =
  | ScanCommand
  | DiscoverCommand
  | MergeCommand
  | { command: 'rules'; format: 'table' | 'json' }
  | { command: 'version' }
  | { command: 'help' }
  | { command: 'probe-cleanup' };

/** `--fail-on`: new, any or never. */
export function parseFailOn(v: string | undefined): FailOn | undefined {
  if (v !== undefined && v !== 'new' && v !== 'any' && v !== 'never') throw new CliUsageError(`--fail-on must be new, any or never, got "${v}"`);
  return v;
}

/** `--format` of scan and merge: one of FORMATS. */
export function parseFormat(v: string | undefined): Format {
  const format = (v ?? 'table') as Format;
  if (!FORMATS.includes(format)) throw new CliUsageError(`--format must be one of ${FORMATS.join(', ')}, got "${v}"`);
  return format;
}

/** `--no-color` / `--color`: forced off or on; undefined leaves it to the terminal. */
export function colorFlag(values: { 'no-color'?: boolean | undefined; color?: boolean | undefined }): boolean | undefined {
  return values['no-color'] ? false : values.color ? true : undefined;
}
