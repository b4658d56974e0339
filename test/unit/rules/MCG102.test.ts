import { yamlRuleTable } from '../../support/yaml-rule-table.js';
import { rule } from '../../../src/rules/compose/MCG102-docker-socket.js';

yamlRuleTable(rule, {
  fires: [
    { name: 'short syntax', yaml: 'services:\n  gw:\n    image: docker/mcp-gateway\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock\n', lines: [5], keys: ['services.gw.volumes[/var/run/docker.sock]'] },
    { name: 'short syntax read-only, /run path', yaml: 'services:\n  gw:\n    volumes:\n      - "/run/docker.sock:/var/run/docker.sock:ro"\n', lines: [4] },
    { name: 'long syntax bind', yaml: 'services:\n  gw:\n    volumes:\n      - type: bind\n        source: /var/run/docker.sock\n        target: /var/run/docker.sock\n', lines: [4] },
    { name: 'interpolation default names the socket', yaml: 'services:\n  gw:\n    volumes:\n      - ${DOCKER_SOCK:-/var/run/docker.sock}:/var/run/docker.sock\n', lines: [4] },
    { name: 'volumes list from an anchor', yaml: 'x-vols: &vols\n  - /var/run/docker.sock:/var/run/docker.sock\nservices:\n  a:\n    volumes: *vols\n', lines: [2] },
  ],
  passes: [
    { name: 'named volume', yaml: 'services:\n  db:\n    volumes:\n      - data:/var/lib/postgresql/data\nvolumes:\n  data: {}\n' },
    { name: 'socket path only inside the container', yaml: 'services:\n  a:\n    volumes:\n      - ./sock:/var/run/docker.sock\n' },
    { name: 'long syntax of another path', yaml: 'services:\n  a:\n    volumes:\n      - type: bind\n        source: ./config\n        target: /var/run/docker.sock.d\n' },
    { name: 'unresolved variable', yaml: 'services:\n  a:\n    volumes:\n      - ${SOCK}:/var/run/docker.sock\n' },
  ],
});
