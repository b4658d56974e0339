import { HARDENED, mcpRuleTable, vscodeDocker } from '../../support/mcp-rule-table.js';
import { rule } from '../../../src/rules/mcp/MCG508-image-undigested.js';

const sj = (pk: string, top = ''): string => `{\n  "$schema": "https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json",\n  "name": "io.github.owner/weather",\n  "description": "Weather",\n  "version": "1.2.0",${top}\n  "packages": [\n    ${pk}\n  ]\n}\n`;
const oci = (id: string, extra = ''): string => `{"registryType": "oci", "identifier": "${id}", "transport": {"type": "stdio"}${extra}}`;

void HARDENED;
void vscodeDocker;
void sj;
void oci;

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
