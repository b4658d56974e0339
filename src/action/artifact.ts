/**
 * The fork-safe hand-over (DESIGN §8): `mode: scan` writes the SARIF, the report JSON and the run's
 * metadata to `artifact-dir`; `mode: report` (a `workflow_run` job with a write token) reads them
 * back — the metadata and the report JSON, never the SARIF (report mode writes its own from the
 * report). What it reads came from an untrusted run, so every file is size-limited, must be a regular
 * file inside the workspace, and is validated against a strict schema before anything is published.
 */
import { lstatSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import type { Report } from '../core/types.js';
import { confine } from '../core/files.js';
import { safeWriteFile } from '../core/safe-write.js';
import { reportSchemaErrors } from '../engine/merge-reports.js';
import { withRuleTable } from '../engine/rule-table.js';

export const SARIF_FILE = 'mcg.sarif';
/** The OpenVEX document of the run's vulnerability suppressions. */
export const VEX_FILE = 'mcg.vex.json';
export const REPORT_FILE = 'mcg-report.json';
export const META_FILE = 'mcg-meta.json';

export const MAX_META_BYTES = 64 * 1024;
export const MAX_REPORT_BYTES = 64 * 1024 * 1024;

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

let metaValidator: ValidateFunction | undefined;
function compiledMeta(): ValidateFunction {
  metaValidator ??= new Ajv({ allErrors: false, strict: true, allowUnionTypes: true }).compile(metaSchema);
  return metaValidator;
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
  const v = compiledMeta();
  if (!v(data)) throw explain(v, META_FILE);
  return data as ArtifactMeta;
}

/** The report JSON is checked against schema/report.schema.json, the same schema `mcg merge` uses. */
export function validateReport(data: unknown): Report {
  const errs = reportSchemaErrors(data, 3);
  if (errs.length > 0) throw new ArtifactError(`${REPORT_FILE} does not match its schema (schema/report.schema.json): ${errs.join('; ')}`);
  // the writers read rule metadata from the report: our catalog's entry wins for our ids
  const report = data as Report;
  return withRuleTable(report, [report.rules]);
}

export interface ArtifactFiles {
  sarifText: string;
  reportText: string;
  meta: ArtifactMeta;
}

export function writeArtifacts(root: string, dir: string, files: ArtifactFiles): { dir: string } {
  validateMeta(files.meta);
  // the one safe writer: inside the workspace, never through a committed symlink
  const target = { root, what: 'artifact-dir' };
  safeWriteFile(target, join(dir, SARIF_FILE), files.sarifText);
  safeWriteFile(target, join(dir, REPORT_FILE), files.reportText);
  return { dir: dirname(writeMeta(root, dir, files.meta)) };
}

/** Writes the run metadata of an artifact (validated first); returns its path. */
export function writeMeta(root: string, dir: string, meta: ArtifactMeta): string {
  validateMeta(meta);
  return safeWriteFile({ root, what: 'artifact-dir' }, join(dir, META_FILE), `${JSON.stringify(meta, null, 2)}\n`);
}

export interface ReadArtifacts {
  report: Report;
  meta: ArtifactMeta;
}

/** The run metadata of an artifact (relative `dir` under the workspace `root`), validated. */
export function readMeta(root: string, dir: string): ArtifactMeta {
  return validateMeta(parseJson(readBounded(root, dir, META_FILE, MAX_META_BYTES), META_FILE));
}

/** The report JSON of an artifact, validated against the schema `mcg merge` uses. */
export function readReport(root: string, dir: string): Report {
  return validateReport(parseJson(readBounded(root, dir, REPORT_FILE, MAX_REPORT_BYTES), REPORT_FILE));
}

/**
 * Reads and validates what a `mode: scan` run left in `dir` (relative to the workspace `root`):
 * the metadata and the report JSON only. The artifact's SARIF is not read: report mode derives
 * its SARIF from the validated report under its own policy, so the scan job's SARIF decides nothing.
 */
export function readArtifacts(root: string, dir: string): ReadArtifacts {
  return { meta: readMeta(root, dir), report: readReport(root, dir) };
}
