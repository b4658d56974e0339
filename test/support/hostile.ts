/** Untrusted text that must come out inert in every rendering, and the checks for it. */
import { expect } from 'vitest';
import { makeFinding } from './report-builder.js';
import { renderGfm, tableShapes, tagsIn } from './gfm.js';
import type { Finding } from '../../src/core/types.js';

export const HOSTILE = [
  'cc @org/team and @octocat',
  '<img src=x onerror=alert(1)>',
  '<script>alert(document.cookie)</script>',
  'oops](javascript:alert(1)) [x](javascript:alert(2))',
  'cell | break | here',
  'ticks ``` `` ` and `code`',
  'multi\nline\r\nmessage\n## injected heading\n- list',
  '<details open><summary>spoof</summary>',
  '<!-- mcp-container-guard:comment:v1:deadbeef -->',
  '\u001b[2J\u001b[31mterminal takeover\u001b[0m',
  'X'.repeat(100_000),
];

export function hostileFindings(): Finding[] {
  return HOSTILE.map((msg, i) =>
    makeFinding({
      ruleId: i === 4 ? 'CVE|2024`1' : 'MCG009',
      severity: (['critical', 'high', 'medium', 'low', 'info'] as const)[i % 5],
      message: msg,
      path: i === 5 ? 'we|ird/@team/<b>x</b>/Dockerfile (1)' : `svc${i}/Dockerfile`,
      line: 3 + i,
      fix: `Fix it ${msg}`,
      target: i === 6 ? '<b>@team</b>' : 'Dockerfile',
      location: { path: i === 5 ? 'we|ird/@team/<b>x</b>/Dockerfile (1)' : `svc${i}/Dockerfile`, startLine: 3 + i, evidence: `/app/${msg}` },
      helpUri: i === 3 ? 'javascript:alert(1)' : 'https://avd.aquasec.com/nvd/cve-2024-1(x)',
      new: true,
    }),
  );
}

/** Tags our renderers write themselves; anything else means untrusted HTML got through. */
export const ALLOWED_TAGS = new Set(['p', 'h2', 'h3', 'h4', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'code', 'a', 'br', 'strong', 'em', 'details', 'summary', 'sub', 'ul', 'li']);

/** Rendered with a real GFM parser: only our tags, only our links, tables intact, no mention. */
export function expectInert(md: string, allowedHref: (href: string) => boolean): void {
  const html = renderGfm(md);
  const bad = tagsIn(html).filter((t) => !ALLOWED_TAGS.has(t));
  expect(bad).toEqual([]);
  for (const m of html.matchAll(/<a href="([^"]*)"/g)) expect(allowedHref(m[1] as string), `link ${m[1]}`).toBe(true);
  for (const shape of tableShapes(html)) expect(new Set(shape).size, `table rows with differing cell counts: ${shape.join(',')}`).toBe(1);
  // GitHub links mentions in text, never inside code.
  const outsideCode = html.replace(/<code>[\s\S]*?<\/code>/g, '').replace(/<[^>]+>/g, '');
  expect(outsideCode).not.toMatch(/@[A-Za-z0-9]/);
  expect(html).not.toMatch(/(href|src)="?javascript/i);
  expect(html).not.toMatch(/<(img|script|details open)/i);
}
