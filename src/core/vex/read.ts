/**
 * VEX in: OpenVEX (0.2, and 0.0.x documents that use the same statement fields) and CycloneDX VEX
 * (a BOM whose `vulnerabilities` carry an `analysis`), read into one statement shape with the line
 * each statement is written on. A document that is neither is refused with its file and line.
 */
import { entriesOf, field, itemsOf, parseJson, strOf, type MNode } from '../mcp/tree.js';

export type VexStatus = 'not_affected' | 'affected' | 'fixed' | 'under_investigation';

export interface VexStatement {
  vulnerability: string;
  /** Other names of the vulnerability (OpenVEX `aliases`, CycloneDX `references`). */
  aliases: string[];
  /** Product identifiers as written: package URLs, `pkg:oci/…` images, or anything else. */
  products: string[];
  /** Subcomponents (OpenVEX) of the products: package URLs inside an image product. */
  subcomponents: string[];
  status: VexStatus;
  justification?: string;
  impact?: string;
  /** When the statement was made (its own `timestamp`, else the document's); later statements override earlier ones. */
  timestamp?: string;
  /** `file:line` of the statement. */
  where: string;
}

export type VexReadResult = { ok: true; format: 'openvex' | 'cyclonedx'; statements: VexStatement[] } | { ok: false; line: number; message: string };

const CDX_STATE: Record<string, VexStatus | undefined> = {
  not_affected: 'not_affected',
  false_positive: 'not_affected',
  resolved: 'fixed',
  resolved_with_pedigree: 'fixed',
  exploitable: 'affected',
  in_triage: 'under_investigation',
};

const OPENVEX_STATUS = new Set<string>(['not_affected', 'affected', 'fixed', 'under_investigation']);

function ids(n: MNode | undefined): string[] {
  return itemsOf(n)
    .map((p) => strOf(p) ?? strOf(field(p, '@id')?.value) ?? strOf(field(field(p, 'identifiers')?.value, 'purl')?.value))
    .filter((s): s is string => s !== undefined && s !== '');
}

function openVex(root: MNode, path: string): VexReadResult {
  const statements: VexStatement[] = [];
  const documentTime = strOf(field(root, 'timestamp')?.value);
  for (const s of itemsOf(field(root, 'statements')?.value)) {
    const vuln = field(s, 'vulnerability')?.value;
    const name = strOf(vuln) ?? strOf(field(vuln, 'name')?.value) ?? strOf(field(vuln, '@id')?.value);
    const status = strOf(field(s, 'status')?.value) ?? '';
    if (!name || !OPENVEX_STATUS.has(status)) {
      return { ok: false, line: s.line, message: `a statement needs a vulnerability name and a status (${[...OPENVEX_STATUS].join(', ')})` };
    }
    const products = itemsOf(field(s, 'products')?.value);
    statements.push({
      vulnerability: name,
      aliases: itemsOf(field(vuln, 'aliases')?.value).map(strOf).filter((x): x is string => !!x),
      products: ids(field(s, 'products')?.value),
      subcomponents: products.flatMap((p) => ids(field(p, 'subcomponents')?.value)),
      status: status as VexStatus,
      justification: strOf(field(s, 'justification')?.value),
      impact: strOf(field(s, 'impact_statement')?.value),
      timestamp: strOf(field(s, 'timestamp')?.value) ?? documentTime,
      where: `${path}:${s.line}`,
    });
  }
  return { ok: true, format: 'openvex', statements };
}

function cycloneDx(root: MNode, path: string): VexReadResult {
  const refs = new Map<string, string>();
  const walk = (n: MNode | undefined): void => {
    for (const c of itemsOf(n)) {
      const ref = strOf(field(c, 'bom-ref')?.value);
      const purl = strOf(field(c, 'purl')?.value);
      if (ref && purl) refs.set(ref, purl);
      walk(field(c, 'components')?.value);
    }
  };
  walk(field(root, 'components')?.value);
  const statements: VexStatement[] = [];
  for (const v of itemsOf(field(root, 'vulnerabilities')?.value)) {
    const analysis = field(v, 'analysis')?.value;
    const state = strOf(field(analysis, 'state')?.value);
    const id = strOf(field(v, 'id')?.value);
    const status = state ? CDX_STATE[state] : undefined;
    if (!id || !status) return { ok: false, line: v.line, message: 'a vulnerability needs an id and an analysis.state' };
    const affects = itemsOf(field(v, 'affects')?.value)
      .map((a) => strOf(field(a, 'ref')?.value))
      .filter((r): r is string => !!r)
      .map((r) => refs.get(r) ?? r.replace(/^urn:cdx:[^#]*#/, ''));
    statements.push({
      vulnerability: id,
      aliases: itemsOf(field(v, 'references')?.value).map((r) => strOf(field(r, 'id')?.value)).filter((x): x is string => !!x),
      products: affects.map((a) => refs.get(a) ?? a),
      subcomponents: [],
      status,
      justification: strOf(field(analysis, 'justification')?.value),
      impact: strOf(field(analysis, 'detail')?.value),
      where: `${path}:${v.line}`,
    });
  }
  return { ok: true, format: 'cyclonedx', statements };
}

/** Reads one VEX file (strict JSON, as Trivy and Grype read it). */
export function readVex(text: string, path: string): VexReadResult {
  const parsed = parseJson(text.replace(/^\uFEFF/, ''), 'json');
  if (!parsed.ok) return parsed;
  const root = parsed.root;
  const context = strOf(field(root, '@context')?.value) ?? '';
  if (context.startsWith('https://openvex.dev/ns')) return openVex(root, path);
  if (strOf(field(root, 'bomFormat')?.value) === 'CycloneDX') return cycloneDx(root, path);
  const keys = entriesOf(root).map((e) => e.key);
  return {
    ok: false,
    line: root.line,
    message: `not a VEX document: expected an OpenVEX "@context" (https://openvex.dev/ns/…) or a CycloneDX BOM with "vulnerabilities"${keys.length ? '' : ' (the file is empty)'}`,
  };
}
