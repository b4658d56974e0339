/**
 * VEX in a merge (`mcg merge --vex`, mode: report's `vex` input). The merging job trusts no
 * suppression an artifact claims, VEX decisions included, so it applies its own VEX files — read
 * from its own checkout — to every target's image findings, each target's image named by its
 * report. A statement no target takes is reported once (not once per target).
 */
import type { Finding, TargetInfo } from '../types.js';
import { applyVex, type VexNotice } from './apply.js';
import type { VexStatement } from './read.js';

export function applyVexToTargets(findings: Finding[], documents: ReadonlyArray<readonly VexStatement[]>, targets: Iterable<TargetInfo>): VexNotice[] {
  if (documents.length === 0) return [];
  const ignored = new Map<string, { notice: VexNotice; count: number }>();
  let n = 0;
  for (const t of targets) {
    n++;
    for (const notice of applyVex(findings, documents, { target: t.name, imageNames: t.image ? [t.image] : [] })) {
      const seen = ignored.get(notice.where);
      if (seen) seen.count++;
      else ignored.set(notice.where, { notice, count: 1 });
    }
  }
  return [...ignored.values()]
    .filter((x) => x.count === n)
    .map(({ notice }) => (n === 1 ? notice : { where: notice.where, message: notice.message.replace(/not an image package of .*?: it is ignored\.$/, `not an image package of any of the ${n} targets: it is ignored.`) }));
}
