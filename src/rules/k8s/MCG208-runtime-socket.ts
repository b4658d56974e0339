import type { RuleHit, RuleMeta } from '../../core/types.js';
import { get, getPath, items, str } from '../../core/yaml/ast.js';
import { RUNTIME_SOCKETS, isSocketPath, normalizeHostPath } from '../../core/yaml/policy.js';
import type { K8sRule } from '../yaml-types.js';
import { eachWorkload } from './util.js';

const meta: RuleMeta = {
  id: 'MCG208',
  name: 'runtime-socket',
  title: 'Kubernetes pod mounts the container runtime socket',
  severity: 'high',
  kind: 'k8s',
  description: 'A pod has a `hostPath` volume of the Docker or containerd socket (`/var/run/docker.sock`, `/run/containerd/containerd.sock` …).',
  rationale:
    'The runtime socket starts privileged containers on the node at will: whoever reaches it is root on the node and can read every other pod\'s secrets.',
  fix: 'Remove the hostPath volume. Build images with an unprivileged builder (BuildKit rootless, kaniko) and talk to the cluster through the Kubernetes API with a narrowly scoped ServiceAccount instead.',
  tags: ['security', 'kubernetes', 'docker-socket'],
  precision: 'very-high',
  trivy: 'KSV-0006',
};

export const rule: K8sRule = {
  meta,
  check: (ctx) =>
    eachWorkload(ctx, (w) => {
      const hits: RuleHit[] = [];
      for (const it of items(w.y, get(w.y, w.podSpec, 'volumes')?.value)) {
        const path = getPath(w.y, it.node, 'hostPath', 'path');
        const p = path ? str(w.y, path.value) : undefined;
        if (!path || p === undefined || !isSocketPath(p, RUNTIME_SOCKETS)) continue;
        const name = str(w.y, get(w.y, it.node, 'name')?.value) ?? String(it.index);
        hits.push({
          line: path.line,
          key: `${w.key}|volumes.${name}`,
          message: `${w.object.kind} "${w.object.name}" mounts the container runtime socket ${normalizeHostPath(p)} from the node (volume "${name}").`,
        });
      }
      return hits;
    }),
};
