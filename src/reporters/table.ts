/**
 * The terminal report (`mcg scan`, default format): findings grouped by file, one line each
 * (`line  SEVERITY  RULE  message`), markers for new/failing, the fix hint under it, then
 * suppressed findings, suppression notices, totals, scanner status and the policy result.
 *
 * All untrusted text goes through plainText (no escape sequences, no control characters: a file
 * name cannot repaint the terminal). Colour only when `color` is true; the caller decides
 * (NO_COLOR, FORCE_COLOR, isTTY).
 */
import pc from 'picocolors';
import { SEVERITIES, type Finding, type Report, type Severity } from '../core/types.js';
import { severityRank } from '../core/severity.js';
import { PRODUCT, baselineText, countBySeverity, formatDuration, groupFindings, locationText, plural, policyText } from './common.js';
import { plainText } from './escape.js';
import { probeLines } from './probe-section.js';
import { coverageLines } from './coverage.js';
import { appendAll, maxOf } from '../core/arrays.js';

export interface TableOptions {
  color: boolean;
  /** Wrap long messages and fix hints at this many columns (default: no wrapping). */
  width?: number;
  /** The CLI's verdict (with its exit code); default: the report's own pass/fail. */
  outcome?: { verdict: 'PASS' | 'FAIL' | 'ERROR'; reason: string };
}

type Paint = (s: string) => string;

interface Palette {
  sev: Record<Severity, Paint>;
  bold: Paint;
  dim: Paint;
  green: Paint;
  red: Paint;
  yellow: Paint;
  cyan: Paint;
  underline: Paint;
}

function palette(color: boolean): Palette {
  const c = pc.createColors(color);
  return {
    sev: {
      critical: (s) => c.bold(c.magenta(s)),
      high: (s) => c.bold(c.red(s)),
      medium: (s) => c.yellow(s),
      low: (s) => c.cyan(s),
      info: (s) => c.gray(s),
    },
    bold: c.bold,
    dim: c.dim,
    green: c.green,
    red: c.red,
    yellow: c.yellow,
    cyan: c.cyan,
    underline: c.underline,
  };
}

/**
 * Word-wrap plain text to `width` columns (long words are broken); the first line may be
 * narrower (`first`). No width = one line.
 */
export function wrap(s: string, width: number | undefined, first: number | undefined = width): string[] {
  if (!width || width < 10) return [s];
  const firstWidth = Math.max(10, first ?? width);
  if (s.length <= firstWidth) return [s];
  const lines: string[] = [];
  let cur = '';
  const limit = (): number => (lines.length === 0 ? firstWidth : width);
  for (const word of s.split(' ')) {
    let w = word;
    while (w.length > limit()) {
      if (cur) {
        lines.push(cur);
        cur = '';
      }
      const n = limit();
      lines.push(w.slice(0, n));
      w = w.slice(n);
    }
    if (!cur) cur = w;
    else if (cur.length + 1 + w.length <= limit()) cur += ' ' + w;
    else {
      lines.push(cur);
      cur = w;
    }
  }
  if (cur) lines.push(cur);
  return lines;
}

const SEV_WIDTH = 8; // "CRITICAL"

