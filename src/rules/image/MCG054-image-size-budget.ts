import type { RuleHit, RuleMeta } from '../../core/types.js';
import type { ImageRule, ImageRuleContext } from './types.js';

const meta: RuleMeta = {
  id: 'MCG054',
  name: 'image-size-budget',
  title: 'Image is larger than the size budget',
  severity: 'low',
  kind: 'image',
  description: 'The uncompressed size of the image (all layers) is above `image-size-budget` (default 1 GiB).',
  rationale:
    'Every megabyte is pulled on every cold start and scale-out, and most of a bloated image is packages nobody uses: build toolchains, caches, documentation, each one more thing to patch. MCP servers are often started on demand, where pull time is start-up time.',
  fix: 'Use a slim or distroless runtime base, build in a separate stage and copy only the result, install without recommends, remove package caches in the same RUN, and keep tests, docs and .git out with .dockerignore. Or raise `image-size-budget` in .mcg.yml when the size is intended.',
  tags: ['performance', 'image'],
  precision: 'very-high',
};

export function formatBytes(n: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let v = n;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${u === 0 ? v : v.toFixed(1)} ${units[u]}`;
}

export const rule: ImageRule = {
  meta,
  check(ctx: ImageRuleContext): RuleHit[] {
    if (ctx.image.size <= ctx.sizeBudget) return [];
    const from = ctx.layers.from;
    return [
      {
        line: from.line,
        endLine: from.endLine,
        key: `${from.key}|image-size-budget`,
        message: `The image is ${formatBytes(ctx.image.size)}, above the budget of ${formatBytes(ctx.sizeBudget)}.`,
      },
    ];
  },
};
