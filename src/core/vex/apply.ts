/**
 * Applying VEX statements to a target's findings. A `not_affected` or `fixed` statement suppresses
 * the vulnerability findings it covers (as an external suppression that keeps the statement's
 * justification and where it is written); `affected` and `under_investigation` suppress nothing.
 *
 * A statement covers a finding when it names the finding's vulnerability (or an alias) and one of
 * its products is the finding's package (a package URL that covers it, see purlCovers), or is this
 * image (`pkg:oci/<name>`) with the package among its subcomponents or no subcomponents at all.
 * A statement whose products are all some other image, or not package URLs, is about another
 * product: it is ignored and the returned notices say so.
 */
import { isFailClosed } from '../policy.js';
import type { Finding } from '../types.js';
import { parsePurl, purlCovers, type Purl } from './purl.js';
import type { VexStatement } from './read.js';

export interface VexNotice {
  where: string;
  message: string;
}

export interface VexTarget {
  /** The target the findings belong to. */
  target: string;
  /** Repository names this image goes by (`ghcr.io/octo/server`, `octo/server`), for `pkg:oci` products. */
  imageNames: readonly string[];
}

function ociName(p: Purl): string {
  return (p.qualifiers.get('repository_url') ?? [p.namespace, p.name].filter((x) => x).join('/')).toLowerCase();
}

function isThisImage(p: Purl, t: VexTarget): boolean {
  const name = ociName(p);
  return t.imageNames.some((n) => {
    const lower = n.toLowerCase().replace(/[:@].*$/, '');
    return lower === name || lower.endsWith(`/${name}`) || name.endsWith(`/${lower}`);
  });
}

/** The package URLs a statement applies to in this image; undefined when it is about another product. */
function subjects(s: VexStatement, t: VexTarget): { packages: Purl[]; wholeImage: boolean } | undefined {
  const packages: Purl[] = [];
  let wholeImage = false;
  for (const id of s.products) {
    const p = parsePurl(id);
    if (!p) continue;
    if (p.type !== 'oci') {
      packages.push(p);
      continue;
    }
    if (!isThisImage(p, t)) continue;
    const subs = s.subcomponents.map(parsePurl).filter((x): x is Purl => x !== undefined);
    if (subs.length === 0) wholeImage = true;
    packages.push(...subs);
  }
  return packages.length === 0 && !wholeImage ? undefined : { packages, wholeImage };
}

const SUPPRESSING = new Set(['not_affected', 'fixed']);

/** Marks the findings the statements suppress; returns what was ignored and why. */
export function applyVex(findings: Finding[], statements: readonly VexStatement[], t: VexTarget): VexNotice[] {
  const notices: VexNotice[] = [];
  for (const s of statements) {
    const subject = subjects(s, t);
    if (!subject) {
      notices.push({
        where: s.where,
        message: `The VEX statement on ${s.vulnerability} names ${s.products.join(', ') || 'no product'}, not an image package of ${t.target}: it is ignored.`,
      });
      continue;
    }
    if (!SUPPRESSING.has(s.status)) continue;
    const names = new Set([s.vulnerability, ...s.aliases]);
    for (const f of findings) {
      if (f.suppressed || f.source !== 'trivy' || f.target !== t.target || isFailClosed(f.ruleId) || !names.has(f.ruleId)) continue;
      const scanned = f.package?.purl ? parsePurl(f.package.purl) : undefined;
      if (!subject.wholeImage && (!scanned || !subject.packages.some((p) => purlCovers(p, scanned)))) continue;
      const why = [s.justification, s.impact].filter((x) => x).join(': ') || `VEX status ${s.status}`;
      f.suppressed = { kind: 'external', justification: `VEX ${s.status}: ${why}`, where: s.where };
    }
  }
  return notices;
}
