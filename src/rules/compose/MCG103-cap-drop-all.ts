import type { RuleMeta } from '../../core/types.js';
import { strings } from '../../core/yaml/ast.js';
import { normalizeCapability } from '../../core/yaml/policy.js';
import type { ComposeRule } from '../yaml-types.js';
import { eachService, key } from './util.js';

const meta: RuleMeta = {
  id: 'MCG103',
  name: 'cap-drop-all',
  title: 'Compose service does not drop all capabilities',
  severity: 'medium',
  kind: 'compose',
  description: 'A compose service has no `cap_drop`, or its `cap_drop` does not contain `ALL`, so it keeps Docker\'s default capability set.',
  rationale:
    'Docker\'s default set includes CHOWN, DAC_OVERRIDE, FOWNER, NET_RAW, SETUID, SETGID and more. A network service needs almost none of them; dropping all and adding back the few needed shrinks what an attacker can do after a compromise.',
  fix: 'Add `cap_drop: [ALL]` to the service and list only the capabilities it really needs under `cap_add` (often none; `NET_BIND_SERVICE` for ports below 1024).',
  tags: ['security', 'compose', 'least-privilege'],
  precision: 'high',
};

export const rule: ComposeRule = {
  meta,
  check: (ctx) =>
    eachService(ctx, (s) => {
      const e = key(s, 'cap_drop');
      if (e && strings(s.y, e.value).some((c) => normalizeCapability(c.value) === 'ALL')) return undefined;
      return {
        line: e?.line ?? s.line,
        key: `${s.key}.cap_drop`,
        message: e ? `Service "${s.name}" drops some capabilities but not ALL.` : `Service "${s.name}" has no cap_drop: it keeps Docker's default capabilities.`,
      };
    }),
};
