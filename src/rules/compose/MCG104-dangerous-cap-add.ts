import type { RuleMeta } from '../../core/types.js';
import { strings } from '../../core/yaml/ast.js';
import { DANGEROUS_CAPABILITIES, normalizeCapability } from '../../core/yaml/policy.js';
import type { ComposeRule } from '../yaml-types.js';
import { eachService, key } from './util.js';

const meta: RuleMeta = {
  id: 'MCG104',
  name: 'dangerous-cap-add',
  title: 'Compose service adds a dangerous capability',
  severity: 'high',
  kind: 'compose',
  description: 'A compose service\'s `cap_add` contains `ALL`, `SYS_ADMIN`, `NET_ADMIN`, `SYS_PTRACE` or `SYS_MODULE`.',
  rationale:
    'These capabilities each open a well-known path to the host: SYS_ADMIN allows mounts and namespace tricks, SYS_MODULE loads kernel code, SYS_PTRACE reads other processes, NET_ADMIN rewrites the network, ALL is all of them.',
  fix: 'Remove the capability. If one narrow operation needs it, move that operation into a separate, short-lived helper container instead of the long-running MCP server.',
  tags: ['security', 'compose', 'least-privilege'],
  precision: 'very-high',
};

export const rule: ComposeRule = {
  meta,
  check: (ctx) =>
    eachService(ctx, (s) =>
      strings(s.y, key(s, 'cap_add')?.value)
        .filter((c) => DANGEROUS_CAPABILITIES.has(normalizeCapability(c.value)))
        .map((c) => ({
          line: c.line,
          key: `${s.key}.cap_add.${normalizeCapability(c.value)}`,
          message: `Service "${s.name}" adds the capability ${normalizeCapability(c.value)}, which gives a path to control of the host.`,
        })),
    ),
};
