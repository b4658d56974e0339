import { yamlRuleTable } from '../../support/yaml-rule-table.js';
import { rule } from '../../../src/rules/compose/MCG106-read-only.js';

yamlRuleTable(rule, {
  fires: [
    { name: 'no read_only', yaml: 'services:\n  a:\n    image: a:1\n', lines: [2] },
    { name: 'read_only: false', yaml: 'services:\n  a:\n    read_only: false\n', lines: [3] },
    { name: 'multi-document, both services', yaml: 'services:\n  a:\n    image: a:1\n---\nservices:\n  b:\n    image: b:1\n', lines: [2, 6] },
  ],
  passes: [
    { name: 'read_only: true', yaml: 'services:\n  a:\n    read_only: true\n' },
    { name: 'read_only from an anchor', yaml: 'x-ro: &ro\n  read_only: true\nservices:\n  a:\n    <<: *ro\n' },
    { name: 'no services at all', yaml: 'volumes:\n  data: {}\n' },
  ],
});
