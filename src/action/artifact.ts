/**
 * The fork-safe hand-over (DESIGN §8): `mode: scan` writes the SARIF, the report JSON and the run's
 * metadata to `artifact-dir`; `mode: report` (a `workflow_run` job with a write token) reads them
 * back. What it reads came from an untrusted run, so every file is size-limited, must be a regular
 * file inside the workspace, and is validated against a strict schema before anything is published.
 */
import { lstatSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import type { Report } from '../core/types.js';
import { confine } from '../core/files.js';

export const SARIF_FILE = 'mcg.sarif';
export const REPORT_FILE = 'mcg-report.json';
export const META_FILE = 'mcg-meta.json';

export const MAX_META_BYTES = 64 * 1024;
export const MAX_REPORT_BYTES = 64 * 1024 * 1024;
export const MAX_SARIF_BYTES = 128 * 1024 * 1024;

export interface ArtifactMeta {
  schema: 'mcg-artifact/v1';
  repository: string;
  pr: number | null;
  headSha: string;
  /** Branch the PR targets (or the pushed ref's branch). */
  baseRef: string | null;
  target: string;
  checkName: string;
  category: string | null;
  workflow: string;
  job: string;
}

export class ArtifactError extends Error {}

const SHA = '^([0-9a-f]{40}|[0-9a-f]{64})$';
const SAFE_LINE = '^[^\\u0000-\\u001f]*$';

const metaSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['schema', 'repository', 'pr', 'headSha', 'baseRef', 'target', 'checkName', 'category', 'workflow', 'job'],
  properties: {
    schema: { const: 'mcg-artifact/v1' },
    repository: { type: 'string', pattern: '^[A-Za-z0-9-]{1,39}/(?!\\.\\.?$)[A-Za-z0-9_.-]{1,100}$' },
    pr: { anyOf: [{ type: 'integer', minimum: 1, maximum: 1e9 }, { type: 'null' }] },
    headSha: { type: 'string', pattern: SHA },
    baseRef: { anyOf: [{ type: 'string', maxLength: 255, pattern: '^[^\\u0000-\\u001f ~^:?*\\[\\\\]+$' }, { type: 'null' }] },
    target: { type: 'string', maxLength: 1000, pattern: SAFE_LINE },
    checkName: { type: 'string', minLength: 1, maxLength: 100, pattern: SAFE_LINE },
    category: { anyOf: [{ type: 'string', maxLength: 200, pattern: '^[A-Za-z0-9._/-]+$' }, { type: 'null' }] },
    workflow: { type: 'string', maxLength: 500, pattern: SAFE_LINE },
    job: { type: 'string', maxLength: 200, pattern: SAFE_LINE },
  },
} as const;

const severity = { enum: ['critical', 'high', 'medium', 'low', 'info'] };
const str = (max: number): { type: 'string'; maxLength: number } => ({ type: 'string', maxLength: max });
/** A repository-relative POSIX path: no absolute path, no `..` segment, no control characters. */
const repoPathSchema = { type: 'string', minLength: 1, maxLength: 4096, pattern: '^(?!/)(?![A-Za-z]:)(?!.*(^|/)\\.\\.(/|$))[^\\u0000-\\u001f\\\\]+$' };
const line = { type: 'integer', minimum: 1, maximum: 10_000_000 };

