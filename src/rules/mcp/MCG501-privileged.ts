import type { RuleHit, RuleMeta } from '../../core/types.js';
import { lastFlag } from '../../core/docker-run/argv.js';
import type { McpRule } from './types.js';
import { dockerLaunches, launchKey } from './util.js';

const meta: RuleMeta = {
  id: 'MCG501',
  name: 'privileged',
  title: 'MCP server is launched with --privileged',
  severity: 'critical',
  kind: 'mcp',
  description: 'A `docker run` line that starts an MCP server (client config, server.json runtimeArguments, catalog entry, README) passes `--privileged`.',
  rationale: 'A privileged container has every capability, all devices and no seccomp or AppArmor confinement: code in it can take over the host. An MCP server runs model-chosen tool calls; it must never hold that power.',
  fix: 'Remove `--privileged`. Add back only the one capability or device the server needs (`--cap-add`, `--device`), and prefer none.',
  tags: ['security', 'mcp', 'privileged'],
  precision: 'very-high',
};

export const rule: McpRule = {
  meta,
  check: (ctx) =>
    dockerLaunches(ctx).flatMap((l): RuleHit[] => {
      const f = lastFlag(l.docker, 'privileged');
      if (!f || !/^(true|1|t)$/i.test(f.value)) return [];
      return [{ line: f.line, key: launchKey(l, 'privileged'), message: `MCP server "${l.name}" is started with ${f.spelled}: it runs with full control of the host.` }];
    }),
};
