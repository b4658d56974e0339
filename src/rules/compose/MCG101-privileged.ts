import type { RuleMeta } from '../../core/types.js';
import { composeTrue } from '../../core/yaml/compose-cast.js';
import type { ComposeRule } from '../yaml-types.js';
import { eachService, key } from './util.js';

const meta: RuleMeta = {
  id: 'MCG101',
  name: 'privileged',
  title: 'Compose service runs privileged',
  severity: 'critical',
  kind: 'compose',
  description: 'A compose service sets `privileged: true`: the container gets every capability and access to all host devices.',
  rationale:
    'A privileged container is root on the host in all but name: it can mount the host disk, load kernel modules and escape trivially. An MCP server that runs tools for a model must never hold that power.',
  fix: 'Remove `privileged: true`. Grant only the one capability the service really needs with `cap_add`, or the one device with `devices`.',
  tags: ['security', 'compose', 'least-privilege'],
  precision: 'very-high',
};

export const rule: ComposeRule = {
  meta,
  check: (ctx) =>
    eachService(ctx, (s) => {
      const e = key(s, 'privileged');
      if (!e || !composeTrue(s.y, e.value)) return undefined;
      return { line: e.line, key: `${s.key}.privileged`, message: `Service "${s.name}" runs privileged: it has every capability and all host devices.` };
    }),
};
