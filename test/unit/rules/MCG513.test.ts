import { mcpRuleTable, sj } from '../../support/mcp-rule-table.js';
import { rule } from '../../../src/rules/mcp/MCG513-fetch-at-launch.js';

// MCG513
mcpRuleTable(rule, {
  fires: [
    { name: 'npx -y unpinned', text: '{"servers": {"s": {"command": "npx", "args": [\n"-y", "@scope/server"]}}}\n', lines: [2] },
    { name: 'uvx unpinned', text: '{"mcpServers": {"s": {"command": "uvx", "args": ["mcp-server-fetch"]}}}\n', path: '.mcp.json', lines: [1] },
    { name: '@latest is not a version', text: '{"servers": {"s": {"command": "uvx", "args": ["pkg@latest"]}}}\n', lines: [1] },
    { name: 'pipx run', text: '{"servers": {"s": {"command": "pipx", "args": ["run", "pkg"]}}}\n', lines: [1] },
  ],
  passes: [
    { name: 'npx pinned', text: '{"servers": {"s": {"command": "npx", "args": ["-y", "@scope/server@1.2.3"]}}}\n' },
    { name: 'uvx ==', text: '{"servers": {"s": {"command": "uvx", "args": ["--from", "pkg==1.0.0", "pkg"]}}}\n' },
    { name: 'a local binary', text: '{"servers": {"s": {"command": "node", "args": ["build/index.js"]}}}\n' },
    { name: 'server.json npm package with a version', text: sj('{"registryType": "npm", "identifier": "@o/w", "version": "1.2.0", "transport": {"type": "stdio"}}'), path: 'server.json' },
  ],
});
