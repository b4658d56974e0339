import { mcpRuleTable, oci, sj } from '../../support/mcp-rule-table.js';
import { rule } from '../../../src/rules/mcp/MCG524-version-mismatch.js';

// MCG524
mcpRuleTable(rule, {
  fires: [
    { name: 'tag differs', text: sj(oci('ghcr.io/owner/weather:1.1.0')), path: 'server.json', lines: [7] },
    { name: 'built image label differs', text: sj(oci('ghcr.io/owner/weather:1.2.0')), path: 'server.json', lines: [5], image: { labels: { 'org.opencontainers.image.version': '1.3.0' } } },
    { name: 'built image tag differs', text: sj(oci('ghcr.io/owner/weather:1.2.0')), path: 'server.json', lines: [5], image: { ref: 'ghcr.io/owner/weather:2.0.0', labels: {} } },
  ],
  passes: [
    { name: 'v prefix', text: sj(oci('ghcr.io/owner/weather:v1.2.0')), path: 'server.json' },
    { name: 'templated tag', text: sj(oci('ghcr.io/owner/weather:${VERSION}')), path: 'server.json' },
    { name: 'digest only', text: sj(oci('ghcr.io/owner/weather@sha256:cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc')), path: 'server.json' },
  ],
});
