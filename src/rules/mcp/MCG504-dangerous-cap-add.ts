import type { RuleHit, RuleMeta } from '../../core/types.js';
import { allFlags } from '../../core/docker-run/argv.js';
import type { McpRule } from './types.js';
import { DANGEROUS_CAPABILITIES, normalizeCapability } from '../../core/yaml/policy.js';
import { dockerLaunches, launchKey } from './util.js';

const meta: RuleMeta = {
  id: 'MCG504',
  name: 'dangerous-cap-add',
  title: 'MCP server is given a dangerous capability',
  severity: 'high',
  kind: 'mcp',
  description: '`--cap-add` grants `ALL`, `SYS_ADMIN`, `NET_ADMIN`, `SYS_PTRACE` or `SYS_MODULE`, the set of compose MCG104 and Kubernetes MCG205 (with or without the `CAP_` prefix).',
  rationale: 'Each of these is a known path out of the container or into other processes: mounting filesystems, loading kernel modules, tracing processes, rewriting the network.',
  fix: 'Remove the `--cap-add`. Start from `--cap-drop ALL` and add back only a harmless capability the server proves it needs.',
  tags: ['security', 'mcp', 'capabilities'],
  precision: 'very-high',
};

export const rule: McpRule = {
  meta,
  check: (ctx) =>
    dockerLaunches(ctx).flatMap((l): RuleHit[] =>
      allFlags(l.docker, 'cap-add').flatMap((f) =>
        f.value
          .split(',')
          .map(normalizeCapability)
          .filter((c) => DANGEROUS_CAPABILITIES.has(c))
          .map((c) => ({ line: f.line, key: launchKey(l, `cap-add[${c}]`), message: `MCP server "${l.name}" is given capability ${c} (${f.spelled}).` })),
      ),
    ),
};
