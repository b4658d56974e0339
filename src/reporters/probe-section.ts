/** The runtime probe's part of the job summary: the verdict per target and its proven profile (collapsed). Reads the report only. */
import type { Report } from '../core/types.js';
import { profileSnippets } from '../core/probe/snippets.js';
import type { SurfaceDriftSummary } from '../core/probe/options.js';
import { codeSpan, escapeMarkdownText, plainText } from './escape.js';
import { maxOf } from '../core/arrays.js';

const STATUS = { passed: '✅ passed under least privilege', 'hardened-fails': '⚠️ works only with a flag taken away', broken: '❌ does not answer MCP at all' } as const;

/** A fence that no line of the body can close. */
function fence(lang: string, body: string): string {
  const ticks = '`'.repeat(maxOf(3, Array.from(body.matchAll(/`+/g), (m) => m[0].length + 1)));
  return `${ticks}${lang}\n${body.replace(/\n$/, '')}\n${ticks}\n`;
}

/** The tool surface against the baseline, in words. */
export function driftWords(d: SurfaceDriftSummary): string {
  if (!d.compared) return `Tool surface drift not compared: ${d.reason}.`;
  if (d.added + d.removed + d.changed === 0) return 'Tool surface: the same as the baseline.';
  return `Tool surface against the baseline: ${d.added} added, ${d.removed} removed, ${d.changed} changed (MCG407-MCG409).`;
}

export function probeSection(report: Report, headingLevel: number): string {
  const probed = report.targets.filter((t) => t.probe);
  if (probed.length === 0) return '';
  let out = `${'#'.repeat(headingLevel)} Runtime probe\n\n`;
  for (const t of probed) {
    const p = t.probe!;
    const tools = p.tools.length > 0 ? `${p.tools.length} tool(s): ${p.tools.slice(0, 20).map((x) => codeSpan(x.name, { max: 80 })).join(', ')}` : 'no tools';
    const culprit = p.culprits.length > 0 ? ` (not with ${p.culprits.map((c) => codeSpan(c)).join(', ')})` : '';
    out += `- ${codeSpan(t.name, { max: 200 })}: ${STATUS[p.status]}${culprit}; ${escapeMarkdownText(tools, { max: 1500 })}; ${p.starts} start(s)\n`;
    if (p.drift) out += `  - ${escapeMarkdownText(driftWords(p.drift), { max: 2500 })}\n`;
    const s = profileSnippets(p);
    if (s) {
      out += `\n<details><summary>Proven profile of ${escapeMarkdownText(t.name, { max: 200 })}</summary>\n\n`;
      out += fence('sh', s.dockerRun) + '\n' + fence('yaml', s.compose) + '\n' + fence('yaml', s.kubernetes) + '\n' + fence('json', JSON.stringify(s.clientConfig, null, 2));
      out += '\n</details>\n\n';
    }
  }
  return `${out}\n`;
}

/** The terminal's lines (`mcg scan`'s table): the verdict per probed target and its proven `docker run` line. */
export function probeLines(report: Report): string[] {
  const out: string[] = [];
  for (const t of report.targets.filter((x) => x.probe)) {
    const p = t.probe!;
    const culprit = p.culprits.length > 0 ? ` (not with ${p.culprits.join(', ')})` : '';
    const tools = p.tools.length > 0 ? `${p.tools.length} tool(s): ${p.tools.slice(0, 10).map((x) => x.name).join(', ')}` : 'no tools';
    out.push(`Runtime probe: ${plainText(t.name, 200)}: ${plainText(`${STATUS[p.status].replace(/^\S+ /, '')}${culprit}; ${tools}; ${p.starts} start(s)`, 1500)}`);
    if (p.drift) out.push(`  ${plainText(driftWords(p.drift), 2500)}`);
    const s = profileSnippets(p);
    if (s) out.push(`  proven profile: ${plainText(s.dockerRun, 2000)}`, '  (compose, Kubernetes, server.json and client config forms: mcg scan --format profile)');
  }
  return out;
}
