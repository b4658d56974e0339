import { describe, expect, it } from 'vitest';
import { COMMENT_MARKER_PREFIX, buildComment, commentMarker, hasMarker } from '../../../src/reporters/comment.js';
import { COMMENT_MAX_CHARS } from '../../../src/reporters/limits.js';
import { makeFinding, makeReport, manyFindings } from '../../support/report-builder.js';
import { expectInert, hostileFindings } from '../../support/hostile.js';
import { renderGfm } from '../../support/gfm.js';

const LINK_BASE = 'https://github.com/o/r/blob/0123456789abcdef0123456789abcdef01234567/';
const RUN_URL = 'https://github.com/o/r/actions/runs/42';
const marker = commentMarker({ workflow: 'CI', job: 'scan', target: 'Dockerfile' });
const ours = (href: string) =>
  href.startsWith(LINK_BASE) || href === RUN_URL || href.startsWith('https://github.com/mcp-container-guard/') || href.startsWith('https://avd.aquasec.com/');

describe('commentMarker', () => {
  it('is a stable hidden HTML comment, distinct per (workflow, job, target)', () => {
    expect(marker).toBe(commentMarker({ workflow: 'CI', job: 'scan', target: 'Dockerfile' }));
    expect(marker.startsWith(COMMENT_MARKER_PREFIX)).toBe(true);
    expect(marker).toMatch(/^<!-- mcp-container-guard:comment:v1:[0-9a-f]{24} -->$/);
    const others = [
      commentMarker({ workflow: 'CI', job: 'scan', target: 'api/Dockerfile' }),
      commentMarker({ workflow: 'CI', job: 'scan2', target: 'Dockerfile' }),
      commentMarker({ workflow: 'CI2', job: 'scan', target: 'Dockerfile' }),
      // No ambiguity from joining: ("a b", "c") is not ("a", "b c").
      commentMarker({ workflow: 'CI scan', job: '', target: 'Dockerfile' }),
    ];
    expect(new Set([marker, ...others]).size).toBe(5);
  });

  it('hashes hostile names: nothing of them reaches the HTML comment', () => {
    const m = commentMarker({ workflow: '--> <img src=x onerror=alert(1)>', job: '@org/team', target: '\n-->' });
    expect(m).toMatch(/^<!-- mcp-container-guard:comment:v1:[0-9a-f]{24} -->$/);
    expect(renderGfm(m + '\nbody').trim()).toMatch(/^<!-- mcp-container-guard:comment:v1:[0-9a-f]{24} -->\n<p>body<\/p>$/);
  });
});

