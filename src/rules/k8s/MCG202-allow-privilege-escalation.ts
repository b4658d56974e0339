import type { RuleMeta } from '../../core/types.js';
import { isFalse } from '../../core/yaml/ast.js';
import type { K8sRule } from '../yaml-types.js';
import { eachContainer, label, sc } from './util.js';

const meta: RuleMeta = {
  id: 'MCG202',
  name: 'allow-privilege-escalation',
  title: 'Kubernetes container allows privilege escalation',
  severity: 'medium',
  kind: 'k8s',
  description: 'A container\'s securityContext does not set `allowPrivilegeEscalation: false` (Kubernetes defaults it to true).',
  rationale:
    'allowPrivilegeEscalation: false sets no_new_privs on the container process: setuid binaries and file capabilities can no longer raise the privileges of an attacker who got code execution.',
  fix: 'Set `securityContext.allowPrivilegeEscalation: false` on every container.',
  tags: ['security', 'kubernetes', 'least-privilege'],
  precision: 'very-high',
  trivy: 'KSV-0001',
};

export const rule: K8sRule = {
  meta,
  check: (ctx) =>
    eachContainer(ctx, (w, c) => {
      const e = sc(w, c, 'allowPrivilegeEscalation');
      if (e && isFalse(w.y, e.value)) return undefined;
      return {
        line: e?.line ?? c.line,
        key: `${c.key}.securityContext.allowPrivilegeEscalation`,
        message: e ? `${label(w, c)} allows privilege escalation (allowPrivilegeEscalation is not false).` : `${label(w, c)} does not set allowPrivilegeEscalation: false (the default is true).`,
      };
    }),
};
