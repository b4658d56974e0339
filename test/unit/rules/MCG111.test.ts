import { yamlRuleTable } from '../../support/yaml-rule-table.js';
import { rule } from '../../../src/rules/compose/MCG111-root-user.js';

yamlRuleTable(rule, {
  fires: [
    { name: 'user: root', yaml: 'services:\n  a:\n    user: root\n', lines: [3] },
    { name: 'user: "0:0"', yaml: 'services:\n  a:\n    user: "0:0"\n', lines: [3] },
    { name: 'user: 0 as a number', yaml: 'services:\n  a:\n    user: 0\n', lines: [3] },
    { name: 'user: "000" (Atoi: leading zeros)', yaml: 'services:\n  a:\n    user: "000"\n', lines: [3] },
    { name: 'user: "00:1000"', yaml: 'services:\n  a:\n    user: "00:1000"\n', lines: [3] },
    { name: 'user: "+0:wheel"', yaml: 'services:\n  a:\n    user: "+0:wheel"\n', lines: [3] },
    { name: 'user: "-0"', yaml: 'services:\n  a:\n    user: "-0"\n', lines: [3] },
    { name: 'interpolation default is root', yaml: 'services:\n  a:\n    user: "${UID:-0}:${GID:-0}"\n', lines: [3] },
  ],
  passes: [
    { name: 'numeric non-root', yaml: 'services:\n  a:\n    user: "10001:10001"\n' },
    { name: 'user: "1000:0"', yaml: 'services:\n  a:\n    user: "1000:0"\n' },
    { name: 'user: ""', yaml: 'services:\n  a:\n    user: ""\n' },
    { name: 'no user key', yaml: 'services:\n  a:\n    image: a:1\n' },
    { name: 'unresolved variable', yaml: 'services:\n  a:\n    user: "${UID}:${GID}"\n' },
  ],
});
