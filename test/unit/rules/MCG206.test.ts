import { yamlRuleTable } from '../../support/yaml-rule-table.js';
import { deployment } from '../../support/k8s-fixtures.js';
import { rule } from '../../../src/rules/k8s/MCG206-memory-limit.js';

yamlRuleTable(rule, {
  fires: [
    { name: 'no resources', yaml: deployment(), lines: [9] },
    { name: 'only requests', yaml: deployment({ container: ['resources:', '  requests:', '    memory: 256Mi'] }), lines: [9] },
    { name: 'cpu limit only, init container too', yaml: deployment({ pod: ['initContainers:', '  - name: init', '    image: i:1'], container: ['resources:', '  limits:', '    cpu: 500m'] }), lines: [9, 12] },
  ],
  passes: [
    { name: 'memory limit', yaml: deployment({ container: ['resources:', '  limits:', '    memory: 512Mi'] }) },
    { name: 'resources through an anchor', yaml: 'x-res: &res\n  limits:\n    memory: 1Gi\n' + deployment({ container: ['resources: *res'] }) },
    { name: 'PersistentVolumeClaim has no containers', yaml: 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\nspec:\n  resources:\n    requests:\n      storage: 1Gi\n' },
  ],
});
