import { yamlRuleTable } from '../../support/yaml-rule-table.js';
import { rule } from '../../../src/rules/compose/MCG113-log-rotation.js';

yamlRuleTable(rule, {
  fires: [
    { name: 'no logging: default json-file', yaml: 'services:\n  a:\n    image: a:1\n', lines: [2] },
    { name: 'json-file without max-size', yaml: 'services:\n  a:\n    logging:\n      driver: json-file\n      options:\n        max-file: "3"\n', lines: [3] },
    { name: 'options only, default driver', yaml: 'services:\n  a:\n    logging:\n      options:\n        labels: app\n', lines: [3] },
  ],
  passes: [
    { name: 'json-file with max-size', yaml: 'services:\n  a:\n    logging:\n      driver: json-file\n      options:\n        max-size: 10m\n' },
    { name: 'local driver', yaml: 'services:\n  a:\n    logging:\n      driver: local\n' },
    { name: 'logging shared through an anchor', yaml: 'x-log: &log\n  logging:\n    options: {max-size: 10m}\nservices:\n  a:\n    <<: *log\n  b:\n    <<: *log\n' },
  ],
});
