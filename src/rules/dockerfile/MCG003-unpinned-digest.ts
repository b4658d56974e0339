import type { RuleHit, RuleMeta } from '../../core/types.js';
import type { DockerfileContext, DockerfileRule } from '../types.js';
import { describeRef, externalImageRefs } from './image-refs.js';

const meta: RuleMeta = {
  id: 'MCG003',
  name: 'unpinned-digest',
  title: 'Image not pinned by digest',
  severity: 'low',
  kind: 'dockerfile',
  description:
    'An external image in a FROM or COPY --from=<image> is referenced by tag only, without an @sha256: digest. Stage references and scratch are not images and are not reported.',
  rationale:
    'A tag is a movable pointer. `python:3.12-slim` is rebuilt every few days, and whoever controls the repository (or a compromised account) can point it at anything. Without a digest the same commit builds different images over time, a scan of yesterday\'s image says little about today\'s, and a malicious or broken push goes straight into the build.',
  fix: 'Pin the image by digest and keep the tag for readability: `FROM python:3.12-slim@sha256:<digest>`. Let Dependabot or Renovate update the digest.',
  tags: ['security', 'supply-chain', 'reproducibility'],
  precision: 'very-high',
};

export const rule: DockerfileRule = {
  meta,
  check(ctx: DockerfileContext): RuleHit[] {
    const hits: RuleHit[] = [];
    for (const r of externalImageRefs(ctx.model)) {
      if (r.image.digest?.startsWith('sha256:')) continue;
      const what = r.ins.keyword === 'FROM' ? 'FROM' : 'COPY --from';
      hits.push({
        line: r.ins.line,
        endLine: r.ins.endLine,
        key: `${r.key}|digest`,
        message: `${what} ${describeRef(r)} is not pinned by an @sha256: digest.`,
      });
    }
    return hits;
  },
};
