/**
 * Reading the scan artifacts for a merge: each report is untrusted (possibly a fork's job), so
 * files are size-limited regular files (no symlinks), parsed as JSON and validated against
 * schema/report.schema.json before anything is used.
 */
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import schema from '../../schema/report.schema.json' with { type: 'json' };
import type { Report } from '../core/types.js';
import { withRuleTable } from './rule-table.js';
import { appendAll } from '../core/arrays.js';

/** File names inside one scan artifact (the action's `mode: scan` writes them to artifact-dir). */
export const REPORT_FILE = 'mcg-report.json';
export const SARIF_FILE = 'mcg.sarif';
export const META_FILE = 'mcg-meta.json';

export const MAX_REPORT_BYTES = 64 * 1024 * 1024;
export const MAX_TOTAL_BYTES = 512 * 1024 * 1024;
/** One artifact per matrix job; a matrix has at most 256 jobs. */
export const MAX_ARTIFACTS = 256;

export class MergeError extends Error {}

let validator: ValidateFunction | undefined;

function describe(e: ErrorObject): string {
  const at = e.instancePath || '(top level)';
  if (e.keyword === 'additionalProperties') return `${at} has an unexpected key "${String((e.params as { additionalProperty: string }).additionalProperty)}"`;
  return `${at} ${e.message ?? 'is invalid'}`;
}

/**
 * Checks untrusted data against schema/report.schema.json, the one schema of the report JSON (the
 * CLI's merge and the action's mode: report both use it). Returns the first problems, or [] when valid.
 */
export function reportSchemaErrors(data: unknown, max = 5): string[] {
  validator ??= new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema);
  if (validator(data)) return [];
  return (validator.errors ?? []).slice(0, max).map(describe);
}

/** Validates an untrusted report JSON text; throws MergeError naming the artifact and the first problems. */
export function parseReport(text: string, label: string): Report {
  if (text.length > MAX_REPORT_BYTES) throw new MergeError(`${label}: the report is larger than ${MAX_REPORT_BYTES / 1024 / 1024} MiB`);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new MergeError(`${label}: not JSON (${(e as Error).message})`);
  }
  const errs = reportSchemaErrors(data);
  if (errs.length > 0) throw new MergeError(`${label}: not an mcg report (schema/report.schema.json): ${errs.join('; ')}`);
  // the writers read rule metadata from the report: our catalog's entry wins for our ids
  const report = data as Report;
  return withRuleTable(report, [report.rules]);
}

export interface ArtifactReport {
  /** Where it came from (directory), for messages. */
  label: string;
  report: Report;
}

function isDir(p: string): boolean {
  try {
    const st = lstatSync(p);
    return st.isDirectory();
  } catch {
    return false;
  }
}

function readBounded(path: string, max: number): string {
  let st;
  try {
    st = lstatSync(path);
  } catch {
    throw new MergeError(`${path} is missing`);
  }
  if (!st.isFile()) throw new MergeError(`${path} is not a regular file (symlinks are refused)`);
  if (st.size > max) throw new MergeError(`${path} is ${st.size} bytes, over the ${max}-byte limit`);
  return readFileSync(path, 'utf8');
}

/**
 * The artifact directories to merge: each given directory is one artifact (it holds
 * mcg-report.json) or a download directory whose subdirectories are artifacts (what
 * `actions/download-artifact` writes for several artifacts). Sorted by path; symlinks refused.
 */
export function findArtifactDirs(dirs: readonly string[]): string[] {
  const out: string[] = [];
  for (const d of dirs) {
    if (!isDir(d)) throw new MergeError(`${d} is not a directory: pass the directory a scan job's artifact was downloaded to`);
    let hasReport = false;
    try {
      lstatSync(join(d, REPORT_FILE));
      hasReport = true;
    } catch {
      hasReport = false;
    }
    if (hasReport) {
      out.push(d);
      continue;
    }
    const subs = readdirSync(d, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => join(d, e.name))
      .sort();
    const withReport = subs.filter((s) => {
      try {
        lstatSync(join(s, REPORT_FILE));
        return true;
      } catch {
        return false;
      }
    });
    if (withReport.length === 0) throw new MergeError(`${d} holds no ${REPORT_FILE}, neither directly nor in a subdirectory: is it the download directory of the scan artifacts?`);
    const without = subs.filter((s) => !withReport.includes(s));
    if (without.length > 0) throw new MergeError(`${without.join(', ')}: no ${REPORT_FILE} in this artifact (download only the scan artifacts, e.g. with pattern: mcg-*)`);
    appendAll(out, withReport);
  }
  if (out.length > MAX_ARTIFACTS) throw new MergeError(`${out.length} artifacts to merge; at most ${MAX_ARTIFACTS} are accepted`);
  return out;
}

/** Reads and validates the reports of the artifact directories (see findArtifactDirs). */
export function readArtifactReports(dirs: readonly string[]): ArtifactReport[] {
  let total = 0;
  return findArtifactDirs(dirs).map((dir) => {
    const text = readBounded(join(dir, REPORT_FILE), MAX_REPORT_BYTES);
    total += text.length;
    if (total > MAX_TOTAL_BYTES) throw new MergeError(`the reports together are larger than ${MAX_TOTAL_BYTES / 1024 / 1024} MiB`);
    return { label: dir, report: parseReport(text, join(dir, REPORT_FILE)) };
  });
}
