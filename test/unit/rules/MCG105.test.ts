import { yamlRuleTable } from '../../support/yaml-rule-table.js';
import { rule } from '../../../src/rules/compose/MCG105-no-new-privileges.js';

yamlRuleTable(rule, {
  fires: [
    { name: 'no security_opt', yaml: 'services:\n  a:\n    image: a:1\n', lines: [2] },
    { name: 'security_opt without no-new-privileges', yaml: 'services:\n  a:\n    security_opt:\n      - seccomp:unconfined\n', lines: [3] },
    { name: 'no-new-privileges:false', yaml: 'services:\n  a:\n    security_opt: ["no-new-privileges:false"]\n', lines: [3] },
  ],
  passes: [
    { name: 'no-new-privileges:true', yaml: 'services:\n  a:\n    security_opt:\n      - no-new-privileges:true\n' },
    { name: 'bare no-new-privileges', yaml: 'services:\n  a:\n    security_opt: [no-new-privileges]\n' },
    { name: 'equals form via merge key', yaml: 'x-sec: &sec\n  security_opt: ["no-new-privileges=true"]\nservices:\n  a:\n    <<: *sec\n' },
  ],
});
