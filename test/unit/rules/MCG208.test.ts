import { yamlRuleTable } from '../../support/yaml-rule-table.js';
import { deployment } from '../../support/k8s-fixtures.js';
import { rule } from '../../../src/rules/k8s/MCG208-runtime-socket.js';

yamlRuleTable(rule, {
  fires: [
    { name: 'docker.sock hostPath', yaml: deployment({ pod: ['volumes:', '  - name: sock', '    hostPath:', '      path: /var/run/docker.sock'] }), lines: [11], keys: ['Deployment/default/api|volumes.sock'] },
    { name: 'containerd socket with type', yaml: deployment({ pod: ['volumes:', '  - name: cri', '    hostPath:', '      path: /run/containerd/containerd.sock', '      type: Socket'] }), lines: [11] },
    { name: 'Pod with trailing slash path', yaml: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  volumes:\n    - name: s\n      hostPath: {path: "/run/docker.sock/"}\n  containers:\n    - name: c\n      image: c:1\n', lines: [8] },
  ],
  passes: [
    { name: 'other hostPath', yaml: deployment({ pod: ['volumes:', '  - name: logs', '    hostPath:', '      path: /var/log'] }) },
    { name: 'emptyDir', yaml: deployment({ pod: ['volumes:', '  - name: tmp', '    emptyDir: {}'] }) },
    { name: 'socket path only as a mountPath', yaml: deployment({ pod: ['volumes:', '  - name: s', '    emptyDir: {}'], container: ['volumeMounts:', '  - name: s', '    mountPath: /var/run/docker.sock'] }) },
  ],
});
