import type { RuleMeta } from '../../core/types.js';
import { get, str } from '../../core/yaml/ast.js';
import { imageTagProblem } from '../../core/yaml/policy.js';
import type { K8sRule } from '../yaml-types.js';
import { eachContainer, label } from './util.js';

const meta: RuleMeta = {
  id: 'MCG212',
  name: 'image-latest',
  title: 'Kubernetes container image is latest or untagged',
  severity: 'medium',
  kind: 'k8s',
  description: 'A container\'s `image` has the `:latest` tag or no tag (and no digest).',
  rationale:
    'A mutable tag makes every node pull whatever was pushed last: replicas can run different code, rollbacks do not roll back, and a compromised upstream push is deployed on the next pod restart.',
  fix: 'Reference a version tag and, better, a digest: `ghcr.io/acme/mcp-server:1.4.2@sha256:…`.',
  tags: ['security', 'kubernetes', 'supply-chain'],
  precision: 'very-high',
  trivy: 'KSV-0013',
};

export const rule: K8sRule = {
  meta,
  check: (ctx) =>
    eachContainer(ctx, (w, c) => {
      const e = get(w.y, c.node, 'image');
      const v = e ? str(w.y, e.value) : undefined;
      if (!e || v === undefined) return undefined;
      const problem = imageTagProblem(v);
      if (!problem) return undefined;
      return {
        line: e.line,
        key: `${c.key}.image`,
        message: problem === 'latest' ? `${label(w, c)} uses the mutable tag :latest.` : `${label(w, c)} uses an image without a tag (that is :latest).`,
      };
    }),
};
