/** The SARIF pieces of one rule and one result: GitHub's properties, clipped to its limits. */
import { createHash } from 'node:crypto';
import type * as sarif from 'sarif';
import { securitySeverity, SEVERITY_TABLE } from '../core/severity.js';
import { partialFingerprints } from '../core/fingerprint.js';
import type { Finding, RuleInfo, Severity, Source } from '../core/types.js';
import { MAX_DESCRIPTION, MAX_RULE_NAME, MAX_TAGS_PER_RULE } from './limits.js';

export function clip(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1)}…`;
}

/** Category-safe target label: keeps `/` (GitHub splits the category at the last one). */
export function targetSlug(target: string): string {
  const slug = target.replace(/[^A-Za-z0-9._/-]+/g, '-').replace(/^\/+|\/+$/g, '') || 'default';
  // Two targets must never share a category (GitHub rejects an upload with two runs of one tool
  // and category): when characters were replaced, a short hash of the real name keeps them apart.
  return slug === target ? slug : `${slug}-${createHash('sha256').update(target).digest('hex').slice(0, 8)}`;
}

/** One rule of a run: its id and source, a finding of it (an outside scanner's rule travels on it), the worst severity and CVSS among its results, and our metadata for it from the report. */
export interface RuleRequest {
  source: Source;
  id: string;
  sample: Finding;
  severity: Severity;
  cvss: number | undefined;
  /** Report.rules[id], for our own rules. */
  meta: RuleInfo | undefined;
}

export function ruleFor(req: RuleRequest): sarif.ReportingDescriptor {
  const { source, id, sample, severity, cvss } = req;
  const meta = source === 'mcg' ? req.meta : undefined;
  const sev = securitySeverity(severity, cvss);
  const tags = [...(meta?.tags ?? sample.rule?.tags ?? []), source === 'mcg' ? (meta?.kind ?? 'check') : source === 'trivy' ? 'vulnerability' : 'secret', severity]
    .filter((t, i, a) => a.indexOf(t) === i)
    .slice(0, MAX_TAGS_PER_RULE);
  if (sev && !tags.includes('security')) tags.unshift('security');
  const title = meta?.title ?? sample.rule?.title ?? id;
  const description = meta?.description ?? sample.rule?.description ?? title;
  const helpUri = meta ? meta.helpUri : (sample.rule?.helpUri ?? sample.helpUri);
  const helpText = meta
    ? `${meta.description}\n\nWhy: ${meta.rationale}\n\nFix: ${meta.fix}\n\nDocs: ${helpUri}`
    : (sample.rule?.helpText ?? `${description}${helpUri ? `\n\n${helpUri}` : ''}`);
  const helpMarkdown = meta
    ? `**${meta.title}** (${id}, ${meta.severity})\n\n${meta.description}\n\n**Why it matters.** ${meta.rationale}\n\n**Fix.** ${meta.fix}\n\n[Rule documentation](${helpUri})`
    : undefined;
  const properties: Record<string, unknown> = {
    tags,
    precision: meta?.precision ?? 'very-high',
  };
  if (sev) properties['security-severity'] = sev;
  else properties['problem.severity'] = 'recommendation';
  return {
    id,
    name: clip(meta ? meta.name : id, MAX_RULE_NAME),
    shortDescription: { text: clip(title, MAX_DESCRIPTION) },
    fullDescription: { text: clip(description, MAX_DESCRIPTION) },
    help: helpMarkdown ? { text: helpText, markdown: helpMarkdown } : { text: helpText },
    ...(helpUri ? { helpUri } : {}),
    defaultConfiguration: { level: SEVERITY_TABLE[severity].sarifLevel },
    properties,
  };
}

/**
 * A repository-relative path as a SARIF `uri` (a URI reference): each segment percent-encoded, so
 * that spaces, `%`, `#`, `?`, `:`, a backslash (a file-name character on Linux), control characters
 * and non-ASCII names stay valid and decode back to the same path. Invalid UTF-16 (a lone
 * surrogate) becomes U+FFFD rather than an exception.
 */
export function pathToUri(path: string): string {
  const wellFormed = path.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
  return wellFormed.split('/').map(encodeURIComponent).join('/');
}

export function resultFor(f: Finding, ruleIndex: number, withBaseline: boolean): sarif.Result {
  const region: sarif.Region = { startLine: f.location.startLine };
  if (f.location.endLine && f.location.endLine >= f.location.startLine) region.endLine = f.location.endLine;
  if (f.location.startColumn) region.startColumn = f.location.startColumn;
  if (f.location.endColumn) region.endColumn = f.location.endColumn;
  const text = f.location.evidence ? `${f.message} (${f.location.evidence})` : f.message;
  const r: sarif.Result = {
    ruleId: f.ruleId,
    ruleIndex,
    level: SEVERITY_TABLE[f.severity].sarifLevel,
    message: { text },
    locations: [{ physicalLocation: { artifactLocation: { uri: pathToUri(f.location.path), uriBaseId: '%SRCROOT%' }, region } }],
    partialFingerprints: partialFingerprints(f),
    properties: {
      severity: f.severity,
      target: f.target,
      failing: f.failing === true,
      ...(f.location.evidence ? { evidence: f.location.evidence } : {}),
      ...(f.fix ? { fix: f.fix } : {}),
    },
  };
  if (withBaseline) r.baselineState = f.new === false ? 'unchanged' : 'new';
  if (f.suppressed) {
    r.suppressions = [{ kind: f.suppressed.kind, status: 'accepted', justification: f.suppressed.justification }];
  }
  return r;
}
