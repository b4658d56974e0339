import { mcpRuleTable, vscodeDocker } from '../../support/mcp-rule-table.js';
import { rule } from '../../../src/rules/mcp/MCG503-host-namespaces.js';

// MCG503
mcpRuleTable(rule, {
  fires: [
    { name: '--network host', text: vscodeDocker(['run', '-i', '--network', 'host', 'ghcr.io/o/s:1.0.0@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa']), lines: [8] },
    { name: '--net=host alias', text: vscodeDocker(['run', '-i', '--net=host', 'ghcr.io/o/s:1.0.0@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa']), lines: [8] },
    { name: '--pid host and --ipc host', text: vscodeDocker(['run', '-i', '--pid', 'host', '--ipc=host', 'ghcr.io/o/s:1.0.0@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa']), lines: [8, 10] },
  ],
  passes: [
    { name: '--network none', text: vscodeDocker(['run', '-i', '--network', 'none', 'ghcr.io/o/s:1.0.0@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa']) },
    { name: 'bridge', text: vscodeDocker(['run', '-i', '--network=bridge', 'ghcr.io/o/s:1.0.0@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa']) },
    { name: 'host as a server argument', text: vscodeDocker(['run', '-i', 'ghcr.io/o/s:1.0.0@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', '--network', 'host']) },
  ],
});
