import type { RuleMeta } from '../../core/types.js';
import { strings } from '../../core/yaml/ast.js';
import { normalizeCapability } from '../../core/yaml/policy.js';
import type { K8sRule } from '../yaml-types.js';
import { eachContainer, label, sc } from './util.js';

const meta: RuleMeta = {
  id: 'MCG204',
  name: 'drop-all-capabilities',
  title: 'Kubernetes container does not drop all capabilities',
  severity: 'medium',
  kind: 'k8s',
  description: 'A container\'s `securityContext.capabilities.drop` is missing or does not contain `ALL`.',
  rationale:
    'The runtime\'s default capability set (CHOWN, DAC_OVERRIDE, NET_RAW, SETUID …) is far more than a network server needs; dropping ALL and adding back only what is needed limits what a compromise can do.',
  fix: 'Set `securityContext.capabilities.drop: ["ALL"]` and add back only what is needed (e.g. `add: ["NET_BIND_SERVICE"]`).',
  tags: ['security', 'kubernetes', 'least-privilege'],
  precision: 'very-high',
  trivy: 'KSV-0003',
};

export const rule: K8sRule = {
  meta,
  check: (ctx) =>
    eachContainer(ctx, (w, c) => {
      const drop = sc(w, c, 'capabilities', 'drop');
      if (drop && strings(w.y, drop.value).some((d) => normalizeCapability(d.value) === 'ALL')) return undefined;
      const caps = sc(w, c, 'capabilities');
      return {
        line: drop?.line ?? caps?.line ?? c.line,
        key: `${c.key}.securityContext.capabilities.drop`,
        message: drop ? `${label(w, c)} drops some capabilities but not ALL.` : `${label(w, c)} does not drop capabilities: it keeps the runtime's default set.`,
      };
    }),
};
