import type { RuleHit, RuleMeta } from '../../core/types.js';
import { get, isTrue } from '../../core/yaml/ast.js';
import type { K8sRule } from '../yaml-types.js';
import { eachWorkload } from './util.js';

const meta: RuleMeta = {
  id: 'MCG209',
  name: 'host-namespaces',
  title: 'Kubernetes pod shares a host namespace',
  severity: 'high',
  kind: 'k8s',
  description: 'A pod spec sets `hostNetwork`, `hostPID` or `hostIPC` to true.',
  rationale:
    'hostNetwork puts the pod on the node\'s network (reaching node-local services, sniffing traffic, bypassing NetworkPolicies); hostPID shows and lets it signal every process on the node; hostIPC shares the node\'s IPC namespace.',
  fix: 'Remove the setting; expose the server with a Service instead of host networking.',
  tags: ['security', 'kubernetes', 'isolation'],
  precision: 'very-high',
  trivy: 'KSV-0009',
};

const NAMESPACE = { hostNetwork: 'network', hostPID: 'process', hostIPC: 'IPC' } as const;

export const rule: K8sRule = {
  meta,
  check: (ctx) =>
    eachWorkload(ctx, (w) => {
      const hits: RuleHit[] = [];
      for (const k of ['hostNetwork', 'hostPID', 'hostIPC'] as const) {
        const e = get(w.y, w.podSpec, k);
        if (!e || !isTrue(w.y, e.value)) continue;
        hits.push({ line: e.line, key: `${w.key}|${k}`, message: `${w.object.kind} "${w.object.name}" sets ${k}: true and shares the node's ${NAMESPACE[k]} namespace.` });
      }
      return hits;
    }),
};
