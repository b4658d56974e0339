import { rule } from '../../../src/rules/probe/MCG409-tool-changed.js';
import { probeRuleTable } from '../../support/probe-rule-table.js';

const DF = 'FROM node:22-slim\nUSER node\nENTRYPOINT ["node", "build/index.js"]\n';

probeRuleTable(rule, {
  fires: [
    { name: 'description changed on a read-only tool: medium', dockerfile: DF, probe: { status: 'passed', tools: ['list~d2+ro'], baseline: ['list+ro'] }, lines: [3], message: /The description of the tool "list"/, severity: 'medium' },
    { name: 'schema changed on a read-only tool: info', dockerfile: DF, probe: { status: 'passed', tools: ['list~s2+ro'], baseline: ['list+ro'] }, message: /The input schema of/, severity: 'info' },
    { name: 'schema changed on an unannotated tool: medium', dockerfile: DF, probe: { status: 'passed', tools: ['write~s2'], baseline: ['write'] }, severity: 'medium' },
    { name: 'both changed', dockerfile: DF, probe: { status: 'passed', tools: ['w~d2~s2+nd'], baseline: ['w+nd'] }, message: /description and input schema/, severity: 'medium' },
    { name: 'schema changed on a non-destructive tool: info', dockerfile: 'FROM node:22-slim\nCMD ["node", "x.js"]\n', probe: { status: 'passed', tools: ['w~s2+nd'], baseline: ['w+nd'] }, lines: [2], severity: 'info' },
  ],
  passes: [
    { name: 'no baseline', dockerfile: DF, probe: { status: 'passed', tools: ['a~d2'] } },
    { name: 'same hashes', dockerfile: DF, probe: { status: 'passed', tools: ['a~dX~sY'], baseline: ['a~dX~sY'] } },
    { name: 'only the hints changed', dockerfile: DF, probe: { status: 'passed', tools: ['a+ro'], baseline: ['a'] } },
    { name: 'added and removed are MCG407/MCG408', dockerfile: DF, probe: { status: 'passed', tools: ['b~d2'], baseline: ['a'] } },
  ],
});
