import { yamlRuleTable } from '../../support/yaml-rule-table.js';
import { rule } from '../../../src/rules/compose/MCG103-cap-drop-all.js';

yamlRuleTable(rule, {
  fires: [
    { name: 'no cap_drop: reported on the service name', yaml: 'services:\n  web:\n    image: nginx:1.27\n', lines: [2], message: 'no cap_drop' },
    { name: 'cap_drop without ALL: reported on cap_drop', yaml: 'services:\n  web:\n    cap_drop:\n      - NET_RAW\n', lines: [3], message: 'not ALL' },
    { name: 'two services, one without', yaml: 'services:\n  a:\n    cap_drop: [ALL]\n  b:\n    image: b:1\n', lines: [4], keys: ['services.b.cap_drop'] },
  ],
  passes: [
    { name: 'cap_drop ALL', yaml: 'services:\n  web:\n    cap_drop: [ALL]\n' },
    { name: 'lower case and CAP_ prefix', yaml: 'services:\n  web:\n    cap_drop:\n      - cap_all\n' },
    { name: 'cap_drop from a merge key', yaml: 'x-hard: &hard\n  cap_drop: [ALL]\nservices:\n  web:\n    <<: *hard\n    image: web:1\n' },
  ],
});
