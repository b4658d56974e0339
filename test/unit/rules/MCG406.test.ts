import { rule } from '../../../src/rules/probe/MCG406-no-tools.js';
import { probeRuleTable } from '../../support/probe-rule-table.js';

const DF = 'FROM node:22-slim\nUSER node\nENTRYPOINT ["node", "build/index.js"]\n';

probeRuleTable(rule, {
  fires: [
    { name: 'passed with no tools', dockerfile: DF, probe: { status: 'passed', tools: [] }, lines: [3], message: '"fixture"' },
    { name: 'passed only with a flag taken away, no tools', dockerfile: DF, probe: { status: 'hardened-fails', culprit: 'read-only', tools: [] }, lines: [3] },
    { name: 'CMD only', dockerfile: 'FROM node:22-slim\nCMD ["node", "x.js"]\n', probe: { status: 'passed', tools: [] }, lines: [2] },
  ],
  passes: [
    { name: 'one tool', dockerfile: DF, probe: { status: 'passed' } },
    { name: 'never passed (MCG405 says so)', dockerfile: DF, probe: { status: 'broken', tools: [] } },
    { name: 'several tools', dockerfile: DF, probe: { status: 'passed', tools: ['a', 'b'] } },
  ],
});
