import { mcpRuleTable, oci, sj, vscodeDocker } from '../../support/mcp-rule-table.js';
import { rule } from '../../../src/rules/mcp/MCG508-image-undigested.js';

// MCG508
mcpRuleTable(rule, {
  fires: [
    { name: 'tag only', text: vscodeDocker(['run', '-i', 'ghcr.io/o/s:1.0.0']), lines: [8] },
    { name: 'latest', text: vscodeDocker(['run', '-i', 's:latest']), lines: [8] },
    { name: 'server.json package tagged other than its version', text: sj(oci('ghcr.io/owner/weather:1.1.0')), path: 'server.json', lines: [7] },
    { name: 'server.json package tagged latest', text: sj(oci('ghcr.io/owner/weather:latest')), path: 'server.json', lines: [7] },
    { name: 'server.json package untagged', text: sj(oci('ghcr.io/owner/weather')), path: 'server.json', lines: [7] },
    { name: 'client config launching the release tag (a pin is possible there)', text: vscodeDocker(['run', '-i', 'ghcr.io/owner/weather:1.2.0']), lines: [8] },
    { name: 'catalog image', text: 'name: x\ntype: server\nimage: acme/x:1.0\n', path: 'servers/x/server.yaml', lines: [3] },
  ],
  passes: [
    { name: 'digest', text: vscodeDocker(['run', '-i', 'ghcr.io/o/s:1.0.0@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa']) },
    { name: "server.json's own release (tag = version)", text: sj(oci('ghcr.io/owner/weather:1.2.0')), path: 'server.json' },
    { name: "server.json's own release, tag with a leading v", text: sj(oci('docker.io/owner/weather:v1.2.0')), path: 'server.json' },
    { name: 'server.json package pinned by digest', text: sj(oci('ghcr.io/owner/weather:1.1.0@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa')), path: 'server.json' },
    { name: 'templated', text: vscodeDocker(['run', '-i', '{image}']) },
    { name: 'catalog entry built by Docker', text: 'name: x\ntype: server\nimage: mcp/x\nsource:\n  project: https://github.com/o/x\n', path: 'servers/x/server.yaml' },
  ],
});
