import { mcpRuleTable, vscodeDocker } from '../../support/mcp-rule-table.js';
import { rule } from '../../../src/rules/mcp/MCG511-stdio-without-interactive.js';

// MCG511
mcpRuleTable(rule, {
  fires: [
    { name: 'no -i', text: vscodeDocker(['run', '--rm', 'ghcr.io/o/s:1.0.0@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa']), lines: [4] },
    { name: '--interactive=false', text: vscodeDocker(['run', '--interactive=false', 'ghcr.io/o/s:1.0.0@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa']), lines: [4] },
    { name: '-t alone', text: vscodeDocker(['run', '-t', '--rm', 'ghcr.io/o/s:1.0.0@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa']), lines: [4] },
  ],
  passes: [
    { name: '-i', text: vscodeDocker(['run', '-i', 'ghcr.io/o/s:1.0.0@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa']) },
    { name: 'grouped -it', text: vscodeDocker(['run', '-it', 'ghcr.io/o/s:1.0.0@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa']) },
    { name: 'README line publishing a port (HTTP server)', text: '```bash\ndocker run --rm -p 127.0.0.1:8080:8080 img:1\n```\n', path: 'README.md' },
    { name: 'not docker run', text: '{"servers": {"s": {"command": "docker", "args": ["mcp", "gateway", "run"]}}}\n' },
  ],
});
