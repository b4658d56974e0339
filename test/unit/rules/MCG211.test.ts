import { yamlRuleTable } from '../../support/yaml-rule-table.js';
import { deployment } from '../../support/k8s-fixtures.js';
import { rule } from '../../../src/rules/k8s/MCG211-automount-service-account-token.js';

yamlRuleTable(rule, {
  fires: [
    { name: 'not set: on the workload name', yaml: deployment(), lines: [4], keys: ['Deployment/default/api|automountServiceAccountToken'] },
    { name: 'set to true', yaml: deployment({ pod: ['automountServiceAccountToken: true'] }), lines: [8] },
    { name: 'ServiceAccount in the file does not opt out', yaml: 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: api\n---\n' + deployment({ pod: ['serviceAccountName: api'] }), lines: [9] },
  ],
  passes: [
    { name: 'false in the pod spec', yaml: deployment({ pod: ['automountServiceAccountToken: false'] }) },
    { name: 'its ServiceAccount opts out', yaml: 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: api\nautomountServiceAccountToken: false\n---\n' + deployment({ pod: ['serviceAccountName: api'] }) },
    { name: 'Role has no pods', yaml: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: r\nrules: []\n' },
  ],
});
