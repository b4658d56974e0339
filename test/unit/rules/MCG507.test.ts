import { HARDENED, mcpRuleTable, vscodeDocker } from '../../support/mcp-rule-table.js';
import { rule } from '../../../src/rules/mcp/MCG507-image-latest.js';

const sj = (pk: string, top = ''): string => `{\n  "$schema": "https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json",\n  "name": "io.github.owner/weather",\n  "description": "Weather",\n  "version": "1.2.0",${top}\n  "packages": [\n    ${pk}\n  ]\n}\n`;
const oci = (id: string, extra = ''): string => `{"registryType": "oci", "identifier": "${id}", "transport": {"type": "stdio"}${extra}}`;

void HARDENED;
void vscodeDocker;
void sj;
void oci;

// MCG507
mcpRuleTable(rule, {
  fires: [
    { name: ':latest', text: vscodeDocker(['run', '-i', 'ghcr.io/o/s:latest']), lines: [8] },
    { name: 'untagged', text: vscodeDocker(['run', '-i', '--rm', 'mcp/fetch']), lines: [9] },
    { name: 'server.json OCI identifier', text: sj(oci('docker.io/owner/weather')), path: 'server.json', lines: [7] },
  ],
  passes: [
    { name: 'tag', text: vscodeDocker(['run', '-i', 'ghcr.io/o/s:1.0.0']) },
    { name: 'digest', text: vscodeDocker(['run', '-i', 'ghcr.io/o/s@sha256:bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb']) },
    { name: 'templated', text: vscodeDocker(['run', '-i', 'ghcr.io/o/s:${VERSION}']) },
    { name: 'registry port is no tag', text: vscodeDocker(['run', '-i', 'localhost:5000/s:1.0']) },
  ],
});
