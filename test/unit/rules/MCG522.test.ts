import { HARDENED, mcpRuleTable, vscodeDocker } from '../../support/mcp-rule-table.js';
import { rule } from '../../../src/rules/mcp/MCG522-oci-registry-not-accepted.js';

const sj = (pk: string, top = ''): string => `{\n  "$schema": "https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json",\n  "name": "io.github.owner/weather",\n  "description": "Weather",\n  "version": "1.2.0",${top}\n  "packages": [\n    ${pk}\n  ]\n}\n`;
const oci = (id: string, extra = ''): string => `{"registryType": "oci", "identifier": "${id}", "transport": {"type": "stdio"}${extra}}`;

void HARDENED;
void vscodeDocker;
void sj;
void oci;

// MCG522
mcpRuleTable(rule, {
  fires: [
    { name: 'private registry', text: sj(oci('registry.example.com/o/w:1.2.0')), path: 'server.json', lines: [7] },
    { name: 'quay', text: sj(oci('quay.io/o/w:1.2.0')), path: 'server.json', lines: [7] },
    { name: 'ECR', text: sj(oci('123.dkr.ecr.us-east-1.amazonaws.com/w:1.2.0')), path: 'server.json', lines: [7] },
  ],
  passes: [
    { name: 'ghcr', text: sj(oci('ghcr.io/o/w:1.2.0')), path: 'server.json' },
    { name: 'docker hub short name', text: sj(oci('owner/w:1.2.0')), path: 'server.json' },
    { name: 'artifact registry and acr', text: sj(oci('us-docker.pkg.dev/p/r/w:1.2.0') + ', ' + oci('me.azurecr.io/w:1.2.0')), path: 'server.json' },
  ],
});
