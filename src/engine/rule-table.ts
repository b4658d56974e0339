/**
 * The report's rule table (Report.rules): the metadata of every rule of ours that a finding
 * names, from our catalog, so that the writers (sarif/, reporters/) read it from the report
 * instead of looking it up again. A table carried by an artifact's report is untrusted: our
 * catalog's entry wins for our ids; an entry for an id we do not know is kept as it came.
 */
import type { Finding, Report, RuleInfo, RuleMeta } from '../core/types.js';
import { ruleDocsUrl } from '../core/meta.js';
import { ruleMeta } from '../rules/index.js';

export function ruleInfo(m: RuleMeta): RuleInfo {
  return {
    name: m.name,
    title: m.title,
    severity: m.severity,
    kind: m.kind,
    description: m.description,
    rationale: m.rationale,
    fix: m.fix,
    tags: m.tags,
    precision: m.precision,
    helpUri: ruleDocsUrl(m.id),
  };
}

/** The table for these findings: our catalog first, then what the given tables (artifacts') say of ids we do not know. */
export function ruleTable(findings: readonly Finding[], given: readonly (Report['rules'] | undefined)[] = []): Record<string, RuleInfo> {
  const out: Record<string, RuleInfo> = {};
  const ids = [...new Set(findings.filter((f) => f.source === 'mcg').map((f) => f.ruleId))].sort();
  for (const id of ids) {
    const m = ruleMeta(id);
    const info = m ? ruleInfo(m) : given.find((t) => t && Object.hasOwn(t, id))?.[id];
    if (info) out[id] = info;
  }
  return out;
}

/** The report with its rule table. */
export function withRuleTable<R extends Report>(report: R, given: readonly (Report['rules'] | undefined)[] = []): R {
  return { ...report, rules: ruleTable(report.findings, given) };
}
