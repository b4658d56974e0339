import type { RuleHit, RuleMeta } from '../../core/types.js';
import { get, isMap, items, str } from '../../core/yaml/ast.js';
import type { ComposeRule } from '../yaml-types.js';
import { portHostIp } from '../../core/yaml/compose-syntax.js';
import { eachService, key } from './util.js';

const meta: RuleMeta = {
  id: 'MCG108',
  name: 'port-all-interfaces',
  title: 'Compose port published on all interfaces',
  severity: 'medium',
  kind: 'compose',
  description:
    'A published port of a compose service has no host IP (`"8080:8080"`, `8080`) or binds `0.0.0.0`/`::`, so it is reachable from every network the host is on.',
  rationale:
    'Most MCP servers have no authentication of their own: they trust whoever can reach them. Docker publishes ports on all interfaces by default and bypasses host firewalls such as ufw, so a server meant for localhost ends up on the LAN or the internet.',
  fix: 'Bind to loopback: `"127.0.0.1:8080:8080"` (or `host_ip: 127.0.0.1` in the long syntax), and put an authenticating proxy in front when remote access is needed.',
  tags: ['security', 'compose', 'network'],
  precision: 'high',
};

const ALL = new Set(['', '0.0.0.0', '::']);

export const rule: ComposeRule = {
  meta,
  check: (ctx) =>
    eachService(ctx, (s) => {
      const hits: RuleHit[] = [];
      for (const it of items(s.y, key(s, 'ports')?.value)) {
        let ip: string;
        let label: string;
        const short = str(s.y, it.node);
        if (short !== undefined) {
          const spec = short;
          ip = portHostIp(spec);
          label = short.trim();
        } else if (isMap(s.y, it.node)) {
          ip = (str(s.y, get(s.y, it.node, 'host_ip')?.value) ?? '').trim().replace(/^\[(.*)\]$/, '$1');
          const target = str(s.y, get(s.y, it.node, 'target')?.value) ?? '?';
          const published = str(s.y, get(s.y, it.node, 'published')?.value);
          label = published ? `${published}:${target}` : target;
        } else continue;
        if (ip.includes('$') || !ALL.has(ip.trim())) continue;
        hits.push({
          line: it.line,
          key: `${s.key}.ports[${label}]`,
          message: `Service "${s.name}" publishes port ${label} on all host interfaces${ip ? ` (${ip})` : ''}.`,
        });
      }
      return hits;
    }),
};