const findingSchema = {
  type: 'object',
  required: ['ruleId', 'source', 'severity', 'message', 'location', 'fingerprint', 'target', 'fingerprintKey'],
  properties: {
    ruleId: { type: 'string', minLength: 1, maxLength: 200, pattern: '^[A-Za-z0-9._:/-]+$' },
    source: { enum: ['mcg', 'trivy', 'trufflehog'] },
    severity,
    message: str(10_000),
    location: {
      type: 'object',
      required: ['path', 'startLine'],
      properties: {
        path: repoPathSchema,
        startLine: line,
        endLine: line,
        startColumn: line,
        endColumn: line,
        evidence: str(2000),
      },
    },
    // identical findings are numbered: `<hash>`, `<hash>:2` … (src/core/fingerprint.ts)
    fingerprint: { type: 'string', pattern: '^[0-9a-f]{16,64}(:[0-9]{1,9})?$' },
    target: str(1000),
    fingerprintKey: str(10_000),
    fix: str(10_000),
    helpUri: { type: 'string', maxLength: 2000, pattern: '^https://' },
    rule: {
      type: 'object',
      required: ['title'],
      properties: { title: str(1000), description: str(10_000), helpText: str(20_000), helpUri: { type: 'string', maxLength: 2000, pattern: '^https://' }, tags: { type: 'array', maxItems: 50, items: str(100) } },
    },
    cvss: { type: 'number', minimum: 0, maximum: 10 },
    new: { type: 'boolean' },
    error: { type: 'boolean' },
    failing: { type: 'boolean' },
    suppressed: {
      type: 'object',
      required: ['kind', 'justification', 'where'],
      properties: { kind: { enum: ['inSource', 'external'] }, justification: str(2000), where: str(4200), owner: str(200), expires: str(50) },
    },
  },
};

const countsSchema = {
  type: 'object',
  required: ['total', 'new', 'failing', 'suppressed', 'bySeverity'],
  properties: {
    total: { type: 'integer', minimum: 0 },
    new: { type: 'integer', minimum: 0 },
    failing: { type: 'integer', minimum: 0 },
    suppressed: { type: 'integer', minimum: 0 },
    bySeverity: {
      type: 'object',
      required: ['critical', 'high', 'medium', 'low', 'info'],
      properties: Object.fromEntries(['critical', 'high', 'medium', 'low', 'info'].map((s) => [s, { type: 'integer', minimum: 0 }])),
    },
  },
};

const notice = { type: 'object', required: ['id', 'where', 'reason', 'expires'], properties: { id: str(200), where: str(4200), reason: str(2000), expires: str(50), owner: str(200) } };

const reportSchema = {
  type: 'object',
  required: ['schemaVersion', 'tool', 'policy', 'baseline', 'targets', 'scanners', 'findings', 'fixed', 'expired', 'expiring', 'inputErrors', 'counts', 'result', 'reason'],
  properties: {
    schemaVersion: { const: 1 },
    tool: { type: 'object', required: ['name', 'version'], properties: { name: { const: 'mcp-container-guard' }, version: str(50) } },
    root: str(4096),
    startedAt: str(50),
    finishedAt: str(50),
    policy: { type: 'object', required: ['threshold', 'failOn'], properties: { threshold: severity, failOn: { enum: ['new', 'any', 'never'] } } },
    baseline: { type: 'object', required: ['source', 'fingerprints'], properties: { source: { enum: ['none', 'file', 'code-scanning'] }, fingerprints: { type: 'integer', minimum: 0 } } },
    targets: {
      type: 'array',
      maxItems: 1000,
      items: {
        type: 'object',
        required: ['name'],
        properties: { name: str(1000), dockerfile: repoPathSchema, context: str(4096), image: str(1000), imageDigest: str(200), imageSize: { type: 'number', minimum: 0 } },
      },
    },
    scanners: {
      type: 'array',
      maxItems: 100,
      items: {
        type: 'object',
        required: ['name', 'status'],
        properties: { name: { enum: ['mcg', 'docker', 'trivy', 'trufflehog'] }, status: { enum: ['ran', 'skipped', 'failed'] }, reason: str(5000), version: str(100), durationMs: { type: 'number', minimum: 0 } },
      },
    },
    findings: { type: 'array', maxItems: 200_000, items: findingSchema },
    fixed: { type: 'array', maxItems: 200_000, items: { type: 'object', required: ['fingerprint'], properties: { fingerprint: str(100), ruleId: str(200), path: str(4096) } } },
    expired: { type: 'array', maxItems: 10_000, items: notice },
    expiring: { type: 'array', maxItems: 10_000, items: notice },
    inputErrors: { type: 'array', maxItems: 10_000, items: { type: 'object', required: ['path', 'line', 'message'], properties: { path: str(4096), line: { type: 'integer', minimum: 0 }, message: str(5000) } } },
    counts: countsSchema,
    result: { enum: ['pass', 'fail'] },
    reason: str(2000),
  },
};

