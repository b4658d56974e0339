import { mcpRuleTable, oci, sj } from '../../support/mcp-rule-table.js';
import { rule } from '../../../src/rules/mcp/MCG520-server-json-schema.js';

// MCG520
mcpRuleTable(rule, {
  fires: [
    { name: 'description missing', text: sj(oci('ghcr.io/owner/weather:1.2.0')).replace('  "description": "Weather",\n', ''), path: 'server.json', lines: [1], message: '$.description' },
    { name: 'transport type unknown', text: sj('{"registryType": "oci", "identifier": "ghcr.io/o/w:1.2.0", "transport": {"type": "pipe"}}'), path: 'server.json', lines: [7] },
    { name: 'older schema', text: '{"$schema": "https://static.modelcontextprotocol.io/schemas/2025-07-09/server.schema.json", "name": "a/b"}\n', path: 'server.json', lines: [1] },
    { name: 'legacy snake_case key', text: sj('{"registry_type": "npm", "identifier": "x", "transport": {"type": "stdio"}}'), path: 'server.json', message: 'registryType' },
    { name: 'version range', text: sj(oci('ghcr.io/owner/weather:1.2.0')).replace('"1.2.0"', '"^1.2.0"'), path: 'server.json', lines: [5] },
  ],
  passes: [
    { name: 'valid OCI package', text: sj(oci('ghcr.io/owner/weather:1.2.0')), path: 'server.json' },
    { name: 'valid remote', text: sj(oci('ghcr.io/owner/weather:1.2.0'), '\n  "remotes": [{"type": "streamable-http", "url": "https://x.example/mcp"}],'), path: 'server.json' },
    { name: 'README server.json snippet is not schema-checked', text: '```json\n{"$schema": "https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json", "name": "x"}\n```\n', path: 'README.md' },
  ],
});
