import type { RuleHit, RuleMeta } from '../../core/types.js';
import { lastFlag } from '../../core/docker-run/argv.js';
import type { McpRule } from './types.js';
import { dockerLaunches, isRootUser, launchKey } from './util.js';

const meta: RuleMeta = {
  id: 'MCG506',
  name: 'root-user',
  title: 'MCP server is launched as root',
  severity: 'high',
  kind: 'mcp',
  description: 'The launch sets `--user 0`, `--user root` or a `0:`/`root:` user and group, overriding the image\'s non-root user.',
  rationale: 'Root in the container is root on the host\'s files it can reach (mounts) and one kernel bug away from root on the host. Forcing root also defeats the image\'s own `USER`.',
  fix: 'Drop `--user`, or give a non-root uid (`--user 10001:10001`).',
  tags: ['security', 'mcp', 'user'],
  precision: 'very-high',
};

export const rule: McpRule = {
  meta,
  check: (ctx) =>
    dockerLaunches(ctx).flatMap((l): RuleHit[] => {
      const f = lastFlag(l.docker, 'user');
      if (!f || !isRootUser(f.value)) return [];
      return [{ line: f.line, key: launchKey(l, 'user=root'), message: `MCP server "${l.name}" is started as root (${f.spelled} ${f.value.trim()}).` }];
    }),
};
