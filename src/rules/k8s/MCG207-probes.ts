import type { RuleMeta } from '../../core/types.js';
import { get } from '../../core/yaml/ast.js';
import type { K8sRule } from '../yaml-types.js';
import { eachContainer, label } from './util.js';

const meta: RuleMeta = {
  id: 'MCG207',
  name: 'probes',
  title: 'Kubernetes container has no liveness or readiness probe',
  severity: 'low',
  kind: 'k8s',
  description:
    'A long-running container (not an init container, not a Job or CronJob) lacks a `livenessProbe` or a `readinessProbe`.',
  rationale:
    'Without a readiness probe traffic reaches the server before it can answer; without a liveness probe a hung server (a stuck tool call, a deadlock) is never restarted.',
  fix: 'Add `readinessProbe` and `livenessProbe` (HTTP `/health`, TCP or exec) to the container.',
  tags: ['reliability', 'kubernetes'],
  precision: 'high',
};

export const rule: K8sRule = {
  meta,
  check: (ctx) =>
    eachContainer(ctx, (w, c) => {
      if (w.batch || c.list !== 'containers') return undefined;
      const missing = ['livenessProbe', 'readinessProbe'].filter((k) => {
        const e = get(w.y, c.node, k);
        return !e || e.value === null;
      });
      if (missing.length === 0) return undefined;
      return { line: c.line, key: `${c.key}.probes`, message: `${label(w, c)} has no ${missing.join(' and no ')}.` };
    }),
};
