import type { RuleMeta } from '../../core/types.js';
import { get, isFalse, str } from '../../core/yaml/ast.js';
import type { K8sRule } from '../yaml-types.js';
import { eachWorkload } from './util.js';

const meta: RuleMeta = {
  id: 'MCG211',
  name: 'automount-service-account-token',
  title: 'Kubernetes pod mounts a service account token',
  severity: 'low',
  kind: 'k8s',
  description:
    'A pod spec does not set `automountServiceAccountToken: false`, and neither does a ServiceAccount in the same file that the pod uses, so an API token is mounted into every container.',
  rationale:
    'A mounted token lets anyone who compromises the MCP server call the Kubernetes API with the pod\'s identity. Servers that do not talk to the API should not carry the credential at all.',
  fix: 'Set `automountServiceAccountToken: false` in the pod spec (or on its ServiceAccount); servers that need the API mount a projected token explicitly.',
  tags: ['security', 'kubernetes', 'credentials'],
  precision: 'high',
  trivy: 'KSV-0036',
};

export const rule: K8sRule = {
  meta,
  check: (ctx) => {
    // ServiceAccounts in the same file that opt out for every pod using them.
    const optedOut = new Set<string>();
    for (const o of ctx.objects) {
      if (o.kind === 'ServiceAccount' && isFalse(o.y, get(o.y, o.node, 'automountServiceAccountToken')?.value)) optedOut.add(`${o.namespace}/${o.name}`);
    }
    return eachWorkload(ctx, (w) => {
      const e = get(w.y, w.podSpec, 'automountServiceAccountToken');
      if (e && isFalse(w.y, e.value)) return undefined;
      if (!e) {
        const sa = str(w.y, get(w.y, w.podSpec, 'serviceAccountName')?.value) ?? str(w.y, get(w.y, w.podSpec, 'serviceAccount')?.value) ?? 'default';
        if (optedOut.has(`${w.object.namespace}/${sa}`)) return undefined;
      }
      return {
        line: e?.line ?? w.object.line,
        key: `${w.key}|automountServiceAccountToken`,
        message: `${w.object.kind} "${w.object.name}" mounts a service account token into its containers (automountServiceAccountToken is not false).`,
      };
    });
  },
};
