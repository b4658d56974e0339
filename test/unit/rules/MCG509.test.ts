import { mcpRuleTable, vscodeDocker } from '../../support/mcp-rule-table.js';
import { rule } from '../../../src/rules/mcp/MCG509-pull-always-mutable.js';

// MCG509
mcpRuleTable(rule, {
  fires: [
    { name: '--pull always', text: vscodeDocker(['run', '-i', '--pull', 'always', 's:1.0']), lines: [8] },
    { name: '--pull=always latest', text: vscodeDocker(['run', '-i', '--pull=always', 's']), lines: [8] },
    { name: 'upper case', text: vscodeDocker(['run', '-i', '--pull', 'ALWAYS', 's:2']), lines: [8] },
  ],
  passes: [
    { name: 'digest-pinned', text: vscodeDocker(['run', '-i', '--pull', 'always', 'ghcr.io/o/s:1.0.0@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa']) },
    { name: '--pull missing', text: vscodeDocker(['run', '-i', 's:1.0']) },
    { name: '--pull never', text: vscodeDocker(['run', '-i', '--pull', 'never', 's:1.0']) },
  ],
});
