import { mcpRuleTable, vscodeDocker } from '../../support/mcp-rule-table.js';
import { rule } from '../../../src/rules/mcp/MCG508-image-undigested.js';

// MCG508
mcpRuleTable(rule, {
  fires: [
    { name: 'tag only', text: vscodeDocker(['run', '-i', 'ghcr.io/o/s:1.0.0']), lines: [8] },
    { name: 'latest', text: vscodeDocker(['run', '-i', 's:latest']), lines: [8] },
    { name: 'catalog image', text: 'name: x\ntype: server\nimage: acme/x:1.0\n', path: 'servers/x/server.yaml', lines: [3] },
  ],
  passes: [
    { name: 'digest', text: vscodeDocker(['run', '-i', 'ghcr.io/o/s:1.0.0@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa']) },
    { name: 'templated', text: vscodeDocker(['run', '-i', '{image}']) },
    { name: 'catalog entry built by Docker', text: 'name: x\ntype: server\nimage: mcp/x\nsource:\n  project: https://github.com/o/x\n', path: 'servers/x/server.yaml' },
  ],
});