let validators: { meta: ValidateFunction; report: ValidateFunction } | undefined;
function compiled(): { meta: ValidateFunction; report: ValidateFunction } {
  validators ??= (() => {
    const ajv = new Ajv({ allErrors: false, strict: true, allowUnionTypes: true });
    return { meta: ajv.compile(metaSchema), report: ajv.compile(reportSchema) };
  })();
  return validators;
}

function readBounded(root: string, dir: string, name: string, max: number): string {
  const abs = confine(root, join(dir, name), `artifact file ${name}`);
  let st;
  try {
    st = lstatSync(abs);
  } catch {
    throw new ArtifactError(`${join(dir, name)} is missing: download the artifact written by the mode: scan job into artifact-dir first`);
  }
  if (!st.isFile()) throw new ArtifactError(`${join(dir, name)} is not a regular file`);
  if (st.size > max) throw new ArtifactError(`${join(dir, name)} is ${st.size} bytes, over the ${max}-byte limit for this file`);
  return readFileSync(abs, 'utf8');
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new ArtifactError(`${what} is not JSON: ${(e as Error).message}`);
  }
}

function explain(v: ValidateFunction, what: string): ArtifactError {
  const e = v.errors?.[0];
  return new ArtifactError(`${what} does not match its schema: ${e ? `${e.instancePath || '/'} ${e.message ?? ''}` : 'invalid'}`);
}

export function validateMeta(data: unknown): ArtifactMeta {
  const v = compiled().meta;
  if (!v(data)) throw explain(v, META_FILE);
  return data as ArtifactMeta;
}

export function validateReport(data: unknown): Report {
  const v = compiled().report;
  if (!v(data)) throw explain(v, REPORT_FILE);
  return data as Report;
}

export interface ArtifactFiles {
  sarifText: string;
  reportText: string;
  meta: ArtifactMeta;
}

export function writeArtifacts(root: string, dir: string, files: ArtifactFiles): { dir: string } {
  const abs = confine(root, dir, 'artifact-dir');
  validateMeta(files.meta);
  mkdirSync(abs, { recursive: true });
  writeFileSync(join(abs, SARIF_FILE), files.sarifText);
  writeFileSync(join(abs, REPORT_FILE), files.reportText);
  writeFileSync(join(abs, META_FILE), `${JSON.stringify(files.meta, null, 2)}\n`);
  return { dir: abs };
}

export interface ReadArtifacts {
  report: Report;
  meta: ArtifactMeta;
  /** The SARIF as written by the scan job (informational; report mode re-derives SARIF from the validated report). */
  sarifText: string;
}

/** Reads and validates what a `mode: scan` run left in `dir` (relative to the workspace `root`). */
export function readArtifacts(root: string, dir: string): ReadArtifacts {
  const meta = validateMeta(parseJson(readBounded(root, dir, META_FILE, MAX_META_BYTES), META_FILE));
  const report = validateReport(parseJson(readBounded(root, dir, REPORT_FILE, MAX_REPORT_BYTES), REPORT_FILE));
  const sarifText = readBounded(root, dir, SARIF_FILE, MAX_SARIF_BYTES);
  const sarif = parseJson(sarifText, SARIF_FILE) as { version?: unknown; runs?: unknown } | null;
  if (!sarif || sarif.version !== '2.1.0' || !Array.isArray(sarif.runs)) throw new ArtifactError(`${SARIF_FILE} is not a SARIF 2.1.0 log`);
  return { report, meta, sarifText };
}
