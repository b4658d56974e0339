import { mcpRuleTable, oci, sj } from '../../support/mcp-rule-table.js';
import { rule } from '../../../src/rules/mcp/MCG521-secret-default.js';

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
