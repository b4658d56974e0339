/**
 * A baseline from a file: an earlier report JSON or SARIF log. Treated as untrusted input:
 * size-limited and shape-checked; only fingerprints (and rule/path for the "fixed" list) are read,
 * and from a report JSON the probed targets' tool surfaces (names, hashes, hints; src/core/probe/surface.ts).
 */
import type { Baseline } from './merge.js';
import { surfacesOfReport } from './probe/surface.js';

export const MAX_BASELINE_BYTES = 100 * 1024 * 1024;

export class BaselineError extends Error {}

const FP = /^[0-9a-f]{16,64}(:\d+)?$/;

export function parseBaseline(text: string, file: string): Baseline {
  if (text.length > MAX_BASELINE_BYTES) throw new BaselineError(`${file}: the baseline is larger than ${MAX_BASELINE_BYTES / 1024 / 1024} MiB`);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    // the parser's message quotes the text: never echo a file that may not be ours (--baseline /etc/passwd)
    throw new BaselineError(`${file}: not JSON: pass a report JSON or SARIF file written by mcg`);
  }
  const entries: Baseline['entries'] = [];
  const add = (fingerprint: unknown, ruleId: unknown, path: unknown): void => {
    if (typeof fingerprint !== 'string' || !FP.test(fingerprint)) return;
    entries.push({
      fingerprint,
      ruleId: typeof ruleId === 'string' ? ruleId.slice(0, 200) : undefined,
      path: typeof path === 'string' ? path.slice(0, 1000) : undefined,
    });
  };
  const obj = data as Record<string, unknown> | null;
  let surfaces: Baseline['surfaces'];
  if (obj && Array.isArray(obj['findings'])) {
    surfaces = surfacesOfReport(obj);
    for (const f of obj['findings'] as Record<string, unknown>[]) {
      if (f && typeof f === 'object') add(f['fingerprint'], f['ruleId'], (f['location'] as Record<string, unknown> | undefined)?.['path']);
    }
  } else if (obj && Array.isArray(obj['runs'])) {
    for (const run of obj['runs'] as Record<string, unknown>[]) {
      for (const r of (Array.isArray(run?.['results']) ? run['results'] : []) as Record<string, unknown>[]) {
        const pf = r?.['partialFingerprints'] as Record<string, unknown> | undefined;
        const loc = (r?.['locations'] as Record<string, unknown>[] | undefined)?.[0]?.['physicalLocation'] as Record<string, unknown> | undefined;
        add(pf?.['mcg/v1'], r?.['ruleId'], (loc?.['artifactLocation'] as Record<string, unknown> | undefined)?.['uri']);
      }
    }
  } else {
    throw new BaselineError(`${file}: neither a report JSON (with "findings") nor a SARIF log (with "runs")`);
  }
  return { source: 'file', fingerprints: new Set(entries.map((e) => e.fingerprint)), entries, ...(surfaces ? { surfaces } : {}) };
}
