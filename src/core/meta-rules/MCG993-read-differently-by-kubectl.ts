import type { RuleMeta } from '../types.js';

/**
 * Raised by the YAML engine where kubectl (sigs.k8s.io/yaml, go-yaml v2) reads a Kubernetes
 * document otherwise than the YAML 1.2 spec or other tools do; the Kubernetes rules run on
 * kubectl's reading, and this finding marks the spot.
 */
export const meta: RuleMeta = {
  id: 'MCG993',
  name: 'read-differently-by-kubectl',
  title: 'kubectl reads this YAML differently from other tools',
  severity: 'high',
  kind: 'meta',
  description:
    'A Kubernetes document uses a construct kubectl reads otherwise than the YAML 1.2 spec or other readers: a repeated key (kubectl keeps the last value), a YAML 1.1 boolean spelling such as `yes`, `on` or `y` in a security field the rules read (kubectl reads a boolean), a `<<` merge key after a key it overrides (kubectl lets the merge win), a quoted `"<<"` key (kubectl merges nothing), or content after `...` in a document.',
  rationale:
    'Reviewers, linters and policy engines that read the file as YAML 1.2 see another pod than the one kubectl applies: a harmless value read by one tool can hide a privileged container for the other.',
  fix: 'Write each key once; spell booleans `true` and `false`; put `<<` merge keys before the keys of the map and never quote `<<`; split documents with `---`, not `...`.',
  tags: ['kubernetes', 'reliability'],
  precision: 'very-high',
};
