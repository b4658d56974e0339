import { mcpRuleTable, oci, sj, vscodeDocker } from '../../support/mcp-rule-table.js';
import { rule } from '../../../src/rules/mcp/MCG507-image-latest.js';

// MCG507
mcpRuleTable(rule, {
  fires: [
    { name: ':latest', text: vscodeDocker(['run', '-i', 'ghcr.io/o/s:latest']), lines: [8] },
    { name: 'untagged', text: vscodeDocker(['run', '-i', '--rm', 'mcp/fetch']), lines: [9] },
    { name: 'server.json OCI identifier', text: sj(oci('docker.io/owner/weather')), path: 'server.json', lines: [7] },
  ],
  passes: [
    { name: 'tag', text: vscodeDocker(['run', '-i', 'ghcr.io/o/s:1.0.0']) },
    { name: 'digest', text: vscodeDocker(['run', '-i', 'ghcr.io/o/s@sha256:bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb']) },
    { name: 'templated', text: vscodeDocker(['run', '-i', 'ghcr.io/o/s:${VERSION}']) },
    { name: 'registry port is no tag', text: vscodeDocker(['run', '-i', 'localhost:5000/s:1.0']) },
  ],
});
