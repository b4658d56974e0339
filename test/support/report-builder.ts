/**
 * Real `Report` objects for reporter tests: every field filled, counts computed from the
 * findings the way merge does, policy flags (`failing`) applied from the policy unless a test
 * sets them itself.
 */
import { atLeast } from '../../src/core/severity.js';
import { SEVERITIES, type Finding, type Report, type Severity } from '../../src/core/types.js';
import { ruleTable } from '../../src/engine/rule-table.js';

let seq = 0;

export function makeFinding(over: Partial<Finding> & { line?: number; path?: string } = {}): Finding {
  seq++;
  const { line, path, ...rest } = over;
  return {
    ruleId: 'MCG001',
    source: 'mcg',
    severity: 'high',
    message: 'The final stage runs as root: no USER instruction.',
    location: { path: path ?? 'Dockerfile', startLine: line ?? 1 },
    fingerprint: `fp${String(seq).padStart(6, '0')}`,
    target: 'Dockerfile',
    fingerprintKey: `key-${seq}`,
    fix: 'Add `USER 10001` after installing packages.',
    helpUri: 'https://github.com/mcp-container-guard/mcp-container-guard/blob/main/docs/rules/MCG001.md',
    new: true,
    ...rest,
  };
}

export type ReportInput = Partial<Omit<Report, 'counts' | 'result' | 'reason'>> & {
  result?: Report['result'];
  reason?: string;
  /** Leave `failing` as given on the findings instead of applying the policy. */
  keepFailing?: boolean;
};

export function makeReport(input: ReportInput = {}): Report {
  const policy = input.policy ?? { threshold: 'high' as Severity, failOn: 'new' as const };
  const findings = (input.findings ?? []).map((f) => {
    if (input.keepFailing) return f;
    const counted = f.suppressed === undefined && (policy.failOn === 'any' || (policy.failOn === 'new' && f.new === true));
    return { ...f, failing: f.error === true ? policy.failOn !== 'never' : counted && atLeast(f.severity, policy.threshold) };
  });
  const active = findings.filter((f) => f.suppressed === undefined);
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, active.filter((f) => f.severity === s).length])) as Record<Severity, number>;
  const failing = findings.filter((f) => f.failing).length;
  const result = input.result ?? (failing > 0 ? 'fail' : 'pass');
  return {
    schemaVersion: 1,
    tool: input.tool ?? { name: 'mcp-container-guard', version: '0.1.0' },
    root: input.root ?? '/repo',
    startedAt: input.startedAt ?? '2026-08-21T10:00:00.000Z',
    finishedAt: input.finishedAt ?? '2026-08-21T10:01:30.000Z',
    policy,
    baseline: input.baseline ?? { source: 'code-scanning', fingerprints: 12 },
    targets: input.targets ?? [{ name: 'Dockerfile', dockerfile: 'Dockerfile', context: '.', image: 'mcg-local/app:scan', imageDigest: 'sha256:' + 'a'.repeat(64), imageSize: 123_456_789 }],
    scanners: input.scanners ?? [
      { name: 'mcg', status: 'ran', version: '0.1.0', durationMs: 120 },
      { name: 'docker', status: 'ran', version: '27.5.1', durationMs: 42_000 },
      { name: 'trivy', status: 'ran', version: '0.74.0', durationMs: 8_300 },
      { name: 'trufflehog', status: 'ran', version: '3.97.0', durationMs: 5_100 },
    ],
    findings,
    fixed: input.fixed ?? [],
    expired: input.expired ?? [],
    expiring: input.expiring ?? [],
    inputErrors: input.inputErrors ?? [],
    coverage: input.coverage ?? [],
    counts: { total: findings.length, new: findings.filter((f) => f.new).length, failing, suppressed: findings.length - active.length, bySeverity },
    result,
    reason:
      input.reason ??
      (result === 'fail'
        ? `${failing} new finding${failing === 1 ? '' : 's'} at or above ${policy.threshold}`
        : `no new finding at or above ${policy.threshold}`),
    // as the engine fills it: our catalog's metadata for the rules the findings name
    rules: input.rules ?? ruleTable(findings),
  };
}

/** `n` findings spread over severities, files and lines, a share of them new and suppressed. */
export function manyFindings(n: number, message?: (i: number) => string): Finding[] {
  const out: Finding[] = [];
  for (let i = 0; i < n; i++) {
    const severity = SEVERITIES[i % SEVERITIES.length] as Severity;
    out.push(
      makeFinding({
        ruleId: i % 3 === 0 ? `CVE-2024-${10000 + i}` : `MCG0${String(10 + (i % 9)).padStart(2, '0')}`,
        source: i % 3 === 0 ? 'trivy' : 'mcg',
        severity,
        message: message ? message(i) : `Finding number ${i} with a message of moderate length describing the problem in some detail.`,
        path: `services/svc-${i % 50}/Dockerfile`,
        line: 1 + (i % 200),
        new: i % 4 !== 0,
        ...(i % 17 === 0 ? { suppressed: { kind: 'external' as const, justification: `accepted risk ${i}`, where: '.mcg.yml:4' } } : {}),
      }),
    );
  }
  return out;
}

/** One drawn finding of the SARIF fuzz tests: flat fields, turned into a Finding by findingFromDraw. */
export interface FindingDraw {
  ruleId: string;
  source: Finding['source'];
  severity: Finding['severity'];
  message: string;
  path: string;
  line: number;
  endDelta?: number;
  column?: number;
  endColumn?: number;
  evidence?: string;
  target: string;
  fix?: string;
  cvss?: number;
  isNew: boolean;
  suppressed?: Finding['suppressed'];
  title?: string;
  /** n-th identical finding: the fingerprint gets the `:n` suffix */
  occurrence?: number;
  failing?: boolean;
}

export function findingFromDraw(r: FindingDraw): Finding {
  const f = makeFinding({
    ruleId: r.ruleId,
    source: r.source,
    severity: r.severity,
    message: r.message,
    location: {
      path: r.path,
      startLine: r.line,
      endLine: r.endDelta === undefined ? undefined : r.line + r.endDelta,
      startColumn: r.column,
      endColumn: r.endColumn,
      evidence: r.evidence,
    },
    target: r.target,
    fix: r.fix,
    cvss: r.cvss,
    new: r.isNew,
    suppressed: r.suppressed,
    rule: r.title === undefined ? undefined : { title: r.title, helpUri: 'https://example.com/x' },
  });
  if (r.occurrence !== undefined) f.fingerprint = `${f.fingerprint}${'0'.repeat(20)}:${r.occurrence}`;
  return r.failing === undefined ? f : { ...f, failing: r.failing };
}
