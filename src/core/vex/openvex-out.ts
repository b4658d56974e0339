/**
 * VEX out: every suppressed vulnerability finding becomes an OpenVEX 0.2 statement, so scanners
 * downstream (Trivy, Grype, Docker Scout) honour the decisions the repository made. A suppression
 * that expires is a decision not yet final: `under_investigation`. One that does not expire is
 * `not_affected`, with the OpenVEX justification its reason names when it names one, and the
 * reason itself as the impact statement (which OpenVEX accepts in place of a justification).
 *
 * The product of each statement is the package URL of the affected package, the identity both
 * Trivy and Grype match an image's packages by; the image itself is named in the document's
 * `@id` and in each statement's status notes.
 */
import { sha256Hex } from '../fingerprint.js';
import type { Finding, Report } from '../types.js';

export const OPENVEX_CONTEXT = 'https://openvex.dev/ns/v0.2.0';

export type OpenVexJustification =
  | 'component_not_present'
  | 'vulnerable_code_not_present'
  | 'vulnerable_code_not_in_execute_path'
  | 'vulnerable_code_cannot_be_controlled_by_adversary'
  | 'inline_mitigations_already_exist';

export const OPENVEX_JUSTIFICATIONS: readonly OpenVexJustification[] = [
  'component_not_present',
  'vulnerable_code_not_present',
  'vulnerable_code_not_in_execute_path',
  'vulnerable_code_cannot_be_controlled_by_adversary',
  'inline_mitigations_already_exist',
];

/** Phrases that name a justification, checked in order (the first that matches decides). */
const PHRASES: ReadonlyArray<readonly [RegExp, OpenVexJustification]> = [
  [/\b(component|package|library)\b.*\bnot (present|installed|shipped)\b|\bnot (present|installed|shipped) in the image\b/i, 'component_not_present'],
  [/\bvulnerable (code|function)\b.*\bnot (present|included|compiled)\b|\bcode not present\b/i, 'vulnerable_code_not_present'],
  [/\bnot (reachable|called|used|loaded|executed|imported)\b|\bnever (called|used|loaded|executed|imported)\b|\bunused\b|\bexecute path\b/i, 'vulnerable_code_not_in_execute_path'],
  [/\bcannot be controlled\b|\bnot (exposed|attacker[- ]controlled)\b|\bno untrusted input\b/i, 'vulnerable_code_cannot_be_controlled_by_adversary'],
  [/\bmitigat/i, 'inline_mitigations_already_exist'],
];

/** The justification a suppression's reason names (an exact OpenVEX value, or a phrase); undefined when none. */
export function justificationOf(reason: string): OpenVexJustification | undefined {
  const exact = OPENVEX_JUSTIFICATIONS.find((j) => reason.includes(j));
  if (exact) return exact;
  return PHRASES.find(([re]) => re.test(reason))?.[1];
}

export interface OpenVexStatement {
  vulnerability: { name: string };
  products: Array<{ '@id': string; identifiers: { purl: string } }>;
  status: 'not_affected' | 'under_investigation';
  justification?: OpenVexJustification;
  impact_statement?: string;
  status_notes: string;
}

export interface OpenVexDocument {
  '@context': string;
  '@id': string;
  author: string;
  role: string;
  timestamp: string;
  version: number;
  tooling: string;
  statements: OpenVexStatement[];
}

export interface VexOutOptions {
  /** RFC 3339 time of the run (the document and every statement carry it). */
  timestamp: string;
  /** Who made the decisions: the repository, e.g. `octo/server`. */
  author: string;
  tooling: string;
}

function statementOf(f: Finding, purl: string): OpenVexStatement {
  const s = f.suppressed!;
  const notes = `Suppressed for ${f.target} at ${s.where}${s.owner ? ` by ${s.owner}` : ''}${s.expires ? `, until ${s.expires}` : ''}.`;
  if (s.expires) {
    return { vulnerability: { name: f.ruleId }, products: [{ '@id': purl, identifiers: { purl } }], status: 'under_investigation', status_notes: notes };
  }
  const justification = justificationOf(s.justification);
  return {
    vulnerability: { name: f.ruleId },
    products: [{ '@id': purl, identifiers: { purl } }],
    status: 'not_affected',
    ...(justification ? { justification } : {}),
    impact_statement: s.justification,
    status_notes: notes,
  };
}

/** The OpenVEX document of the suppressed vulnerability findings (those with a package URL), one statement per CVE and package. */
export function toOpenVex(findings: readonly Finding[], o: VexOutOptions): OpenVexDocument {
  const byKey = new Map<string, OpenVexStatement>();
  for (const f of findings) {
    const purl = f.package?.purl;
    if (!f.suppressed || !purl || f.source !== 'trivy') continue;
    const key = `${f.ruleId}\n${purl}`;
    if (!byKey.has(key)) byKey.set(key, statementOf(f, purl));
  }
  const statements = [...byKey.values()].sort(
    (a, b) => a.vulnerability.name.localeCompare(b.vulnerability.name) || a.products[0]!['@id'].localeCompare(b.products[0]!['@id']),
  );
  const id = sha256Hex(JSON.stringify({ author: o.author, statements })).slice(0, 32);
  return {
    '@context': OPENVEX_CONTEXT,
    '@id': `urn:uuid:${id.slice(0, 8)}-${id.slice(8, 12)}-${id.slice(12, 16)}-${id.slice(16, 20)}-${id.slice(20, 32)}`,
    author: o.author,
    role: 'Repository maintainers (decisions recorded as MCP Container Guard suppressions)',
    timestamp: o.timestamp,
    version: 1,
    tooling: o.tooling,
    statements,
  };
}

/** The OpenVEX document of a report's vulnerability suppressions (`mcg.vex.json`). */
export function reportVex(report: Report, author: string): OpenVexDocument {
  return toOpenVex(report.findings, { timestamp: report.finishedAt, author, tooling: `${report.tool.name} ${report.tool.version}` });
}
