import type { RuleMeta } from '../../core/types.js';
import { str } from '../../core/yaml/ast.js';
import { isRootUserValue } from '../../core/yaml/policy.js';
import type { ComposeRule } from '../yaml-types.js';
import { eachService, key } from './util.js';

const meta: RuleMeta = {
  id: 'MCG111',
  name: 'root-user',
  title: 'Compose service runs as root',
  severity: 'high',
  kind: 'compose',
  description: 'A compose service sets `user: root`, `user: 0` or `user: 0:0` (also through a `${VAR:-0}` default), overriding the image\'s user with root.',
  rationale:
    'Running the server as root turns any code-execution bug into root in the container, one kernel or runtime bug away from the host, and undoes the USER the image author chose.',
  fix: 'Remove `user:` to keep the image\'s non-root user, or set an unprivileged UID such as `user: "10001:10001"`.',
  tags: ['security', 'compose', 'least-privilege'],
  precision: 'very-high',
};

export const rule: ComposeRule = {
  meta,
  check: (ctx) =>
    eachService(ctx, (s) => {
      const e = key(s, 'user');
      const v = e ? str(s.y, e.value) : undefined;
      if (!e || v === undefined || !isRootUserValue(v)) return undefined;
      return { line: e.line, key: `${s.key}.user`, message: `Service "${s.name}" runs as root (user: ${v.trim()}).` };
    }),
};
