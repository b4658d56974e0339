import type { RuleMeta } from '../../core/types.js';
import { composeTrue } from '../../core/yaml/compose-cast.js';
import type { ComposeRule } from '../yaml-types.js';
import { eachService, key } from './util.js';

const meta: RuleMeta = {
  id: 'MCG106',
  name: 'read-only',
  title: 'Compose service root filesystem is writable',
  severity: 'low',
  kind: 'compose',
  description: 'A compose service does not set `read_only: true`, so its container can write to its own root filesystem.',
  rationale:
    'A read-only root filesystem stops an attacker from dropping tools or modifying the server\'s code in place, and makes every writable location explicit (tmpfs or volumes).',
  fix: 'Set `read_only: true` and give the service `tmpfs:` entries (e.g. `/tmp`) or volumes for the few paths it must write.',
  tags: ['security', 'compose', 'hardening'],
  precision: 'high',
};

export const rule: ComposeRule = {
  meta,
  check: (ctx) =>
    eachService(ctx, (s) => {
      const e = key(s, 'read_only');
      if (e && composeTrue(s.y, e.value)) return undefined;
      return {
        line: e?.line ?? s.line,
        key: `${s.key}.read_only`,
        message: `Service "${s.name}" has a writable root filesystem (read_only is not true).`,
      };
    }),
};
