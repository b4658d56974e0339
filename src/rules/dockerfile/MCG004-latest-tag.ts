import type { RuleHit, RuleMeta } from '../../core/types.js';
import type { DockerfileContext, DockerfileRule } from '../types.js';
import { describeRef, externalImageRefs } from './image-refs.js';

const meta: RuleMeta = {
  id: 'MCG004',
  name: 'latest-tag',
  title: 'Image uses the latest tag or no tag',
  severity: 'medium',
  kind: 'dockerfile',
  description:
    'An external image in a FROM or COPY --from=<image> is tagged :latest or has no tag at all (which means :latest), and is not pinned by digest.',
  rationale:
    '`latest` follows every release, major versions included. A rebuild can switch Node 22 to Node 24 or Debian 12 to Debian 13 without any change in the repository, break the server or bring in new vulnerabilities, and nobody can tell from the Dockerfile what was built.',
  fix: 'Use an explicit version tag such as `node:22.12-slim` (better: add the digest too, `node:22.12-slim@sha256:<digest>`).',
  tags: ['reliability', 'supply-chain', 'reproducibility'],
  precision: 'very-high',
  trivy: 'DS-0001',
};

export const rule: DockerfileRule = {
  meta,
  check(ctx: DockerfileContext): RuleHit[] {
    const hits: RuleHit[] = [];
    for (const r of externalImageRefs(ctx.model, { tagDecided: true })) {
      if (r.image.digest) continue;
      const tag = r.image.tag;
      if (tag !== undefined && tag !== 'latest') continue;
      const what = r.ins.keyword === 'FROM' ? 'FROM' : 'COPY --from';
      hits.push({
        line: r.ins.line,
        endLine: r.ins.endLine,
        key: `${r.key}|latest`,
        message:
          tag === undefined
            ? `${what} ${describeRef(r)} has no tag, so it pulls whatever latest is at build time.`
            : `${what} ${describeRef(r)} uses the latest tag, which changes with every release.`,
      });
    }
    return hits;
  },
};
