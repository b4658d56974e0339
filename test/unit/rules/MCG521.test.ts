import { HARDENED, mcpRuleTable, vscodeDocker } from '../../support/mcp-rule-table.js';
import { rule } from '../../../src/rules/mcp/MCG521-secret-default.js';

const sj = (pk: string, top = ''): string => `{\n  "$schema": "https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json",\n  "name": "io.github.owner/weather",\n  "description": "Weather",\n  "version": "1.2.0",${top}\n  "packages": [\n    ${pk}\n  ]\n}\n`;
const oci = (id: string, extra = ''): string => `{"registryType": "oci", "identifier": "${id}", "transport": {"type": "stdio"}${extra}}`;

void HARDENED;
void vscodeDocker;
void sj;
void oci;

// MCG521
mcpRuleTable(rule, {
  fires: [
    { name: 'secret env default', text: sj(oci('ghcr.io/owner/weather:1.2.0', ',\n "environmentVariables": [{"name": "API_KEY", "isSecret": true, "default": "sk-1"}]')), path: 'server.json', lines: [8], message: 'redacted' },
    { name: 'secret variable of an argument', text: sj(oci('ghcr.io/owner/weather:1.2.0', ',\n "runtimeArguments": [{"type": "named", "name": "-e", "value": "T={t}", "variables": {"t": {"isSecret": true, "default": "x"}}}]')), path: 'server.json', lines: [8] },
    { name: 'remote header', text: sj(oci('ghcr.io/owner/weather:1.2.0'), '\n  "remotes": [{"type": "sse", "url": "https://x", "headers": [{"name": "Authorization", "isSecret": true,\n "default": "Bearer t"}]}],'), path: 'server.json', lines: [7] },
  ],
  passes: [
    { name: 'secret without default', text: sj(oci('ghcr.io/owner/weather:1.2.0', ', "environmentVariables": [{"name": "API_KEY", "isSecret": true}]')), path: 'server.json' },
    { name: 'default of a non-secret', text: sj(oci('ghcr.io/owner/weather:1.2.0', ', "environmentVariables": [{"name": "LOG", "default": "info"}]')), path: 'server.json' },
    { name: 'empty default', text: sj(oci('ghcr.io/owner/weather:1.2.0', ', "environmentVariables": [{"name": "K", "isSecret": true, "default": ""}]')), path: 'server.json' },
  ],
});
