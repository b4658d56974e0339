import type { RuleMeta } from '../../core/types.js';
import { getPath, str } from '../../core/yaml/ast.js';
import type { ComposeRule } from '../yaml-types.js';
import { memoryBytes } from '../../core/yaml/compose-syntax.js';
import { isGoFloat } from '../../core/yaml/compose-scalars.js';
import { eachService, key } from './util.js';

const meta: RuleMeta = {
  id: 'MCG107',
  name: 'memory-limit',
  title: 'Compose service has no memory limit',
  severity: 'medium',
  kind: 'compose',
  description: 'A compose service sets neither `deploy.resources.limits.memory` nor `mem_limit`.',
  rationale:
    'Without a limit one runaway request (a huge tool result, a leak, a prompt that makes the server buffer a file) can take the memory of the whole host and every other service on it.',
  fix: 'Set `deploy.resources.limits.memory` (e.g. `512M`), or `mem_limit` in the legacy syntax.',
  tags: ['reliability', 'compose', 'resources'],
  precision: 'very-high',
};

export const rule: ComposeRule = {
  meta,
  check: (ctx) =>
    eachService(ctx, (s) => {
      const legacy = key(s, 'mem_limit');
      const deploy = getPath(s.y, s.node, 'deploy', 'resources', 'limits', 'memory');
      // compose reads a size of 0 as no limit, and a plain YAML float (`1.5`) too
      const limits = (e: typeof legacy): boolean => {
        if (e && isGoFloat(s.y, e.value)) return false;
        const v = e ? str(s.y, e.value) : undefined;
        return v !== undefined && memoryBytes(v) !== 0;
      };
      if (limits(legacy) || limits(deploy)) return undefined;
      return { line: s.line, key: `${s.key}.deploy.resources.limits.memory`, message: `Service "${s.name}" has no memory limit.` };
    }),
};
