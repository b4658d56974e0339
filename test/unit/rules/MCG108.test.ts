import { yamlRuleTable } from '../../support/yaml-rule-table.js';
import { rule } from '../../../src/rules/compose/MCG108-port-all-interfaces.js';

yamlRuleTable(rule, {
  fires: [
    { name: 'HOST:CONTAINER', yaml: 'services:\n  a:\n    ports:\n      - "8080:8080"\n', lines: [4], keys: ['services.a.ports[8080:8080]'] },
    { name: 'bare container port, number', yaml: 'services:\n  a:\n    ports:\n      - 8080\n', lines: [4] },
    { name: 'explicit 0.0.0.0 and ::', yaml: 'services:\n  a:\n    ports:\n      - "0.0.0.0:80:80"\n      - "[::]:443:443/tcp"\n', lines: [4, 5] },
    { name: 'long syntax without host_ip', yaml: 'services:\n  a:\n    ports:\n      - target: 80\n        published: "8080"\n', lines: [4] },
    { name: 'interpolated host port', yaml: 'services:\n  a:\n    ports:\n      - "${PORT:-3000}:3000"\n', lines: [4] },
  ],
  passes: [
    { name: 'loopback', yaml: 'services:\n  a:\n    ports:\n      - "127.0.0.1:8080:8080"\n      - "[::1]:9090:9090"\n' },
    { name: 'long syntax on loopback', yaml: 'services:\n  a:\n    ports:\n      - target: 80\n        published: 8080\n        host_ip: 127.0.0.1\n' },
    { name: 'expose is not publishing', yaml: 'services:\n  a:\n    expose:\n      - "8080"\n' },
    { name: 'host IP from an interpolation default', yaml: 'services:\n  a:\n    ports:\n      - "${BIND:-127.0.0.1}:8080:8080"\n' },
  ],
});
