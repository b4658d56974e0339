import { mcpRuleTable, oci, sj } from '../../support/mcp-rule-table.js';
import { rule } from '../../../src/rules/mcp/MCG523-ownership-label.js';

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
