import { HARDENED, mcpRuleTable, vscodeDocker } from '../../support/mcp-rule-table.js';
import { rule } from '../../../src/rules/mcp/MCG523-ownership-label.js';

const sj = (pk: string, top = ''): string => `{\n  "$schema": "https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json",\n  "name": "io.github.owner/weather",\n  "description": "Weather",\n  "version": "1.2.0",${top}\n  "packages": [\n    ${pk}\n  ]\n}\n`;
const oci = (id: string, extra = ''): string => `{"registryType": "oci", "identifier": "${id}", "transport": {"type": "stdio"}${extra}}`;

void HARDENED;
void vscodeDocker;
void sj;
void oci;

// MCG523
mcpRuleTable(rule, {
  fires: [
    { name: 'label missing', text: sj(oci('ghcr.io/owner/weather:1.2.0')), path: 'server.json', lines: [3], image: { labels: {} } },
    { name: 'label differs', text: sj(oci('ghcr.io/owner/weather:1.2.0')), path: 'server.json', lines: [3], message: 'io.github.other/x', image: { labels: { 'io.modelcontextprotocol.server.name': 'io.github.other/x' } } },
    { name: 'other labels only', text: sj(oci('ghcr.io/owner/weather:1.2.0')), path: 'server.json', lines: [3], image: { labels: { 'org.opencontainers.image.version': '1.2.0' } } },
  ],
  passes: [
    { name: 'label matches', text: sj(oci('ghcr.io/owner/weather:1.2.0')), path: 'server.json', image: { labels: { 'io.modelcontextprotocol.server.name': 'io.github.owner/weather' } } },
    { name: 'no image built', text: sj(oci('ghcr.io/owner/weather:1.2.0')), path: 'server.json' },
    { name: 'no OCI package', text: sj('{"registryType": "npm", "identifier": "w", "version": "1.2.0", "transport": {"type": "stdio"}}'), path: 'server.json', image: { labels: {} } },
  ],
});
