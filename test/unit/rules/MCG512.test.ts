import { mcpRuleTable, oci, sj, vscodeDocker } from '../../support/mcp-rule-table.js';
import { rule } from '../../../src/rules/mcp/MCG512-no-rm.js';

// MCG512
mcpRuleTable(rule, {
  fires: [
    { name: 'no --rm', text: vscodeDocker(['run', '-i', 'ghcr.io/o/s:1.0.0@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa']), lines: [4] },
    { name: '--rm=false', text: vscodeDocker(['run', '-i', '--rm=false', 'ghcr.io/o/s:1.0.0@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa']), lines: [4] },
    { name: 'README console line', text: '```console\n$ docker run -i img:1\noutput\n```\n', path: 'docs/use.md', lines: [2] },
  ],
  passes: [
    { name: '--rm', text: vscodeDocker(['run', '-i', '--rm', 'ghcr.io/o/s:1.0.0@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa']) },
    { name: 'restart policy (a service)', text: vscodeDocker(['run', '-d', '--restart', 'unless-stopped', 'ghcr.io/o/s:1.0.0@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa']) },
    { name: 'server.json package (the client adds its flags)', text: sj(oci('ghcr.io/owner/weather:1.2.0')), path: 'server.json' },
  ],
});
