import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../src/reporters/markdown.js';
import { makeFinding, makeReport } from '../../support/report-builder.js';
import { renderGfm, tableShapes } from '../../support/gfm.js';

describe('renderMarkdown', () => {
  const report = makeReport({
    findings: [
      makeFinding({ ruleId: 'MCG001', severity: 'high', line: 12, message: 'The final stage runs as root.' }),
      makeFinding({ ruleId: 'MCG007', severity: 'low', line: 4, new: false, message: 'apt-get install without --no-install-recommends.', fix: 'Add --no-install-recommends.' }),
      makeFinding({ ruleId: 'MCG003', severity: 'low', line: 1, message: 'Not pinned.', suppressed: { kind: 'external', justification: 'renovate pins it', where: '.mcg.yml:3', expires: '2026-12-31' } }),
      makeFinding({ ruleId: 'MCG990', severity: 'critical', error: true, line: 1, message: 'trivy timed out after 300 s' }),
    ],
    expired: [{ id: 'MCG005', where: '.mcg.yml:9', reason: 'temporary', expires: '2026-01-01', owner: 'ops' }],
    fixed: [{ fingerprint: 'abc', ruleId: 'MCG004', path: 'Dockerfile' }],
    scanners: [
      { name: 'mcg', status: 'ran', durationMs: 12 },
      { name: 'trivy', status: 'failed', reason: 'timed out after 300 s' },
    ],
  });
  const md = renderMarkdown(report, { linkBase: 'https://github.com/o/r/blob/sha/' });

  it('has the verdict, the counts, every section and consistent tables', () => {
    expect(md.startsWith('## ❌ MCP Container Guard: failed')).toBe(true);
    expect(md).toMatch(/\| 🆕 New \| 1 \| 1 \| 0 \| 0 \| 0 \| 2 \|/);
    expect(md).toContain('### Findings (3)');
    expect(md).toContain('⚠️ scan error');
    expect(md).toContain('**Fix:** Add --no-install-recommends.');
    expect(md).toContain('### Suppressions to review (1)');
    expect(md).toContain('expired, no longer applied');
    expect(md).toContain('### Suppressed findings (1)');
    expect(md).toContain('renovate pins it');
    expect(md).toContain('config at `.mcg.yml:3` (until 2026-12-31)');
    expect(md).toContain('### Fixed since the baseline (1)');
    expect(md).toContain('| `trivy` | ❌ failed |');
    const html = renderGfm(md);
    for (const shape of tableShapes(html)) expect(new Set(shape).size).toBe(1);
  });

  it('lists failing and scan-error findings first', () => {
    const rows = md.split('\n').filter((l) => /^\| (🟣|🔴|🟠|🟡|⚪)/.test(l));
    expect(rows[0]).toContain('MCG990');
    expect(rows[1]).toContain('MCG001');
  });

  it('adds a target column only when findings span several targets', () => {
    expect(md).not.toContain('| Target | Finding');
    const multi = renderMarkdown(makeReport({ findings: [makeFinding({ target: 'api' }), makeFinding({ target: 'web' })] }));
    expect(multi).toContain('| Severity | Rule | Location | Target | Finding | Status |');
  });

  it('says when there is nothing to report', () => {
    const empty = renderMarkdown(makeReport());
    expect(empty).toContain('## ✅ MCP Container Guard: passed');
    expect(empty).toContain('_No unsuppressed findings._');
    expect(empty).not.toContain('### Findings (0)');
  });
});
