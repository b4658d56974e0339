import { SEVERITIES, type Severity } from './types.js';

/** DESIGN §4: the single table that maps our severities onto SARIF and GitHub. */
export interface SeverityPresentation {
  sarifLevel: 'error' | 'warning' | 'note';
  /** `security-severity` default; undefined means a non-security recommendation. */
  securitySeverity?: number;
  annotationLevel: 'failure' | 'warning' | 'notice';
}

export const SEVERITY_TABLE: Record<Severity, SeverityPresentation> = {
  critical: { sarifLevel: 'error', securitySeverity: 9.5, annotationLevel: 'failure' },
  high: { sarifLevel: 'error', securitySeverity: 8.0, annotationLevel: 'failure' },
  medium: { sarifLevel: 'warning', securitySeverity: 5.5, annotationLevel: 'warning' },
  low: { sarifLevel: 'note', securitySeverity: 3.0, annotationLevel: 'notice' },
  info: { sarifLevel: 'note', annotationLevel: 'notice' },
};

/** Higher is more severe: critical = 4 … info = 0. */
const RANK: Readonly<Record<string, number>> = Object.fromEntries(SEVERITIES.map((s, i) => [s, SEVERITIES.length - 1 - i]));

export function severityRank(s: Severity): number {
  // a table lookup (merge and SARIF ask this millions of times); a value outside the table ranks
  // above critical, as indexOf's -1 made it before
  return Object.hasOwn(RANK, s) ? RANK[s]! : SEVERITIES.length;
}

export function atLeast(s: Severity, threshold: Severity): boolean {
  return severityRank(s) >= severityRank(threshold);
}

export function isSeverity(v: unknown): v is Severity {
  return typeof v === 'string' && (SEVERITIES as readonly string[]).includes(v);
}

export function parseSeverity(v: string, what = 'severity'): Severity {
  const s = v.trim().toLowerCase();
  if (!isSeverity(s)) throw new Error(`invalid ${what} "${v}": expected one of ${SEVERITIES.join(', ')}`);
  return s;
}

/** Scanner severities (Trivy: CRITICAL/HIGH/MEDIUM/LOW/UNKNOWN) onto ours. */
export function fromScannerSeverity(v: string | undefined): Severity {
  switch ((v ?? '').toUpperCase()) {
    case 'CRITICAL':
      return 'critical';
    case 'HIGH':
      return 'high';
    case 'MEDIUM':
      return 'medium';
    case 'LOW':
      return 'low';
    default:
      return 'info';
  }
}

/** The `security-severity` string for SARIF: the CVSS score when known, else the table's value. */
export function securitySeverity(s: Severity, cvss?: number): string | undefined {
  if (s === 'info') return undefined;
  if (cvss !== undefined && cvss > 0 && cvss <= 10) return cvss.toFixed(1);
  return SEVERITY_TABLE[s].securitySeverity?.toFixed(1);
}
