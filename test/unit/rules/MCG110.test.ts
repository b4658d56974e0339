import { yamlRuleTable } from '../../support/yaml-rule-table.js';
import { rule } from '../../../src/rules/compose/MCG110-host-namespaces.js';

yamlRuleTable(rule, {
  fires: [
    { name: 'network_mode: host', yaml: 'services:\n  a:\n    network_mode: host\n', lines: [3], keys: ['services.a.network_mode'] },
    { name: 'pid and ipc host', yaml: 'services:\n  a:\n    pid: host\n    ipc: "host"\n', lines: [3, 4] },
    { name: 'from an interpolation default', yaml: 'services:\n  a:\n    network_mode: ${NET:-host}\n', lines: [3] },
  ],
  passes: [
    { name: 'bridge network', yaml: 'services:\n  a:\n    network_mode: bridge\n' },
    { name: 'service network', yaml: 'services:\n  a:\n    network_mode: "service:b"\n  b:\n    image: b:1\n' },
    { name: 'ipc shareable', yaml: 'services:\n  a:\n    ipc: shareable\n' },
  ],
});
