import { mcpRuleTable, vscodeDocker } from '../../support/mcp-rule-table.js';
import { rule } from '../../../src/rules/mcp/MCG501-privileged.js';

// MCG501
mcpRuleTable(rule, {
  fires: [
    { name: '--privileged', text: vscodeDocker(['run', '-i', '--rm', '--privileged', 'ghcr.io/o/s:1.0.0@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa']), lines: [9] },
    { name: '--privileged=true', text: vscodeDocker(['run', '--privileged=true', '-i', 'ghcr.io/o/s:1.0.0@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa']), lines: [7] },
    { name: 'in a README fence', text: '# Run\n\n```sh\ndocker run -i --rm --privileged img:1\n```\n', path: 'README.md', lines: [4] },
  ],
  passes: [
    { name: 'no flag', text: vscodeDocker(['run', '-i', '--rm', 'ghcr.io/o/s:1.0.0@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa']) },
    { name: '--privileged=false', text: vscodeDocker(['run', '-i', '--privileged=false', 'ghcr.io/o/s:1.0.0@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa']) },
    { name: '--privileged after the image is the server\'s', text: vscodeDocker(['run', '-i', 'ghcr.io/o/s:1.0.0@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', '--privileged']) },
  ],
});
