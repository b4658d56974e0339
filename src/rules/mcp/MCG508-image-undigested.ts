import type { RuleHit, RuleMeta } from '../../core/types.js';
import type { Launch } from '../../core/mcp/model.js';
import type { McpContext, McpRule } from './types.js';
import { launchImages, launchKey, normVersion } from './util.js';

const meta: RuleMeta = {
  id: 'MCG508',
  name: 'image-undigested',
  title: 'MCP server image is not pinned by digest',
  severity: 'low',
  kind: 'mcp',
  description:
    'The image a launch starts has no `@sha256:` digest (any tag, `latest` included). Not in a `server.json` whose OCI package is tagged with the file\'s own `version`: that tag is the release the file publishes, pushed after the file is written, so no digest can be known yet (MCG524 keeps tag and version together).',
  rationale: 'A tag can be moved to other content at any time; only a digest names the exact image that was scanned and reviewed.',
  fix: 'Append the digest of the reviewed image: `image:1.4.2@sha256:<64 hex>` (`docker buildx imagetools inspect image:1.4.2` prints it).',
  tags: ['supply-chain', 'mcp', 'image'],
  precision: 'very-high',
};

/** A server.json's OCI package tagged with the file's own `version`: the release being published. */
function ownRelease(ctx: McpContext, l: Launch, tag: string | undefined): boolean {
  const version = ctx.model.server?.version?.value;
  return l.origin === 'server.json' && version !== undefined && tag !== undefined && tag !== 'latest' && normVersion(tag) === normVersion(version);
}

export const rule: McpRule = {
  meta,
  check: (ctx) =>
    launchImages(ctx).flatMap(({ launch: l, at, ref: r }): RuleHit[] => {
      if (r.digest || ownRelease(ctx, l, r.tag)) return [];
      return [{ line: at.line, key: launchKey(l, 'image-digest'), message: `MCP server image ${r.name}${r.tag ? `:${r.tag}` : ''} is not pinned by digest.` }];
    }),
};
