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
 *
 * Within one document, as Trivy decides (measured on Trivy 0.74 in the rig, see
 * test/e2e/vex-trivy-agreement.test.ts): of the statements that cover a finding, the one with the
 * latest timestamp decides, and among equally recent ones the first written. Across documents, a
 * finding one document suppresses stays suppressed.
 */
import { isFailClosed } from '../policy.js';
import type { Finding } from '../types.js';
import { parsePurl, purlCovers, type Purl } from './purl.js';
import type { VexStatement } from './read.js';
import { appendAll } from '../arrays.js';

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
function subjectsOf(s: VexStatement, t: VexTarget): { packages: Purl[]; wholeImage: boolean } | undefined {
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
    appendAll(packages, subs);
  }
  return packages.length === 0 && !wholeImage ? undefined : { packages, wholeImage };
}

const SUPPRESSING = new Set(['not_affected', 'fixed']);

interface Subject {
  statement: VexStatement;
  packages: Purl[];
  wholeImage: boolean;
  time: number;
}

function covers(s: Subject, f: Finding): boolean {
  if (s.statement.vulnerability !== f.ruleId && !s.statement.aliases.includes(f.ruleId)) return false;
  if (s.wholeImage) return true;
  const scanned = f.package?.purl ? parsePurl(f.package.purl) : undefined;
  return scanned !== undefined && s.packages.some((p) => purlCovers(p, scanned));
}

/** The statement that decides for `f`: the latest, the first written among equally recent ones. */
function deciding(subjects: readonly Subject[], f: Finding): Subject | undefined {
  let best: Subject | undefined;
  for (const s of subjects) if (covers(s, f) && (!best || s.time > best.time)) best = s;
  return best;
}

/**
 * Marks the findings the documents suppress (each document a list of statements, in the order
 * written); returns what was ignored and why.
 */
export function applyVex(findings: Finding[], documents: ReadonlyArray<readonly VexStatement[]>, t: VexTarget): VexNotice[] {
  const notices: VexNotice[] = [];
  for (const statements of documents) {
    const subjects: Subject[] = [];
    for (const s of statements) {
      const subject = subjectsOf(s, t);
      if (subject) {
        const time = s.timestamp ? Date.parse(s.timestamp) : Number.NEGATIVE_INFINITY;
        subjects.push({ statement: s, ...subject, time: Number.isNaN(time) ? Number.NEGATIVE_INFINITY : time });
        continue;
      }
      notices.push({
        where: s.where,
        message: `The VEX statement on ${s.vulnerability} names ${s.products.join(', ') || 'no product'}, not an image package of ${t.target}: it is ignored.`,
      });
    }
    for (const f of findings) {
      if (f.suppressed || f.source !== 'trivy' || f.target !== t.target || isFailClosed(f.ruleId)) continue;
      const d = deciding(subjects, f)?.statement;
      if (!d || !SUPPRESSING.has(d.status)) continue;
      const why = [d.justification, d.impact].filter((x) => x).join(': ') || `VEX status ${d.status}`;
      f.suppressed = { kind: 'external', justification: `VEX ${d.status}: ${why}`, where: d.where };
    }
  }
  return notices;
}
