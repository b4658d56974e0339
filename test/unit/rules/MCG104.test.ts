import { yamlRuleTable } from '../../support/yaml-rule-table.js';
import { rule } from '../../../src/rules/compose/MCG104-dangerous-cap-add.js';

yamlRuleTable(rule, {
  fires: [
    { name: 'SYS_ADMIN', yaml: 'services:\n  a:\n    cap_add:\n      - SYS_ADMIN\n', lines: [4], keys: ['services.a.cap_add.SYS_ADMIN'] },
    { name: 'ALL and NET_ADMIN in flow style, one line', yaml: 'services:\n  a:\n    cap_add: [ALL, NET_ADMIN]\n', lines: [3, 3] },
    { name: 'CAP_ prefix, lower case', yaml: 'services:\n  a:\n    cap_add:\n      - cap_sys_ptrace\n      - CHOWN\n      - sys_module\n', lines: [4, 6] },
  ],
  passes: [
    { name: 'NET_BIND_SERVICE', yaml: 'services:\n  a:\n    cap_add: [NET_BIND_SERVICE]\n' },
    { name: 'dangerous capability dropped, not added', yaml: 'services:\n  a:\n    cap_drop: [SYS_ADMIN]\n' },
    { name: 'no cap_add', yaml: 'services:\n  a:\n    image: a:1\n' },
  ],
});
