/**
 * The coverage ledger (issue #16 item 6, #17 item 5): every file a scan found, and for each whether
 * it was checked, partly checked (and what was not) or not checked (and why). "Not checked" is never
 * a pass: whatever makes a file partial or not checked is also a failing finding (MCG990/MCG991);
 * the ledger is what a person reads to see the whole picture. Pure.
 */
import type { CoverageEntry, CoverageKind } from './types.js';

const STATUS_RANK = { 'not-applicable': 0, checked: 1, partial: 2, 'not-checked': 3 } as const;

export class CoverageLedger {
  private readonly byPath = new Map<string, CoverageEntry>();

  /** Records what happened to one file; a worse status for the same path and kind wins (a later MCG991 turns "checked" into "partial"). */
  record(entry: CoverageEntry): void {
    const key = `${entry.kind}\u0000${entry.path}`;
    const old = this.byPath.get(key);
    if (!old || STATUS_RANK[entry.status] >= STATUS_RANK[old.status]) {
      const reason = old && old.reason && entry.reason && old.reason !== entry.reason ? `${old.reason}; ${entry.reason}` : (entry.reason ?? old?.reason);
      this.byPath.set(key, { ...entry, ...(reason !== undefined ? { reason } : {}) });
    }
  }

  checked(path: string, kind: CoverageKind): void {
    this.record({ path, kind, status: 'checked' });
  }

  partial(path: string, kind: CoverageKind, what: string): void {
    this.record({ path, kind, status: 'partial', reason: what });
  }

  notChecked(path: string, kind: CoverageKind, why: string): void {
    this.record({ path, kind, status: 'not-checked', reason: why });
  }

  /** Found, but not a kind of file any check applies to (e.g. a YAML file that is neither compose, Kubernetes nor a workflow). */
  notApplicable(path: string, kind: CoverageKind, why: string): void {
    this.record({ path, kind, status: 'not-applicable', reason: why });
  }

  entries(): CoverageEntry[] {
    return [...this.byPath.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0));
  }
}
