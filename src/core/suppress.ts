/**
 * Suppressions (DESIGN §6), applied once, in merge, for every source:
 * inline `# mcg-ignore <ID>[,<ID>…] <reason>` comments directly above the reported line, and
 * `.mcg.yml` `ignore:` entries. A suppression without a reason still suppresses but is itself
 * reported (MCG900). Expired entries stop suppressing and are listed; entries expiring within
 * 14 days are listed as expiring.
 */
import picomatch from 'picomatch';
import type { Finding, SuppressionMatch, SuppressionNotice } from './types.js';
import { meta as MCG900 } from './meta-rules/MCG900-suppression-without-reason.js';
import { meta as MCG995 } from './meta-rules/MCG995-suppression-of-unchecked.js';
import { ruleDocsUrl } from './meta.js';
import { isFailClosed } from './policy.js';

export interface IgnoreEntry {
  id: string;
  path?: string;
  target?: string;
  reason?: string;
  expires?: string;
  owner?: string;
  /** Where it is written, e.g. `.mcg.yml:12`. */
  where: string;
  file: string;
  line: number;
}

export interface InlineSuppression {
  ids: string[];
  reason: string;
  path: string;
  /** Line of the comment (1-based). */
  line: number;
}

export const EXPIRING_WINDOW_DAYS = 14;

const INLINE = /#\s*mcg-ignore\b[:\s]*([A-Za-z0-9_/.*-]+(?:\s*,\s*[A-Za-z0-9_/.*-]+)*)?\s*(.*)$/;

/** Inline suppressions of a file, keyed by the line they apply to (the first non-comment line below). */
export function inlineSuppressions(path: string, lines: readonly string[]): Map<number, InlineSuppression[]> {
  const out = new Map<number, InlineSuppression[]>();
  let pending: InlineSuppression[] = [];
  // JSON with comments (VS Code's mcp.json): `// mcg-ignore <ID> <reason>` is the same comment
  const jsonc = /\.jsonc?$/i.test(path);
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!;
    const t0 = text.trim();
    const t = jsonc && t0.startsWith('//') ? `#${t0.slice(2)}` : t0;
    if (t.startsWith('#')) {
      const m = INLINE.exec(t);
      if (m && m[1]) {
        pending.push({ ids: m[1].split(',').map((s) => s.trim()).filter(Boolean), reason: (m[2] ?? '').trim(), path, line: i + 1 });
      }
      continue;
    }
    if (t === '') {
      // a blank line ends the comment block: the suppression applies only to what is directly below
      if (pending.length > 0) pending = [];
      continue;
    }
    if (pending.length > 0) {
      out.set(i + 1, pending);
      pending = [];
    }
  }
  return out;
}

// Compiled glob matchers, per pattern: picomatch.isMatch compiles its pattern on every call, and
// merge asks (findings × ignore entries) times. Patterns come from one config, so the map stays small;
// it is cleared past a bound all the same.
const matchers = new Map<string, (s: string) => boolean>();
function globMatch(s: string, pattern: string, dot: boolean): boolean {
  const key = `${dot ? 'd' : 'n'}\u0000${pattern}`;
  let m = matchers.get(key);
  if (!m) {
    if (matchers.size > 10_000) matchers.clear();
    m = picomatch(pattern, dot ? { dot: true } : { nocase: false });
    matchers.set(key, m);
  }
  return m(s);
}

function idMatches(pattern: string, id: string): boolean {
  if (pattern === id) return true;
  if (!pattern.includes('*')) return false;
  return globMatch(id, pattern, false);
}

function daysBetween(a: Date, b: Date): number {
  return (b.getTime() - a.getTime()) / 86_400_000;
}

export interface SuppressionOutcome {
  /** MCG900 findings for reason-less suppressions, MCG995 for suppressions refused because they would hide MCG990/MCG991. */
  extraFindings: Finding[];
  expired: SuppressionNotice[];
  expiring: SuppressionNotice[];
}

/**
 * Marks findings as suppressed. `fileLines` gives the text of every repository file findings may
 * point at (for inline comments); `target` names the config target for MCG900 findings.
 */
