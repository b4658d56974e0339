import { mcpRuleTable, oci, sj, vscodeDocker } from '../../support/mcp-rule-table.js';
import { rule } from '../../../src/rules/mcp/MCG510-inline-secret.js';

// MCG510
mcpRuleTable(rule, {
  fires: [
    { name: '-e NAME=value', text: vscodeDocker(['run', '-i', '-e', 'GITHUB_TOKEN=ghp_0123456789abcdef', 'ghcr.io/o/s:1.0.0@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa']), lines: [8], message: 'redacted' },
    { name: 'env literal', text: '{"servers": {"s": {"command": "node", "args": ["x.js"],\n "env": {"API_KEY": "sk-live-123"}}}}\n', lines: [2] },
    { name: 'Authorization header', text: '{"servers": {"r": {"type": "http", "url": "https://x",\n "headers": {"Authorization": "Bearer abc123"}}}}\n', lines: [2] },
    { name: '--token=value argument', text: vscodeDocker(['run', '-i', 'ghcr.io/o/s:1.0.0@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', '--token=abc123']), lines: [9] },
    { name: 'server.json runtimeArguments -e', text: sj(oci('ghcr.io/owner/weather:1.2.0', ', "runtimeArguments": [{"type": "named", "name": "-e", "value": "API_TOKEN=abc"}]')), path: 'server.json', lines: [7] },
  ],
  passes: [
    { name: 'name only', text: vscodeDocker(['run', '-i', '-e', 'GITHUB_TOKEN', 'ghcr.io/o/s:1.0.0@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa']) },
    { name: 'input reference', text: '{"servers": {"s": {"command": "node", "env": {"API_KEY": "${input:key}", "T_TOKEN": "${env:T}"}}}}\n' },
    { name: 'registry variable', text: vscodeDocker(['run', '-i', '-e', 'TFE_TOKEN={token}', 'ghcr.io/o/s:1.0.0@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa']) },
    { name: 'not a secret name', text: vscodeDocker(['run', '-i', '-e', 'LOG_LEVEL=debug', 'ghcr.io/o/s:1.0.0@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa']) },
    { name: 'placeholder', text: vscodeDocker(['run', '-i', '-e', 'API_KEY=<YOUR_KEY>', 'ghcr.io/o/s:1.0.0@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa']) },
  ],
});
