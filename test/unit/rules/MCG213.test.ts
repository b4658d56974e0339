import { yamlRuleTable } from '../../support/yaml-rule-table.js';
import { deployment } from '../../support/k8s-fixtures.js';
import { rule } from '../../../src/rules/k8s/MCG213-env-secret-literal.js';

yamlRuleTable(rule, {
  fires: [
    { name: 'literal password', yaml: deployment({ container: ['env:', '  - name: DB_PASSWORD', '    value: hunter2'] }), lines: [13], keys: ['Deployment/default/api|containers.app.env.DB_PASSWORD'] },
    { name: 'flow style token', yaml: deployment({ container: ['env: [{name: GITHUB_TOKEN, value: "ghp_example"}]'] }), lines: [11] },
    { name: 'init container api key', yaml: deployment({ pod: ['initContainers:', '  - name: init', '    image: i:1', '    env:', '      - name: OPENAI_API_KEY', '        value: sk-example'] }), lines: [13] },
    { name: 'credential ID', yaml: deployment({ container: ['env:', '  - name: AWS_ACCESS_KEY_ID', '    value: AKIAIOSFODNN7EXAMPLE'] }), lines: [13] },
  ],
  passes: [
    { name: 'secretKeyRef', yaml: deployment({ container: ['env:', '  - name: DB_PASSWORD', '    valueFrom:', '      secretKeyRef: {name: db, key: password}'] }) },
    { name: 'dependent variable reference', yaml: deployment({ container: ['env:', '  - name: API_TOKEN', '    value: $(TOKEN_FROM_SECRET)'] }) },
    { name: 'a path', yaml: deployment({ container: ['env:', '  - name: GOOGLE_APPLICATION_CREDENTIALS', '    value: /var/secrets/google/key.json'] }) },
    { name: 'empty value', yaml: deployment({ container: ['env:', '  - name: API_TOKEN', '    value: ""'] }) },
    { name: 'not secret-like', yaml: deployment({ container: ['env:', '  - name: LOG_LEVEL', '    value: debug', '  - name: TOKEN_FILE', '    value: /var/run/secrets/token'] }) },
  ],
});
