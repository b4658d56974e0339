import { yamlRuleTable } from '../../support/yaml-rule-table.js';
import { deployment, hardened } from '../../support/k8s-fixtures.js';
import { rule } from '../../../src/rules/k8s/MCG210-privileged.js';

yamlRuleTable(rule, {
  fires: [
    { name: 'privileged container', yaml: deployment({ container: ['securityContext:', '  privileged: true'] }), lines: [12], keys: ['Deployment/default/api|containers.app.securityContext.privileged'] },
    { name: 'privileged init container', yaml: deployment({ pod: ['initContainers:', '  - name: sysctl', '    image: busybox:1.36', '    securityContext: {privileged: true}'], container: hardened }), lines: [11] },
    { name: 'multi-document: second document', yaml: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\n---\n' + deployment({ container: ['securityContext:', '  privileged: true'] }), lines: [17] },
  ],
  passes: [
    { name: 'privileged false', yaml: deployment({ container: ['securityContext:', '  privileged: false'] }) },
    { name: 'hardened', yaml: deployment({ container: hardened }) },
    { name: 'privileged in the pod securityContext is not a pod field', yaml: deployment({ pod: ['securityContext:', '  runAsNonRoot: true'] }) },
  ],
});
