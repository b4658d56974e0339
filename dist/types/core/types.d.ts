/**
 * The finding model shared by every part of MCP Container Guard (DESIGN §3).
 * Pure types: nothing here touches the file system, the network or @actions/*.
 */
import type { ProbeSummary } from './probe/options.js';
export declare const SEVERITIES: readonly ["critical", "high", "medium", "low", "info"];
export type Severity = (typeof SEVERITIES)[number];
export type Source = 'mcg' | 'trivy' | 'trufflehog';
export type RuleKind = 'dockerfile' | 'image' | 'compose' | 'k8s' | 'workflow' | 'mcp' | 'probe' | 'meta';
export interface Location {
    /** Repository-relative POSIX path of a real file. */
    path: string;
    /** 1-based. */
    startLine: number;
    endLine?: number;
    startColumn?: number;
    endColumn?: number;
    /** Where inside the image, layer digest, YAML key path … — shown, never a secret. */
    evidence?: string;
}
/** Metadata for rules defined by an external scanner (a CVE, a TruffleHog detector). */
export interface ExternalRule {
    title: string;
    description?: string;
    helpText?: string;
    helpUri?: string;
    tags?: string[];
}
export interface SuppressionMatch {
    kind: 'inSource' | 'external';
    justification: string;
    /** Where the suppression is written: `Dockerfile:12` or `.mcg.yml:8`. */
    where: string;
    owner?: string;
    expires?: string;
}
export interface AffectedPackage {
    name: string;
    version?: string;
    /** Package URL as the scanner reports it (`pkg:deb/debian/curl@8.14.1-1?arch=amd64`). */
    purl?: string;
}
export interface Finding {
    ruleId: string;
    source: Source;
    severity: Severity;
    /** Plain text. Never contains a raw secret. */
    message: string;
    location: Location;
    /** Stable identity (DESIGN §3); filled by merge when empty. */
    fingerprint: string;
    /** Which image / Dockerfile / config set this belongs to. */
    target: string;
    /** Input to the fingerprint: normalised instruction text, YAML key path, package id … */
    fingerprintKey: string;
    fix?: string;
    helpUri?: string;
    /** For rules defined by the scanner itself (CVE, detector). */
    rule?: ExternalRule;
    /** CVSS v3 base score when the scanner supplies one. */
    cvss?: number;
    /** The affected package, for vulnerability findings (the subject of VEX statements). */
    package?: AffectedPackage;
    new?: boolean;
    suppressed?: SuppressionMatch;
    /** Error findings (a scanner that did not run) fail closed. */
    error?: boolean;
    /** Set by the policy: this finding makes the run fail (not suppressed, at/above threshold, new or fail-on any). */
    failing?: boolean;
}
export interface RuleMeta {
    id: string;
    /** Short kebab-case name, also the file name suffix. */
    name: string;
    title: string;
    severity: Severity;
    kind: RuleKind;
    description: string;
    rationale: string;
    fix: string;
    tags: string[];
    precision: 'very-high' | 'high' | 'medium' | 'low';
    /** The equivalent Trivy check id, when Trivy has one. */
    trivy?: string;
}
/** What a rule reports; the engine turns hits into findings. */
export interface RuleHit {
    line: number;
    endLine?: number;
    startColumn?: number;
    endColumn?: number;
    message: string;
    /** Stable key for the fingerprint: normalised instruction text or YAML key path (no line numbers). */
    key: string;
    evidence?: string;
    /** Which file the hit is in, when it is not the file under check (rare). */
    path?: string;
    severity?: Severity;
}
export interface Logger {
    debug(msg: string): void;
    info(msg: string): void;
    warning(msg: string): void;
    error(msg: string): void;
}
export interface ExecResult {
    exitCode: number;
    stdout: string;
    stderr: string;
    timedOut?: boolean;
}
export interface ExecOptions {
    cwd?: string;
    env?: Record<string, string>;
    timeoutMs?: number;
    /** Cap on captured stdout bytes; output beyond it is dropped and reported. */
    maxStdoutBytes?: number;
    input?: string;
}
/** The one choke point through which every external process runs (argv, never a shell). */
export type Exec = (file: string, args: string[], options?: ExecOptions) => Promise<ExecResult>;
export type ScannerName = 'mcg' | 'docker' | 'trivy' | 'trufflehog';
export interface ScannerStatus {
    name: ScannerName;
    status: 'ran' | 'skipped' | 'failed';
    /** Why it was skipped or how it failed. */
    reason?: string;
    version?: string;
    durationMs?: number;
}
export interface TargetInfo {
    name: string;
    dockerfile?: string;
    context?: string;
    image?: string;
    imageDigest?: string;
    imageSize?: number;
    /** The runtime probe's verdict (src/core/probe/options.ts). */
    probe?: ProbeSummary;
}
export type FailOn = 'new' | 'any' | 'never';
export interface PolicySettings {
    threshold: Severity;
    failOn: FailOn;
}
export interface SuppressionNotice {
    id: string;
    where: string;
    reason: string;
    expires: string;
    owner?: string;
}
export interface Counts {
    total: number;
    new: number;
    failing: number;
    suppressed: number;
    bySeverity: Record<Severity, number>;
}
export type CoverageKind = 'dockerfile' | 'compose' | 'k8s' | 'workflow' | 'helm-template' | 'mcp-config' | 'yaml' | 'json' | 'markdown' | 'image' | 'config' | 'runtime-probe' | 'directory';
/** One line of the coverage ledger: what became of one file the scan found. */
export interface CoverageEntry {
    /** Repository-relative path. */
    path: string;
    kind: CoverageKind;
    status: 'checked' | 'partial' | 'not-checked' | 'not-applicable';
    /** partial: what was not checked; not-checked: why; not-applicable: why no check applies. */
    reason?: string;
}
/** What the writers (SARIF, reporters) need of a rule: it travels in the report (Report.rules). */
export type RuleInfo = Pick<RuleMeta, 'name' | 'title' | 'severity' | 'kind' | 'description' | 'rationale' | 'fix' | 'tags' | 'precision'> & {
    /** The rule's documentation page. */
    helpUri: string;
};
export interface Report {
    schemaVersion: 1;
    tool: {
        name: 'mcp-container-guard';
        version: string;
    };
    root: string;
    startedAt: string;
    finishedAt: string;
    policy: PolicySettings;
    baseline: {
        source: 'none' | 'file' | 'code-scanning';
        fingerprints: number;
    };
    targets: TargetInfo[];
    scanners: ScannerStatus[];
    findings: Finding[];
    /** Fingerprints in the baseline that this run no longer finds. */
    fixed: {
        fingerprint: string;
        ruleId?: string;
        path?: string;
    }[];
    expired: SuppressionNotice[];
    expiring: SuppressionNotice[];
    /** How many files the in-process checks read (Dockerfiles, compose, Kubernetes, workflows). */
    checkedFiles?: number;
    /** Files that could not be checked, with the reason (also present as findings). */
    inputErrors: {
        path: string;
        line: number;
        message: string;
    }[];
    /** Every file found, and whether it was checked (src/core/coverage.ts). */
    coverage: CoverageEntry[];
    counts: Counts;
    result: 'pass' | 'fail';
    /** One line a person can read: why it passed or failed. */
    reason: string;
    /** Our rules that the findings name (id → metadata), filled by the engine from the catalog. */
    rules?: Record<string, RuleInfo>;
}
