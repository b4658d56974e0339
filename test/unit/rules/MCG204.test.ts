import { yamlRuleTable } from '../../support/yaml-rule-table.js';
import { deployment, hardened } from '../../support/k8s-fixtures.js';
import { rule } from '../../../src/rules/k8s/MCG204-drop-all-capabilities.js';

yamlRuleTable(rule, {
  fires: [
    { name: 'no capabilities', yaml: deployment(), lines: [9] },
    { name: 'drop without ALL', yaml: deployment({ container: ['securityContext:', '  capabilities:', '    drop: [NET_RAW]'] }), lines: [13] },
    { name: 'only add', yaml: deployment({ container: ['securityContext:', '  capabilities:', '    add: [NET_BIND_SERVICE]'] }), lines: [12] },
  ],
  passes: [
    { name: 'drop ALL', yaml: deployment({ container: hardened }) },
    { name: 'drop all, lower case', yaml: deployment({ container: ['securityContext:', '  capabilities:', '    drop: ["all"]'] }) },
    { name: 'Pod with drop ALL', yaml: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: c:1\n      securityContext:\n        capabilities:\n          drop:\n            - ALL\n' },
  ],
});
