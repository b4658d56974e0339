import type { RuleHit, RuleMeta } from '../../core/types.js';
import { boolFlag, lastFlag } from '../../core/docker-run/argv.js';
import type { McpRule } from './types.js';
import { dockerLaunches, launchKey } from './util.js';

const meta: RuleMeta = {
  id: 'MCG512',
  name: 'no-rm',
  title: 'MCP server container is not removed when it exits',
  severity: 'low',
  kind: 'mcp',
  description: 'A `docker run` line a client (or a user following the README) runs at every start has no `--rm` and no `--restart` policy.',
  rationale: 'Clients start the server again and again; without `--rm` every stopped container stays behind with its writable layer, logs and any secret passed in its environment (`docker inspect` shows them).',
  fix: 'Add `--rm`: `docker run -i --rm image`.',
  tags: ['hygiene', 'mcp'],
  precision: 'high',
};

export const rule: McpRule = {
  meta,
  check: (ctx) =>
    dockerLaunches(ctx).flatMap((l): RuleHit[] => {
      if (!l.fullCommand || !l.docker.image || boolFlag(l.docker, 'rm') || lastFlag(l.docker, 'restart')) return [];
      return [{ line: l.command?.line ?? l.line, key: launchKey(l, 'rm'), message: `MCP server "${l.name}" is started without --rm: a stopped container is left behind at every start.` }];
    }),
};
