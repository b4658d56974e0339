import type { RuleHit, RuleMeta } from '../../core/types.js';
import { lastFlag } from '../../core/docker-run/argv.js';
import type { McpRule } from './types.js';
import { dockerLaunches, launchKey, launchImage } from './util.js';

const meta: RuleMeta = {
  id: 'MCG509',
  name: 'pull-always-mutable',
  title: 'MCP server is pulled at every start under a mutable tag',
  severity: 'medium',
  kind: 'mcp',
  description: '`--pull always` (or `--pull=always`) with an image that is not pinned by digest.',
  rationale: 'The client fetches whatever the tag points to now before each start: a retag or a hijacked account changes the running server silently, and the start fails whenever the registry is unreachable.',
  fix: 'Pin the image by digest (then `--pull always` is harmless), or drop `--pull always` and update deliberately.',
  tags: ['supply-chain', 'mcp', 'image'],
  precision: 'very-high',
};

export const rule: McpRule = {
  meta,
  check: (ctx) =>
    dockerLaunches(ctx).flatMap((l): RuleHit[] => {
      const f = lastFlag(l.docker, 'pull');
      const img = l.docker.image;
      if (!f || f.value.trim().toLowerCase() !== 'always' || !img) return [];
      const r = launchImage(img.value);
      if (r.digest || r.templated) return [];
      return [{ line: f.line, key: launchKey(l, 'pull-always'), message: `MCP server "${l.name}" pulls ${r.name}${r.tag ? `:${r.tag}` : ''} at every start (${f.spelled} always) without a digest.` }];
    }),
};
