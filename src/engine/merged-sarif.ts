/** SARIF for a merged report: each target's runs under its own category, packed into as few uploads as GitHub accepts. */
import { deflateRawSync } from 'node:zlib';
import type * as sarif from 'sarif';
import { sarifLogOfRuns, sarifRunsText } from '../sarif/to-sarif.js';
import { MAX_GZIP_BYTES, MAX_RUNS } from '../sarif/limits.js';
import { targetReport, type MergedReports } from './merge-reports.js';

export interface SarifParts {
  /** One or more SARIF logs as compact text (`JSON.stringify(log)` and a newline), each within GitHub's per-upload limits; a target is never split. */
  texts: string[];
  /** The same logs parsed (computed on each read: prefer `texts`). */
  readonly logs: sarif.Log[];
  /** The categories (`automationDetails.id` without the trailing run id), in order. */
  categories: string[];
}

/**
 * SARIF for a merged report: every target's runs (one per source) with the category
 * `<category>/<target>/`, packed into as few logs as GitHub accepts per upload. Each target's runs
 * are streamed once (no log object graph); a log is closed when one more target would exceed the
 * runs per upload or, by the sum of the targets' own gzip estimates, the size limit.
 */
export function mergedSarif(merged: MergedReports, opts: { category?: string; maxRuns?: number; maxGzipBytes?: number } = {}): SarifParts {
  const maxRuns = opts.maxRuns ?? MAX_RUNS;
  const maxBytes = opts.maxGzipBytes ?? MAX_GZIP_BYTES;
  const names = new Set(merged.report.targets.map((t) => t.name));
  for (const f of merged.report.findings) names.add(f.target);
  const texts: string[] = [];
  const categories: string[] = [];
  let current: { text: string; bytes: number; gz?: number }[] = [];
  let currentRuns = 0;
  const gzOf = (p: { text: string; gz?: number }): number => (p.gz ??= deflateRawSync(p.text, { level: 1 }).length);
  const flush = (): void => {
    if (current.length > 0) texts.push(sarifLogOfRuns(current.map((p) => p.text)));
    current = [];
    currentRuns = 0;
  };
  for (const name of [...names].sort()) {
    const runs = sarifRunsText(targetReport(merged, name), { category: opts.category, maxGzipBytes: maxBytes });
    for (const id of runs.ids) {
      const cat = id.slice(0, id.lastIndexOf('/'));
      if (!categories.includes(cat)) categories.push(cat);
    }
    if (runs.ids.length === 0) continue;
    const part = { text: runs.text, bytes: Buffer.byteLength(runs.text) };
    const tooMany = currentRuns + runs.ids.length > maxRuns;
    let tooBig = false;
    if (!tooMany && current.length > 0) {
      const raw = current.reduce((n, p) => n + p.bytes, part.bytes);
      // small enough uncompressed: fits; else the targets' deflated sizes, each on its own, must
      if (raw + (raw >> 10) + 1024 > maxBytes) tooBig = current.reduce((n, p) => n + gzOf(p), gzOf(part)) + 1024 > maxBytes;
    }
    if (tooMany || tooBig) flush();
    current.push(part);
    currentRuns += runs.ids.length;
  }
  flush();
  return {
    texts,
    get logs(): sarif.Log[] {
      return texts.map((t) => JSON.parse(t) as sarif.Log);
    },
    categories,
  };
}
