import { yamlRuleTable } from '../../support/yaml-rule-table.js';
import { deployment, hardened } from '../../support/k8s-fixtures.js';
import { rule } from '../../../src/rules/k8s/MCG202-allow-privilege-escalation.js';

yamlRuleTable(rule, {
  fires: [
    { name: 'not set', yaml: deployment(), lines: [9] },
    { name: 'set to true', yaml: deployment({ container: ['securityContext:', '  allowPrivilegeEscalation: true'] }), lines: [12] },
    { name: 'DaemonSet init container', yaml: deployment({ kind: 'DaemonSet', pod: ['initContainers:', '  - name: init', '    image: busybox:1.36'], container: hardened }), lines: [9], keys: ['DaemonSet/default/api|initContainers.init.securityContext.allowPrivilegeEscalation'] },
  ],
  passes: [
    { name: 'false on the container', yaml: deployment({ container: hardened }) },
    { name: 'ReplicaSet with false', yaml: deployment({ kind: 'ReplicaSet', container: ['securityContext:', '  allowPrivilegeEscalation: false'] }) },
    { name: 'securityContext from an anchor', yaml: 'x-defaults: &sc\n  allowPrivilegeEscalation: false\n' + deployment({ container: ['securityContext: *sc'] }) },
  ],
});
