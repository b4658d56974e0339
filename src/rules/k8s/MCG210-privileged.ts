import type { RuleMeta } from '../../core/types.js';
import { isTrue } from '../../core/yaml/ast.js';
import type { K8sRule } from '../yaml-types.js';
import { eachContainer, label, sc } from './util.js';

const meta: RuleMeta = {
  id: 'MCG210',
  name: 'privileged',
  title: 'Kubernetes container runs privileged',
  severity: 'critical',
  kind: 'k8s',
  description: 'A container sets `securityContext.privileged: true`.',
  rationale:
    'A privileged container has every capability and every device of the node: escaping to the node is a matter of mounting its disk. Nothing an MCP server does needs it.',
  fix: 'Remove `privileged: true`; grant a single capability if one is really needed.',
  tags: ['security', 'kubernetes', 'least-privilege'],
  precision: 'very-high',
  trivy: 'KSV-0017',
};

export const rule: K8sRule = {
  meta,
  check: (ctx) =>
    eachContainer(ctx, (w, c) => {
      const e = sc(w, c, 'privileged');
      if (!e || !isTrue(w.y, e.value)) return undefined;
      return { line: e.line, key: `${c.key}.securityContext.privileged`, message: `${label(w, c)} runs privileged: it has every capability and device of the node.` };
    }),
};
