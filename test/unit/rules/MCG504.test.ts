import { HARDENED, mcpRuleTable, vscodeDocker } from '../../support/mcp-rule-table.js';
import { rule } from '../../../src/rules/mcp/MCG504-dangerous-cap-add.js';

const sj = (pk: string, top = ''): string => `{\n  "$schema": "https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json",\n  "name": "io.github.owner/weather",\n  "description": "Weather",\n  "version": "1.2.0",${top}\n  "packages": [\n    ${pk}\n  ]\n}\n`;
const oci = (id: string, extra = ''): string => `{"registryType": "oci", "identifier": "${id}", "transport": {"type": "stdio"}${extra}}`;

void HARDENED;
void vscodeDocker;
void sj;
void oci;

// MCG504
mcpRuleTable(rule, {
  fires: [
    { name: 'SYS_ADMIN', text: vscodeDocker(['run', '-i', '--cap-add', 'SYS_ADMIN', 'ghcr.io/o/s:1.0.0@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa']), lines: [8] },
    { name: 'CAP_ prefix, lower case', text: vscodeDocker(['run', '-i', '--cap-add=cap_net_admin', 'ghcr.io/o/s:1.0.0@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa']), lines: [8] },
    { name: 'ALL in a list', text: vscodeDocker(['run', '-i', '--cap-add', 'CHOWN,ALL', 'ghcr.io/o/s:1.0.0@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa']), lines: [8] },
  ],
  passes: [
    { name: 'harmless capability', text: vscodeDocker(['run', '-i', '--cap-add', 'NET_BIND_SERVICE', 'ghcr.io/o/s:1.0.0@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa']) },
    { name: 'cap-drop ALL', text: vscodeDocker(['run', '-i', '--cap-drop', 'ALL', 'ghcr.io/o/s:1.0.0@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa']) },
    { name: 'none', text: vscodeDocker(['run', '-i', 'ghcr.io/o/s:1.0.0@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa']) },
  ],
});
