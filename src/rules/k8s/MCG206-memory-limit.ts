import type { RuleMeta } from '../../core/types.js';
import { getPath, str } from '../../core/yaml/ast.js';
import type { K8sRule } from '../yaml-types.js';
import { eachContainer, label } from './util.js';

const meta: RuleMeta = {
  id: 'MCG206',
  name: 'memory-limit',
  title: 'Kubernetes container has no memory limit',
  severity: 'medium',
  kind: 'k8s',
  description: 'A container has no `resources.limits.memory`.',
  rationale:
    'Without a limit a leak or one oversized request can exhaust the node\'s memory, and the kernel\'s OOM killer then picks victims among unrelated pods.',
  fix: 'Set `resources.limits.memory` (and `requests.memory`) on every container, e.g. `512Mi`.',
  tags: ['reliability', 'kubernetes', 'resources'],
  precision: 'very-high',
  trivy: 'KSV-0018',
};

export const rule: K8sRule = {
  meta,
  check: (ctx) =>
    eachContainer(ctx, (w, c) => {
      const mem = getPath(w.y, c.node, 'resources', 'limits', 'memory');
      if (mem && str(w.y, mem.value) !== undefined) return undefined;
      return { line: c.line, key: `${c.key}.resources.limits.memory`, message: `${label(w, c)} has no memory limit.` };
    }),
};
