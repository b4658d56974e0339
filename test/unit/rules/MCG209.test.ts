import { yamlRuleTable } from '../../support/yaml-rule-table.js';
import { deployment, hardened } from '../../support/k8s-fixtures.js';
import { rule } from '../../../src/rules/k8s/MCG209-host-namespaces.js';

yamlRuleTable(rule, {
  fires: [
    { name: 'hostNetwork', yaml: deployment({ pod: ['hostNetwork: true'] }), lines: [8], keys: ['Deployment/default/api|hostNetwork'] },
    { name: 'hostPID and hostIPC', yaml: deployment({ kind: 'DaemonSet', pod: ['hostPID: true', 'hostIPC: true'] }), lines: [8, 9] },
    { name: 'CronJob', yaml: 'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: c\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          hostNetwork: true\n          containers: [{name: c, image: c:1}]\n', lines: [10] },
  ],
  passes: [
    { name: 'false', yaml: deployment({ pod: ['hostNetwork: false', 'hostPID: false'] }) },
    { name: 'not set', yaml: deployment({ container: hardened }) },
    { name: 'hostNetwork on a non-workload', yaml: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  hostNetwork: "true"\n' },
  ],
});