describe('buildComment', () => {
  it('starts with the marker and carries headline, counts, top new findings with links, the rest collapsed', () => {
    const findings = [
      makeFinding({ ruleId: 'MCG001', severity: 'high', line: 12, message: 'The final stage runs as root.' }),
      makeFinding({ ruleId: 'MCG005', severity: 'info', line: 1, message: 'No HEALTHCHECK.' }),
      makeFinding({ ruleId: 'MCG007', severity: 'low', line: 4, new: false, message: 'apt-get install without --no-install-recommends.' }),
      makeFinding({ ruleId: 'MCG003', severity: 'low', line: 1, message: 'Base image not pinned.', suppressed: { kind: 'inSource', justification: 'pinned by renovate', where: 'Dockerfile:0' } }),
    ];
    const report = makeReport({
      findings,
      fixed: [{ fingerprint: 'f1', ruleId: 'MCG004', path: 'Dockerfile' }],
      expiring: [{ id: 'MCG002', where: '.mcg.yml:7', reason: 'migrating to slim', expires: '2026-08-30', owner: 'platform' }],
      scanners: [
        { name: 'mcg', status: 'ran' },
        { name: 'trivy', status: 'skipped', reason: 'no image built (--no-build)' },
        { name: 'trufflehog', status: 'failed', reason: 'timed out after 300 s' },
      ],
    });
    const body = buildComment(report, { marker, target: 'Dockerfile', linkBase: LINK_BASE, runUrl: RUN_URL });
    expect(hasMarker(body, marker)).toBe(true);
    expect(body.startsWith(marker + '\n')).toBe(true);
    expect(body).toContain('❌ MCP Container Guard');
    expect(body).toContain('failed');
    expect(body).toContain('#### New findings');
    expect(body).toContain(`[Dockerfile\\:12](${LINK_BASE}Dockerfile#L12)`);
    expect(renderGfm(body)).toContain(`<a href="${LINK_BASE}Dockerfile#L12">Dockerfile:12</a>`);
    // Counts: new 1 high + 1 info, existing 1 low, suppressed 1 low, fixed 1.
    expect(body).toMatch(/\| 🆕 New \| 0 \| 1 \| 0 \| 0 \| 1 \| 2 \|/);
    expect(body).toMatch(/\| Existing \| 0 \| 0 \| 0 \| 1 \| 0 \| 1 \|/);
    expect(body).toMatch(/\| 🔕 Suppressed \| 0 \| 0 \| 0 \| 1 \| 0 \| 1 \|/);
    expect(body).toMatch(/\| ✅ Fixed \|.*\| 1 \|/);
    expect(body).toContain('<details><summary>1 more finding (0 new, 1 existing)</summary>');
    expect(body).toContain('Scanners that did not run');
    expect(body).toContain('timed out after 300 s');
    expect(body).toContain('expires soon');
    expect(body).toContain('migrating to slim');
    // The suppressed finding is counted, not listed.
    expect(body).not.toContain('Base image not pinned');
    expectInert(body, ours);
  });

  it('says so when there are no new findings and the policy passes', () => {
    const report = makeReport({ findings: [makeFinding({ new: false, severity: 'medium' })] });
    const body = buildComment(report, { marker, target: 'Dockerfile' });
    expect(body).toContain('✅ MCP Container Guard');
    expect(body).toContain('No new findings.');
    expect(body).not.toContain('#### New findings');
  });

  it('orders new findings failing first, then severity, and caps the open table at 10', () => {
    const findings = Array.from({ length: 15 }, (_, i) =>
      makeFinding({ ruleId: `MCG0${10 + i}`, severity: i < 12 ? 'low' : 'critical', line: i + 1, message: `finding ${i}` }),
    );
    const body = buildComment(makeReport({ findings }), { marker, target: 'Dockerfile' });
    const open = body.slice(body.indexOf('#### New findings'), body.indexOf('<details>'));
    expect(open).toContain('(top 10 of 15)');
    expect(open.indexOf('finding 12')).toBeGreaterThan(-1);
    expect(open.indexOf('finding 12')).toBeLessThan(open.indexOf('finding 0'));
    expect((open.match(/^\| (🟣|🔴|🟠|🟡|⚪)/gm) ?? []).length).toBe(10);
    expect(body).toContain('<details><summary>5 more findings (5 new, 0 existing)</summary>');
  });

  it('keeps 10,000 findings under 65,536 characters and says how many were left out', () => {
    const report = makeReport({ findings: manyFindings(10_000) });
    const body = buildComment(report, { marker, target: 'Dockerfile', linkBase: LINK_BASE, runUrl: RUN_URL });
    expect(body.length).toBeLessThan(COMMENT_MAX_CHARS);
    expect(body.startsWith(marker)).toBe(true);
    expect(body).toMatch(/_… [\d,]+ other findings not shown \(comment size limit\); the \[workflow run\]\(https:\/\/github\.com\/o\/r\/actions\/runs\/42\) has them all\._/);
    // Detail rows go first: the open table of new findings is whole.
    expect(body).not.toMatch(/new findings? not shown/);
    const shown = (body.match(/^\| (🟣|🔴|🟠|🟡|⚪)/gm) ?? []).length;
    const left = Number(/_… ([\d]+) other findings/.exec(body)?.[1]);
    const active = report.findings.filter((f) => !f.suppressed).length;
    expect(shown + left).toBe(active);
    expect(body.trimEnd().endsWith('</sub>')).toBe(true);
    // The collapsed section is closed again.
    expect(body.split('<details>').length).toBe(body.split('</details>').length);
  });

  it('respects a smaller maxChars, dropping the open rows only after the details', () => {
    const report = makeReport({ findings: manyFindings(500) });
    for (const max of [20_000, 6_000, 3_500]) {
      const body = buildComment(report, { marker, target: 'Dockerfile', maxChars: max });
      expect(body.length).toBeLessThan(max);
      expect(body.startsWith(marker)).toBe(true);
    }
    const tiny = buildComment(report, { marker, target: 'Dockerfile', maxChars: 200 });
    expect(tiny.length).toBeLessThan(200);
    expect(tiny.startsWith(marker)).toBe(true);
  });

  it('never goes above GitHub’s cap even when asked to', () => {
    const report = makeReport({ findings: manyFindings(3000) });
    const body = buildComment(report, { marker, target: 'Dockerfile', maxChars: 10_000_000 });
    expect(body.length).toBeLessThan(COMMENT_MAX_CHARS);
  });

  it('renders hostile messages, paths, rule ids and target names inert', () => {
    const report = makeReport({
      findings: hostileFindings(),
      reason: '@org/team <img src=x onerror=alert(1)> failed',
      expiring: [{ id: 'MCG|1', where: '`x`', reason: '<script>@admin</script> ](javascript:x)', expires: '2026-09-01', owner: '@owner' }],
      scanners: [{ name: 'trivy', status: 'failed', reason: 'exit 1: <img src=x> @org/sec\n| broken |' }],
    });
    const body = buildComment(report, { marker, target: '@org/team <b>x</b>', linkBase: LINK_BASE, runUrl: RUN_URL });
    expect(body.length).toBeLessThan(COMMENT_MAX_CHARS);
    expect(body.startsWith(marker + '\n')).toBe(true);
    // Only our own marker is an HTML comment; hostile copies render as text.
    expect(renderGfm(body).split('<!--').length).toBe(2);
    expect(hasMarker(body, marker)).toBe(true);
    expectInert(body, ours);
  });

  it('refuses a marker that did not come from commentMarker', () => {
    const report = makeReport();
    expect(() => buildComment(report, { marker: '<!-- x --> @team', target: 'Dockerfile' })).toThrow(TypeError);
  });

  it('scopes findings to the target when the report has several', () => {
    const report = makeReport({
      targets: [
        { name: 'api', dockerfile: 'api/Dockerfile' },
        { name: 'web', dockerfile: 'web/Dockerfile' },
      ],
      findings: [
        makeFinding({ target: 'api', path: 'api/Dockerfile', message: 'api problem', severity: 'high' }),
        makeFinding({ target: 'web', path: 'web/Dockerfile', message: 'web problem', severity: 'low' }),
      ],
    });
    const web = buildComment(report, { marker, target: 'web' });
    expect(web).toContain('web problem');
    expect(web).not.toContain('api problem');
    expect(web).toContain('✅');
    expect(web).toContain('the run fails because of other targets');
    const api = buildComment(report, { marker, target: 'api' });
    expect(api).toContain('api problem');
    expect(api).toContain('❌');
  });
});
