import { HARDENED, mcpRuleTable, vscodeDocker } from '../../support/mcp-rule-table.js';
import { rule } from '../../../src/rules/mcp/MCG509-pull-always-mutable.js';

const sj = (pk: string, top = ''): string => `{\n  "$schema": "https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json",\n  "name": "io.github.owner/weather",\n  "description": "Weather",\n  "version": "1.2.0",${top}\n  "packages": [\n    ${pk}\n  ]\n}\n`;
const oci = (id: string, extra = ''): string => `{"registryType": "oci", "identifier": "${id}", "transport": {"type": "stdio"}${extra}}`;

void HARDENED;
void vscodeDocker;
void sj;
void oci;

// MCG509
mcpRuleTable(rule, {
  fires: [
    { name: '--pull always', text: vscodeDocker(['run', '-i', '--pull', 'always', 's:1.0']), lines: [8] },
    { name: '--pull=always latest', text: vscodeDocker(['run', '-i', '--pull=always', 's']), lines: [8] },
    { name: 'upper case', text: vscodeDocker(['run', '-i', '--pull', 'ALWAYS', 's:2']), lines: [8] },
  ],
  passes: [
    { name: 'digest-pinned', text: vscodeDocker(['run', '-i', '--pull', 'always', 'ghcr.io/o/s:1.0.0@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa']) },
    { name: '--pull missing', text: vscodeDocker(['run', '-i', 's:1.0']) },
    { name: '--pull never', text: vscodeDocker(['run', '-i', '--pull', 'never', 's:1.0']) },
  ],
});
