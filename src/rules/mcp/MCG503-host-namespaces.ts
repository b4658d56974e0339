import type { RuleHit, RuleMeta } from '../../core/types.js';
import { lastFlag } from '../../core/docker-run/argv.js';
import type { McpRule } from './types.js';
import { dockerLaunches, launchKey } from './util.js';

const meta: RuleMeta = {
  id: 'MCG503',
  name: 'host-namespaces',
  title: 'MCP server shares the host network, PID or IPC namespace',
  severity: 'high',
  kind: 'mcp',
  description: 'A launch passes `--network host` (or `--net host`), `--pid host` or `--ipc host`.',
  rationale:
    'With the host network the server reaches every service bound to the host\'s loopback (databases, admin ports, cloud metadata) and its own ports are open on every interface; with the host PID or IPC namespace it sees and signals the host\'s processes.',
  fix: 'Drop the flag. A stdio server needs no network at all (`--network none`); an HTTP server publishes its one port on loopback (`-p 127.0.0.1:8080:8080`).',
  tags: ['security', 'mcp', 'namespaces'],
  precision: 'very-high',
};

export const rule: McpRule = {
  meta,
  check: (ctx) =>
    dockerLaunches(ctx).flatMap((l): RuleHit[] =>
      (['network', 'pid', 'ipc'] as const).flatMap((n) => {
        const f = lastFlag(l.docker, n);
        if (!f || f.value.trim().toLowerCase() !== 'host') return [];
        return [{ line: f.line, key: launchKey(l, `${n}=host`), message: `MCP server "${l.name}" shares the host's ${n === 'network' ? 'network' : n.toUpperCase()} namespace (${f.spelled} host).` }];
      }),
    ),
};