export function renderTable(report: Report, opts: TableOptions): string {
  const p = palette(opts.color);
  const width = opts.width !== undefined && opts.width > 0 ? Math.floor(opts.width) : undefined;
  const g = groupFindings(report.findings);
  const out: string[] = [];

  out.push(p.bold(`${PRODUCT} ${plainText(report.tool.version, 40)}`) + p.dim(` · ${plainText(policyText(report))} · ${plainText(baselineText(report))}`));
  out.push('');

  // Group by file, in the report's (merged, sorted) order.
  const groups = new Map<string, Finding[]>();
  for (const f of g.active) {
    const key = f.location.path;
    let list = groups.get(key);
    if (!list) groups.set(key, (list = []));
    list.push(f);
  }
  for (const list of groups.values()) list.sort((a, b) => a.location.startLine - b.location.startLine || severityRank(b.severity) - severityRank(a.severity));
  const multiTarget = new Set(report.findings.map((f) => f.target)).size > 1;
  const lineWidth = maxOf(1, g.active.map((f) => String(f.location.startLine).length));
  const ruleWidth = Math.min(24, maxOf(6, g.active.map((f) => plainText(f.ruleId, 24).length)));

  if (g.active.length === 0) out.push(p.green('No unsuppressed findings.'), '');
  for (const [path, list] of groups) {
    out.push(p.underline(p.bold(plainText(path, 300))));
    for (const f of list) {
      const line = String(f.location.startLine).padStart(lineWidth + 2);
      const sev = p.sev[f.severity](f.severity.toUpperCase().padEnd(SEV_WIDTH));
      const rule = plainText(f.ruleId, 24).padEnd(ruleWidth);
      const indent = ' '.repeat(lineWidth + 2 + 2 + SEV_WIDTH + 2 + ruleWidth + 2);
      const room = width !== undefined ? Math.max(20, width - indent.length) : undefined;
      const markers: string[] = [];
      let markersWidth = 0;
      const mark = (label: string, paint: Paint): void => {
        markers.push(paint(label));
        markersWidth += label.length + 1;
      };
      if (f.error) mark('[scan error]', p.red);
      if (f.failing) mark('[failing]', (s) => p.red(p.bold(s)));
      if (f.new) mark('[new]', p.yellow);
      if (multiTarget) mark(`[${plainText(f.target, 60)}]`, p.dim);
      let msg = plainText(f.message);
      if (f.location.evidence) msg += ` (${plainText(f.location.evidence, 200)})`;
      const msgLines = wrap(msg, room, room !== undefined ? room - markersWidth - 1 : undefined);
      out.push(`${line}  ${sev}  ${rule}  ${msgLines[0] ?? ''}${markers.length > 0 ? '  ' + markers.join(' ') : ''}`);
      for (const l of msgLines.slice(1)) out.push(indent + l);
      if (f.fix) for (const l of wrap(`↳ fix: ${plainText(f.fix, 400)}`, room)) out.push(indent + p.dim(l));
    }
    out.push('');
  }

  if (g.suppressed.length > 0) {
    out.push(p.bold(`Suppressed (${g.suppressed.length})`));
    for (const f of g.suppressed) {
      const s = f.suppressed;
      const why = s ? `${s.justification ? plainText(s.justification, 200) : 'no reason given'} — ${s.kind === 'inSource' ? 'inline' : 'config'} at ${plainText(s.where, 200)}${s.expires ? `, until ${plainText(s.expires, 40)}` : ''}` : '';
      out.push(p.dim(`  ${plainText(locationText(f), 300)}  ${f.severity.toUpperCase()}  ${plainText(f.ruleId, 40)}  ${plainText(f.message, 200)}  [suppressed: ${why}]`));
    }
    out.push('');
  }

  if (report.expired.length > 0 || report.expiring.length > 0) {
    out.push(p.bold('Suppressions to review'));
    for (const n of report.expired) out.push(`  ${p.red('expired')}   ${plainText(n.id, 40)} at ${plainText(n.where, 200)} (expired ${plainText(n.expires, 40)}): no longer applied — ${plainText(n.reason, 200)}`);
    for (const n of report.expiring) out.push(`  ${p.yellow('expiring')}  ${plainText(n.id, 40)} at ${plainText(n.where, 200)} (expires ${plainText(n.expires, 40)}) — ${plainText(n.reason, 200)}`);
    out.push('');
  }

  if (report.fixed.length > 0) {
    out.push(p.green(`Fixed since the baseline: ${report.fixed.length}`));
    for (const x of report.fixed.slice(0, 10)) out.push(p.dim(`  ${plainText(x.ruleId ?? '?', 40)}  ${plainText(x.path ?? '', 200)}`));
    if (report.fixed.length > 10) out.push(p.dim(`  … and ${report.fixed.length - 10} more`));
    out.push('');
  }

  const c = countBySeverity(g.active);
  const sevs = SEVERITIES.map((s) => (c[s] > 0 ? p.sev[s](`${c[s]} ${s}`) : p.dim(`0 ${s}`))).join(', ');
  out.push(`${p.bold(plural(g.active.length, 'finding'))}: ${sevs} · ${g.newOnes.length} new · ${g.failing.length} failing · ${g.suppressed.length} suppressed`);

  if (report.scanners.length > 0) {
    const parts = report.scanners.map((s) => {
      const ver = s.version ? ` ${plainText(s.version, 40)}` : '';
      const dur = s.durationMs !== undefined ? ` (${formatDuration(s.durationMs)})` : '';
      const reason = s.reason ? `: ${plainText(s.reason, 300)}` : '';
      if (s.status === 'ran') return p.green(`✓ ${s.name}${ver}`) + p.dim(dur);
      if (s.status === 'skipped') return p.yellow(`- ${s.name} skipped${reason}`);
      return p.red(`✗ ${s.name} failed${reason}`);
    });
    out.push(`Scanners: ${parts.join(' · ')}`);
  }

  if ((report.coverage ?? []).length > 0) appendAll(out, coverageLines(report));
  appendAll(out, probeLines(report));
  const o = opts.outcome ?? { verdict: report.result === 'fail' ? 'FAIL' : 'PASS', reason: report.reason };
  const verdict = o.verdict === 'PASS' ? p.green(p.bold(o.verdict)) : p.red(p.bold(o.verdict));
  out.push(`Result: ${verdict} — ${plainText(o.reason, 500)}`);
  return out.join('\n') + '\n';
}
