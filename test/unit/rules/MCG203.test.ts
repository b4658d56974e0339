import { yamlRuleTable } from '../../support/yaml-rule-table.js';
import { deployment, hardened } from '../../support/k8s-fixtures.js';
import { rule } from '../../../src/rules/k8s/MCG203-read-only-root-filesystem.js';

yamlRuleTable(rule, {
  fires: [
    { name: 'not set', yaml: deployment(), lines: [9] },
    { name: 'false', yaml: deployment({ container: ['securityContext:', '  readOnlyRootFilesystem: false'] }), lines: [12] },
    { name: 'Job container', yaml: deployment({ kind: 'Job', container: ['securityContext:', '  runAsNonRoot: true'] }), lines: [9], keys: ['Job/default/api|containers.app.securityContext.readOnlyRootFilesystem'] },
  ],
  passes: [
    { name: 'true', yaml: deployment({ container: hardened }) },
    { name: 'true as a string', yaml: deployment({ container: ['securityContext:', '  readOnlyRootFilesystem: "true"'] }) },
    { name: 'ConfigMap is not a workload', yaml: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: b\n' },
  ],
});
