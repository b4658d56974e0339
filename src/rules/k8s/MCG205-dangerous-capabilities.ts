import type { RuleMeta } from '../../core/types.js';
import { strings } from '../../core/yaml/ast.js';
import { DANGEROUS_CAPABILITIES, normalizeCapability } from '../../core/yaml/policy.js';
import type { K8sRule } from '../yaml-types.js';
import { eachContainer, label, sc } from './util.js';

const meta: RuleMeta = {
  id: 'MCG205',
  name: 'dangerous-capabilities',
  title: 'Kubernetes container adds a dangerous capability',
  severity: 'high',
  kind: 'k8s',
  description: 'A container\'s `securityContext.capabilities.add` contains `ALL`, `SYS_ADMIN`, `NET_ADMIN`, `SYS_PTRACE` or `SYS_MODULE`.',
  rationale:
    'Each of these is a known route from the container to the node: SYS_ADMIN (mounts, namespaces), SYS_MODULE (kernel modules), SYS_PTRACE (reading other processes), NET_ADMIN (rewriting the node\'s network as seen by the pod), ALL (everything).',
  fix: 'Remove the capability; if one narrow task needs it, run that task in a separate, short-lived pod.',
  tags: ['security', 'kubernetes', 'least-privilege'],
  precision: 'very-high',
  trivy: 'KSV-0005',
};

export const rule: K8sRule = {
  meta,
  check: (ctx) =>
    eachContainer(ctx, (w, c) =>
      strings(w.y, sc(w, c, 'capabilities', 'add')?.value)
        .filter((a) => DANGEROUS_CAPABILITIES.has(normalizeCapability(a.value)))
        .map((a) => ({
          line: a.line,
          key: `${c.key}.securityContext.capabilities.add.${normalizeCapability(a.value)}`,
          message: `${label(w, c)} adds the capability ${normalizeCapability(a.value)}, a path to control of the node.`,
        })),
    ),
};
