import { yamlRuleTable } from '../../support/yaml-rule-table.js';
import { rule } from '../../../src/rules/k8s/MCG214-inline-secret.js';

yamlRuleTable(rule, {
  fires: [
    { name: 'stringData', yaml: 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\n  namespace: mcp\nstringData:\n  api-key: sk-example\n', lines: [6], keys: ['Secret/mcp/s|stringData'] },
    { name: 'data (base64)', yaml: 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ntype: Opaque\ndata:\n  password: aHVudGVyMg==\n', lines: [6] },
    { name: 'Secret inside a List', yaml: 'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Secret\n    metadata:\n      name: s\n    stringData:\n      token: abc\n', lines: [8] },
  ],
  passes: [
    { name: 'empty values only', yaml: 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\nstringData:\n  api-key: ""\n' },
    { name: 'Secret without data', yaml: 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: sa-token\n  annotations:\n    kubernetes.io/service-account.name: api\ntype: kubernetes.io/service-account-token\n' },
    { name: 'ConfigMap data', yaml: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  password-policy: strict\n' },
  ],
});
