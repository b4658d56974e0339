import { yamlRuleTable } from '../../support/yaml-rule-table.js';
import { rule } from '../../../src/rules/compose/MCG112-image-latest.js';

yamlRuleTable(rule, {
  fires: [
    { name: ':latest', yaml: 'services:\n  cache:\n    image: redis:latest\n', lines: [3], keys: ['services.cache.image'] },
    { name: 'untagged', yaml: 'services:\n  gw:\n    image: docker/mcp-gateway\n', lines: [3], message: 'without a tag' },
    { name: 'registry with port, untagged', yaml: 'services:\n  a:\n    image: localhost:5000/team/app\n', lines: [3] },
    { name: 'interpolation default untagged', yaml: 'services:\n  a:\n    image: ${IMAGE:-ghcr.io/acme/app}\n', lines: [3] },
  ],
  passes: [
    { name: 'version tag', yaml: 'services:\n  a:\n    image: postgres:16.4\n' },
    { name: 'digest', yaml: 'services:\n  a:\n    image: redis@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n' },
    { name: 'built locally', yaml: 'services:\n  a:\n    build: .\n    image: acme/app\n' },
    { name: 'unresolved variable tag', yaml: 'services:\n  a:\n    image: acme/app:${TAG}\n' },
  ],
});
