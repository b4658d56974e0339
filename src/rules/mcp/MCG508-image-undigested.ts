import type { RuleHit, RuleMeta } from '../../core/types.js';
import type { McpRule } from './types.js';
import { launchImages, launchKey } from './util.js';

const meta: RuleMeta = {
  id: 'MCG508',
  name: 'image-undigested',
  title: 'MCP server image is not pinned by digest',
  severity: 'low',
  kind: 'mcp',
  description: 'The image a launch starts has no `@sha256:` digest (any tag, `latest` included).',
  rationale: 'A tag can be moved to other content at any time; only a digest names the exact image that was scanned and reviewed.',
  fix: 'Append the digest of the reviewed image: `image:1.4.2@sha256:<64 hex>` (`docker buildx imagetools inspect image:1.4.2` prints it).',
  tags: ['supply-chain', 'mcp', 'image'],
  precision: 'very-high',
};

export const rule: McpRule = {
  meta,
  check: (ctx) =>
    launchImages(ctx).flatMap(({ launch: l, at, ref: r }): RuleHit[] => {
      if (r.digest) return [];
      return [{ line: at.line, key: launchKey(l, 'image-digest'), message: `MCP server image ${r.name}${r.tag ? `:${r.tag}` : ''} is not pinned by digest.` }];
    }),
};
