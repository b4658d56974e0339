import type { RuleHit, RuleMeta } from '../../core/types.js';
import { boolFlag } from '../../core/docker-run/argv.js';
import type { McpRule } from './types.js';
import { dockerLaunches, launchKey } from './util.js';

const meta: RuleMeta = {
  id: 'MCG511',
  name: 'stdio-without-interactive',
  title: 'stdio MCP server is started without -i',
  severity: 'medium',
  kind: 'mcp',
  description: 'A client starts a stdio server with `docker run` but without `-i`/`--interactive` (or with `--interactive=false`).',
  rationale: 'Without `-i` Docker does not connect the client\'s stdin to the container: the server reads end-of-file at once and the MCP handshake never happens. The config cannot work.',
  fix: 'Add `-i` (not `-t`: a TTY mangles the JSON-RPC stream): `docker run -i --rm image`.',
  tags: ['correctness', 'mcp', 'stdio'],
  precision: 'high',
};

export const rule: McpRule = {
  meta,
  check: (ctx) =>
    dockerLaunches(ctx).flatMap((l): RuleHit[] => {
      if (!l.fullCommand || l.transport !== 'stdio' || boolFlag(l.docker, 'interactive') || !l.docker.image) return [];
      return [{ line: l.command?.line ?? l.line, key: launchKey(l, 'interactive'), message: `stdio MCP server "${l.name}" is started without -i: its stdin is closed and the handshake cannot happen.` }];
    }),
};
