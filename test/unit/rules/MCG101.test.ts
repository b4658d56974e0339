import { yamlRuleTable } from '../../support/yaml-rule-table.js';
import { rule } from '../../../src/rules/compose/MCG101-privileged.js';

yamlRuleTable(rule, {
  fires: [
    { name: 'privileged: true', yaml: 'services:\n  web:\n    image: nginx:1.27\n    privileged: true\n', lines: [4], keys: ['services.web.privileged'] },
    { name: 'privileged via a merge key from an anchor', yaml: 'x-base: &base\n  privileged: true\nservices:\n  a:\n    <<: *base\n    image: a:1\n  b:\n    <<: *base\n', lines: [2, 2], keys: ['services.a.privileged', 'services.b.privileged'] },
    { name: 'second document of a multi-document file', yaml: 'services:\n  a:\n    image: a:1\n---\nservices:\n  dind:\n    image: docker:27-dind\n    privileged: "true"\n', lines: [8] },
    { name: 'alias to a scalar true', yaml: 'x-t: &yes true\nservices:\n  a:\n    privileged: *yes\n', lines: [4] },
  ],
  passes: [
    { name: 'no privileged key', yaml: 'services:\n  web:\n    image: nginx:1.27\n' },
    { name: 'privileged: false', yaml: 'services:\n  web:\n    privileged: false\n' },
    { name: 'own key overrides the merged one', yaml: 'x-base: &base\n  privileged: true\nservices:\n  a:\n    <<: *base\n    privileged: false\n' },
    { name: 'privileged outside services', yaml: 'x-notes:\n  privileged: true\nservices:\n  a:\n    image: a:1\n' },
  ],
});
