import type { RuleHit, RuleMeta } from '../../core/types.js';
import { get, items, str } from '../../core/yaml/ast.js';
import { isLiteralSecret } from '../../core/secret-names.js';
import type { K8sRule } from '../yaml-types.js';
import { eachContainer, label } from './util.js';

const meta: RuleMeta = {
  id: 'MCG213',
  name: 'env-secret-literal',
  title: 'Secret written into a Kubernetes manifest',
  severity: 'high',
  kind: 'k8s',
  description:
    'A container\'s `env[]` gives a secret-like variable (PASSWORD, TOKEN, API_KEY, SECRET, *_ACCESS_KEY_ID, *_SECRET_ID …) a literal `value` instead of `valueFrom.secretKeyRef`. Empty values, `$(VAR)` references, switches and paths are not literal secrets.',
  rationale:
    'A literal in the manifest is committed to the repository, readable by everyone with read access to it or to the workload object in the cluster, and stays in the history after it is rotated.',
  fix: 'Store the value in a Secret created outside the repository (or by an external secrets operator) and reference it: `valueFrom: {secretKeyRef: {name: mcp-secrets, key: api-key}}`.',
  tags: ['security', 'kubernetes', 'secrets'],
  precision: 'high',
};

export const rule: K8sRule = {
  meta,
  check: (ctx) =>
    eachContainer(ctx, (w, c) => {
      const hits: RuleHit[] = [];
      for (const it of items(w.y, get(w.y, c.node, 'env')?.value)) {
        const name = str(w.y, get(w.y, it.node, 'name')?.value);
        const value = get(w.y, it.node, 'value');
        if (!name || !value || !isLiteralSecret(name, str(w.y, value.value))) continue;
        hits.push({ line: value.line, key: `${c.key}.env.${name}`, message: `${label(w, c)} sets the secret-like variable ${name} to a literal value.` });
      }
      return hits;
    }),
};
