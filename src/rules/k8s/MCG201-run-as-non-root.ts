import type { RuleMeta } from '../../core/types.js';
import { isTrue, str } from '../../core/yaml/ast.js';
import { effectiveSetting } from '../../core/yaml/models.js';
import type { K8sRule } from '../yaml-types.js';
import { eachContainer, label } from './util.js';

const meta: RuleMeta = {
  id: 'MCG201',
  name: 'run-as-non-root',
  title: 'Kubernetes container may run as root',
  severity: 'high',
  kind: 'k8s',
  description:
    'Neither the container\'s nor the pod\'s securityContext sets `runAsNonRoot: true` (the container\'s setting overrides the pod\'s), or the effective `runAsUser` is 0.',
  rationale:
    'Without runAsNonRoot the kubelet starts the container as whatever user the image says, root for most images. runAsNonRoot makes the kubelet refuse to start a root container, so a bad image cannot silently run as root.',
  fix: 'Set `securityContext.runAsNonRoot: true` on the pod (or each container) and, for images without a numeric USER, `runAsUser: 10001`.',
  tags: ['security', 'kubernetes', 'least-privilege'],
  precision: 'very-high',
  trivy: 'KSV-0012',
};

export const rule: K8sRule = {
  meta,
  check: (ctx) =>
    eachContainer(ctx, (w, c) => {
      const user = effectiveSetting(w, c, 'runAsUser');
      if (user && str(w.y, user.entry.value)?.trim() === '0') {
        return { line: user.entry.line, key: `${c.key}.securityContext.runAsUser`, message: `${label(w, c)} runs as UID 0 (runAsUser: 0 in the ${user.level} securityContext).` };
      }
      const nonRoot = effectiveSetting(w, c, 'runAsNonRoot');
      if (nonRoot && isTrue(w.y, nonRoot.entry.value)) return undefined;
      return {
        line: nonRoot?.entry.line ?? c.line,
        key: `${c.key}.securityContext.runAsNonRoot`,
        message: nonRoot
          ? `${label(w, c)} sets runAsNonRoot to false in the ${nonRoot.level} securityContext.`
          : `${label(w, c)} does not set runAsNonRoot: true (neither the pod nor the container does), so it may run as root.`,
      };
    }),
};