export function applySuppressions(
  findings: Finding[],
  fileLines: ReadonlyMap<string, readonly string[]>,
  entries: readonly IgnoreEntry[],
  now: Date,
): SuppressionOutcome {
  const extraFindings: Finding[] = [];
  const expired: SuppressionNotice[] = [];
  const expiring: SuppressionNotice[] = [];
  const inlineByFile = new Map<string, Map<number, InlineSuppression[]>>();
  const reported = new Set<string>();
  /** An MCG900 finding, once per suppression (`where`), at the suppression's own place. */
  const noReason = (at: { where: string; path: string; line: number; target: string }, what: string): void => {
    const { where, path, line, target } = at;
    if (reported.has(where)) return;
    reported.add(where);
    extraFindings.push({
      ruleId: MCG900.id,
      source: 'mcg',
      severity: MCG900.severity,
      message: `${what} gives no reason: say why the finding does not apply.`,
      location: { path, startLine: line },
      fingerprint: '',
      fingerprintKey: `suppression|${what}`,
      target,
      fix: MCG900.fix,
      helpUri: ruleDocsUrl(MCG900.id),
    });
  };

  const active: IgnoreEntry[] = [];
  for (const e of entries) {
    if (e.expires) {
      const exp = new Date(`${e.expires}T23:59:59Z`);
      const notice: SuppressionNotice = { id: e.id, where: e.where, reason: e.reason ?? '', expires: e.expires, owner: e.owner };
      if (Number.isNaN(exp.getTime()) || exp < now) {
        expired.push(notice);
        continue;
      }
      if (daysBetween(now, exp) <= EXPIRING_WINDOW_DAYS) expiring.push(notice);
    }
    active.push(e);
  }

  const refused = (where: string, path: string, line: number, f: Finding): void => {
    const key = `${where}|${f.ruleId}`;
    if (reported.has(key)) return;
    reported.add(key);
    extraFindings.push({
      ruleId: MCG995.id,
      source: 'mcg',
      severity: MCG995.severity,
      message: `This suppression would hide ${f.ruleId} (${f.location.path}:${f.location.startLine}), which says something was not checked: it does not apply. Fix the cause instead.`,
      location: { path, startLine: line },
      fingerprint: '',
      fingerprintKey: `suppression-refused|${where}|${f.ruleId}`,
      target: f.target,
      fix: `Remove the suppression of ${f.ruleId}; "not checked" cannot be suppressed. Make the input readable or the scanner run.`,
      helpUri: ruleDocsUrl(MCG995.id),
    });
  };

  for (const f of findings) {
    if (isFailClosed(f.ruleId)) {
      // never suppressed; every suppression that would have matched is reported where it is written
      f.suppressed = undefined;
      const inline = fileLines.get(f.location.path);
      const hit = inline ? inlineSuppressions(f.location.path, inline).get(f.location.startLine)?.find((s) => s.ids.some((id) => idMatches(id, f.ruleId))) : undefined;
      if (hit) refused(`${hit.path}:${hit.line}`, hit.path, hit.line, f);
      for (const e of active) {
        if (idMatches(e.id, f.ruleId) && (e.path === undefined || globMatch(f.location.path, e.path, true))) refused(e.where, e.file, e.line, f);
      }
      continue;
    }
    if (f.suppressed) continue;
    const lines = fileLines.get(f.location.path);
    if (lines) {
      let map = inlineByFile.get(f.location.path);
      if (!map) {
        map = inlineSuppressions(f.location.path, lines);
        inlineByFile.set(f.location.path, map);
      }
      const hit = map.get(f.location.startLine)?.find((s) => s.ids.some((id) => idMatches(id, f.ruleId)));
      if (hit) {
        const where = `${hit.path}:${hit.line}`;
        f.suppressed = { kind: 'inSource', justification: hit.reason || '(no reason given)', where } satisfies SuppressionMatch;
        if (!hit.reason) noReason({ where, path: hit.path, line: hit.line, target: f.target }, `The inline suppression of ${hit.ids.join(', ')}`);
        continue;
      }
    }
    const e = active.find(
      (x) =>
        idMatches(x.id, f.ruleId) &&
        (x.path === undefined || globMatch(f.location.path, x.path, true)) &&
        (x.target === undefined || x.target === f.target || globMatch(f.target, x.target, true)),
    );
    if (e) {
      f.suppressed = { kind: 'external', justification: e.reason || '(no reason given)', where: e.where, owner: e.owner, expires: e.expires };
      if (!e.reason) noReason({ where: e.where, path: e.file, line: e.line, target: f.target }, `The ignore entry for ${e.id}`);
    }
  }
  // An ignore entry without a reason is reported even when nothing matched it today.
  for (const e of active) if (!e.reason) noReason({ where: e.where, path: e.file, line: e.line, target: 'config' }, `The ignore entry for ${e.id}`);
  return { extraFindings, expired, expiring };
}
