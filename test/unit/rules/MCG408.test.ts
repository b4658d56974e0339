import { rule } from '../../../src/rules/probe/MCG408-tool-removed.js';
import { probeRuleTable } from '../../support/probe-rule-table.js';

const DF = 'FROM node:22-slim\nUSER node\nENTRYPOINT ["node", "build/index.js"]\n';

probeRuleTable(rule, {
  fires: [
    { name: 'one tool gone', dockerfile: DF, probe: { status: 'passed', tools: ['a'], baseline: ['a', 'b'] }, lines: [3], message: /no longer lists the tool "b"/, severity: 'info' },
    { name: 'every tool gone (MCG406 too)', dockerfile: DF, probe: { status: 'passed', tools: [], baseline: ['a', 'b'] }, lines: [3, 3] },
    { name: 'a destructive tool gone is still info', dockerfile: DF, probe: { status: 'passed', tools: ['a'], baseline: ['a', 'rm+d'] }, severity: 'info' },
    { name: 'renamed: the old name is gone', dockerfile: 'FROM node:22-slim\nCMD ["node", "x.js"]\n', probe: { status: 'passed', tools: ['read_file'], baseline: ['readFile'] }, lines: [2], message: /"readFile"/ },
  ],
  passes: [
    { name: 'no baseline', dockerfile: DF, probe: { status: 'passed', tools: [] } },
    { name: 'same tools', dockerfile: DF, probe: { status: 'passed', tools: ['a', 'b'], baseline: ['b', 'a'] } },
    { name: 'only an added tool', dockerfile: DF, probe: { status: 'passed', tools: ['a', 'b'], baseline: ['a'] } },
    { name: 'broken now: nothing listed is no evidence of removal', dockerfile: DF, probe: { status: 'broken', baseline: ['a'] } },
  ],
});
