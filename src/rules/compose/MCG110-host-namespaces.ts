import type { RuleHit, RuleMeta } from '../../core/types.js';
import { str } from '../../core/yaml/ast.js';
import type { ComposeRule } from '../yaml-types.js';
import { eachService, key } from './util.js';

const meta: RuleMeta = {
  id: 'MCG110',
  name: 'host-namespaces',
  title: 'Compose service shares a host namespace',
  severity: 'high',
  kind: 'compose',
  description: 'A compose service sets `network_mode: host`, `pid: host` or `ipc: host`, sharing the host\'s network stack, process table or IPC.',
  rationale:
    'Host networking exposes every port the server opens on every host interface and lets it reach services bound to the host\'s localhost; the host PID namespace lets it see and signal host processes; host IPC lets it read shared memory of host processes.',
  fix: 'Remove the setting; publish the needed ports on 127.0.0.1 instead of host networking, and use a shared volume or a sidecar instead of host PID/IPC.',
  tags: ['security', 'compose', 'isolation'],
  precision: 'very-high',
};

export const rule: ComposeRule = {
  meta,
  check: (ctx) =>
    eachService(ctx, (s) => {
      const hits: RuleHit[] = [];
      for (const k of ['network_mode', 'pid', 'ipc'] as const) {
        const e = key(s, k);
        const v = e ? str(s.y, e.value) : undefined;
        if (!e || v === undefined || v.trim().toLowerCase() !== 'host') continue;
        hits.push({ line: e.line, key: `${s.key}.${k}`, message: `Service "${s.name}" uses ${k}: host and shares the host's ${k === 'network_mode' ? 'network stack' : k === 'pid' ? 'process namespace' : 'IPC namespace'}.` });
      }
      return hits;
    }),
};
