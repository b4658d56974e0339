import { mcpRuleTable, oci, sj } from '../../support/mcp-rule-table.js';
import { rule } from '../../../src/rules/mcp/MCG522-oci-registry-not-accepted.js';

// MCG522
mcpRuleTable(rule, {
  fires: [
    { name: 'private registry', text: sj(oci('registry.example.com/o/w:1.2.0')), path: 'server.json', lines: [7] },
    { name: 'Google Container Registry (not Artifact Registry)', text: sj(oci('gcr.io/o/w:1.2.0')), path: 'server.json', lines: [7] },
    { name: 'ECR', text: sj(oci('123.dkr.ecr.us-east-1.amazonaws.com/w:1.2.0')), path: 'server.json', lines: [7] },
  ],
  passes: [
    { name: 'ghcr', text: sj(oci('ghcr.io/o/w:1.2.0')), path: 'server.json' },
    { name: 'quay and mcr', text: sj(oci('quay.io/o/w:1.2.0') + ', ' + oci('mcr.microsoft.com/o/w:1.2.0')), path: 'server.json' },
    { name: 'docker hub short name', text: sj(oci('owner/w:1.2.0')), path: 'server.json' },
    { name: 'artifact registry and acr', text: sj(oci('us-docker.pkg.dev/p/r/w:1.2.0') + ', ' + oci('me.azurecr.io/w:1.2.0')), path: 'server.json' },
  ],
});
