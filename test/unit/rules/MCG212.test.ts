import { yamlRuleTable } from '../../support/yaml-rule-table.js';
import { deployment } from '../../support/k8s-fixtures.js';
import { rule } from '../../../src/rules/k8s/MCG212-image-latest.js';

yamlRuleTable(rule, {
  fires: [
    { name: ':latest', yaml: deployment({ image: 'nginx:latest' }), lines: [10], keys: ['Deployment/default/api|containers.app.image'] },
    { name: 'untagged', yaml: deployment({ image: 'ghcr.io/acme/app' }), lines: [10] },
    { name: 'untagged init container', yaml: deployment({ pod: ['initContainers:', '  - name: init', '    image: busybox'] }), lines: [10] },
  ],
  passes: [
    { name: 'version tag', yaml: deployment({ image: 'nginx:1.27.1' }) },
    { name: 'digest', yaml: deployment({ image: 'nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef' }) },
    { name: 'registry port, tagged', yaml: deployment({ image: 'registry.local:5000/acme/app:2.0' }) },
  ],
});
