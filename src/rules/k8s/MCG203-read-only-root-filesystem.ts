import type { RuleMeta } from '../../core/types.js';
import { isTrue } from '../../core/yaml/ast.js';
import type { K8sRule } from '../yaml-types.js';
import { eachContainer, label, sc } from './util.js';

const meta: RuleMeta = {
  id: 'MCG203',
  name: 'read-only-root-filesystem',
  title: 'Kubernetes container root filesystem is writable',
  severity: 'low',
  kind: 'k8s',
  description: 'A container\'s securityContext does not set `readOnlyRootFilesystem: true`.',
  rationale:
    'A read-only root filesystem stops an attacker from dropping tools or patching the server in place and makes every writable path explicit (emptyDir or volumes).',
  fix: 'Set `securityContext.readOnlyRootFilesystem: true` and mount an `emptyDir` at the paths the server writes (e.g. `/tmp`).',
  tags: ['security', 'kubernetes', 'hardening'],
  precision: 'very-high',
  trivy: 'KSV-0014',
};

export const rule: K8sRule = {
  meta,
  check: (ctx) =>
    eachContainer(ctx, (w, c) => {
      const e = sc(w, c, 'readOnlyRootFilesystem');
      if (e && isTrue(w.y, e.value)) return undefined;
      return {
        line: e?.line ?? c.line,
        key: `${c.key}.securityContext.readOnlyRootFilesystem`,
        message: `${label(w, c)} has a writable root filesystem (readOnlyRootFilesystem is not true).`,
      };
    }),
};
