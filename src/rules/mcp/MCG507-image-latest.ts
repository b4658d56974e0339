import type { RuleHit, RuleMeta } from '../../core/types.js';
import type { McpRule } from './types.js';
import { launchImages, launchKey } from './util.js';

const meta: RuleMeta = {
  id: 'MCG507',
  name: 'image-latest',
  title: 'MCP server image is :latest or untagged',
  severity: 'medium',
  kind: 'mcp',
  description: 'The image a launch starts (after `docker run`\'s flags, an OCI package `identifier`, a catalog `image`) has the tag `latest` or no tag and no digest.',
  rationale: 'Every start may run different code: whatever was pushed last under the tag, unreviewed and unscanned. A compromised publisher account reaches every user at their next start.',
  fix: 'Name a version tag and, better, the digest: `ghcr.io/owner/server:1.4.2@sha256:…`.',
  tags: ['supply-chain', 'mcp', 'image'],
  precision: 'very-high',
};

export const rule: McpRule = {
  meta,
  check: (ctx) =>
    launchImages(ctx).flatMap(({ launch: l, at, ref: r }): RuleHit[] => {
      if (r.digest || (r.tag !== undefined && r.tag !== 'latest')) return [];
      return [{ line: at.line, key: launchKey(l, 'image-latest'), message: `MCP server image "${r.name}${r.tag ? ':latest' : ''}" is ${r.tag ? 'tagged latest' : 'untagged (latest)'}: each start may run different code.` }];
    }),
};
