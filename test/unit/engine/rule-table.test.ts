/**
 * Rule metadata travels in the report (Report.rules): the engine fills it from the catalog for
 * the rules the findings name, a merge keeps our catalog's entry for our ids whatever an artifact
 * claims, and the writers (SARIF, reporters) take titles and help from the report's table.
 */
import { describe, expect, it } from 'vitest';
import { scan } from '../../../src/engine/scan.js';
import { mergeReports, parseReport, reportSchemaErrors } from '../../../src/engine/merge-reports.js';
import { toSarif } from '../../../src/sarif/to-sarif.js';
import { findingTitle } from '../../../src/reporters/common.js';
import { ruleMeta } from '../../../src/rules/index.js';
import { ruleInfo } from '../../../src/engine/rule-table.js';
import { ruleDocsUrl } from '../../../src/core/meta.js';
import type { Logger, RuleInfo } from '../../../src/core/types.js';
import { makeRepo } from '../../support/repo.js';
import { makeFinding, makeReport } from '../../support/report-builder.js';

const quiet: Logger = { debug: () => undefined, info: () => undefined, warning: () => undefined, error: () => undefined };
const forged: RuleInfo = { ...ruleInfo(ruleMeta('MCG001')!), title: 'Forged title from an artifact', helpUri: 'https://example.invalid/forged' };

describe('Report.rules', () => {
  it('a scan fills the table from the catalog for the rules its findings name, and the report stays schema-valid', async () => {
    const root = makeRepo({ Dockerfile: 'FROM node:22-slim\nCMD ["node","server.js"]\n' });
    const report = await scan({ root, build: false, scanners: { trivy: false, trufflehog: false } }, { logger: quiet, exec: async () => ({ exitCode: 0, stdout: '', stderr: '' }) });
    const ids = [...new Set(report.findings.filter((f) => f.source === 'mcg').map((f) => f.ruleId))].sort();
    expect(ids).toContain('MCG001');
    expect(Object.keys(report.rules ?? {}).sort()).toEqual(ids);
    const m = ruleMeta('MCG001')!;
    expect(report.rules!['MCG001']).toEqual({ name: m.name, title: m.title, severity: m.severity, kind: m.kind, description: m.description, rationale: m.rationale, fix: m.fix, tags: m.tags, precision: m.precision, helpUri: ruleDocsUrl('MCG001') });
    expect(reportSchemaErrors(JSON.parse(JSON.stringify(report)))).toEqual([]);
  });

  it('a merge keeps our catalog entry for our ids and an artifact entry only for ids we do not know', () => {
    const f1 = makeFinding({ ruleId: 'MCG001', fingerprint: 'a'.repeat(32) });
    const f2 = makeFinding({ ruleId: 'MCG899', fingerprint: 'b'.repeat(32) });
    const unknown: RuleInfo = { ...forged, name: 'from-a-newer-version', title: 'A rule from a newer version' };
    const artifact = makeReport({ findings: [f1, f2], rules: { MCG001: forged, MCG899: unknown } });
    const read = parseReport(JSON.stringify(artifact), 'artifact');
    expect(read.rules!['MCG001']!.title).toBe(ruleMeta('MCG001')!.title);
    const merged = mergeReports([{ label: 'a', report: artifact }]).report;
    expect(merged.rules!['MCG001']!.title).toBe(ruleMeta('MCG001')!.title);
    expect(merged.rules!['MCG001']!.helpUri).toBe(ruleDocsUrl('MCG001'));
    expect(merged.rules!['MCG899']).toEqual(unknown);
  });

  it('the schema refuses a table entry that is not rule metadata', () => {
    const bad = JSON.parse(JSON.stringify(makeReport({ findings: [makeFinding()] })));
    bad.rules.MCG001.helpUri = 'javascript:alert(1)';
    expect(reportSchemaErrors(bad).length).toBeGreaterThan(0);
    const extra = JSON.parse(JSON.stringify(makeReport({ findings: [makeFinding()] })));
    extra.rules['not-an-id'] = extra.rules.MCG001;
    expect(reportSchemaErrors(extra).length).toBeGreaterThan(0);
  });

  it('the SARIF writer and the reporters read the metadata from the report, not the catalog', () => {
    const report = makeReport({ findings: [makeFinding({ ruleId: 'MCG001' })], rules: { MCG001: forged } });
    const rule = toSarif(report).runs[0]!.tool.driver.rules![0]!;
    expect(rule.shortDescription?.text).toBe('Forged title from an artifact');
    expect(rule.helpUri).toBe('https://example.invalid/forged');
    expect(findingTitle(report.findings[0]!, report.rules)).toContain('Forged title from an artifact');
    // without a table the writers fall back to the bare id: no hidden catalog lookup
    const bare = makeReport({ findings: [makeFinding({ ruleId: 'MCG001' })], rules: {} });
    expect(toSarif(bare).runs[0]!.tool.driver.rules![0]!.shortDescription?.text).toBe('MCG001');
    expect(findingTitle(bare.findings[0]!, bare.rules)).toBe('MCG001 (high, new, failing)');
  });
});
