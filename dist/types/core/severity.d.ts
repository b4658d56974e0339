import { type Severity } from './types.js';
/** DESIGN §4: the single table that maps our severities onto SARIF and GitHub. */
export interface SeverityPresentation {
    sarifLevel: 'error' | 'warning' | 'note';
    /** `security-severity` default; undefined means a non-security recommendation. */
    securitySeverity?: number;
    annotationLevel: 'failure' | 'warning' | 'notice';
}
export declare const SEVERITY_TABLE: Record<Severity, SeverityPresentation>;
export declare function severityRank(s: Severity): number;
export declare function atLeast(s: Severity, threshold: Severity): boolean;
export declare function isSeverity(v: unknown): v is Severity;
export declare function parseSeverity(v: string, what?: string): Severity;
/** Scanner severities (Trivy: CRITICAL/HIGH/MEDIUM/LOW/UNKNOWN) onto ours. */
export declare function fromScannerSeverity(v: string | undefined): Severity;
/** The `security-severity` string for SARIF: the CVSS score when known, else the table's value. */
export declare function securitySeverity(s: Severity, cvss?: number): string | undefined;
