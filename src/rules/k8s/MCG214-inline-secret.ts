import type { RuleHit, RuleMeta } from '../../core/types.js';
import { entries, get, str } from '../../core/yaml/ast.js';
import type { K8sRule } from '../yaml-types.js';

const meta: RuleMeta = {
  id: 'MCG214',
  name: 'inline-secret',
  title: 'Kubernetes Secret with inline data in the repository',
  severity: 'medium',
  kind: 'k8s',
  description: 'A `Secret` manifest carries values in `data` or `stringData` (at least one non-empty value), so the secret material is committed with the repository.',
  rationale:
    '`data` is only base64, not encryption: anyone with read access to the repository has the secret, and it stays in the Git history after rotation. Placeholder values invite someone to replace them in place and commit the real ones.',
  fix: 'Create the Secret out of band (`kubectl create secret`), or commit it encrypted (Sealed Secrets, SOPS) or as a reference (External Secrets Operator); keep only the name in the repository.',
  tags: ['security', 'kubernetes', 'secrets'],
  precision: 'high',
};

export const rule: K8sRule = {
  meta,
  check: (ctx) => {
    const hits: RuleHit[] = [];
    for (const o of ctx.objects) {
      if (o.kind !== 'Secret') continue;
      for (const field of ['data', 'stringData'] as const) {
        const e = get(o.y, o.node, field);
        if (!e) continue;
        const filled = entries(o.y, e.value).filter((x) => (str(o.y, x.value) ?? '').trim() !== '');
        if (filled.length === 0) continue;
        hits.push({
          line: e.line,
          key: `${o.key}|${field}`,
          message: `Secret "${o.name}" has ${filled.length} inline value${filled.length === 1 ? '' : 's'} in ${field}, committed with the repository.`,
        });
      }
    }
    return hits;
  },
};
