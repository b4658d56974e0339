import { rule } from '../../../src/rules/probe/MCG407-tool-added.js';
import { probeRuleTable } from '../../support/probe-rule-table.js';

const DF = 'FROM node:22-slim\nUSER node\nENTRYPOINT ["node", "build/index.js"]\n';

probeRuleTable(rule, {
  fires: [
    { name: 'a new unannotated tool is destructive by the MCP defaults: medium', dockerfile: DF, probe: { status: 'passed', tools: ['echo', 'delete_file'], baseline: ['echo'] }, lines: [3], message: /"delete_file".*destructive by the MCP defaults/, severity: 'medium' },
    { name: 'a new tool marked destructive: medium', dockerfile: DF, probe: { status: 'passed', tools: ['echo', 'rm+d'], baseline: ['echo'] }, message: /marked destructive/, severity: 'medium' },
    { name: 'a new read-only tool: info', dockerfile: DF, probe: { status: 'passed', tools: ['echo', 'list+ro'], baseline: ['echo'] }, message: /"list" \(marked read-only\)/, severity: 'info' },
    { name: 'a new non-destructive tool: info', dockerfile: DF, probe: { status: 'passed', tools: ['echo', 'append+nd'], baseline: ['echo'] }, severity: 'info' },
    { name: 'readOnlyHint wins over destructiveHint true', dockerfile: DF, probe: { status: 'passed', tools: ['x+ro+d'], baseline: [] }, severity: 'info' },
    { name: 'CMD only, the tools of a start with a flag taken away', dockerfile: 'FROM node:22-slim\nCMD ["node", "x.js"]\n', probe: { status: 'hardened-fails', culprit: 'read-only', tools: ['new'], baseline: [] }, lines: [2] },
    { name: 'a hostile name is one quoted line', dockerfile: DF, probe: { status: 'passed', tools: ['a\u001b[31m\nb'], baseline: [] }, message: /"a b"/ },
  ],
  passes: [
    { name: 'no baseline: drift not compared', dockerfile: DF, probe: { status: 'passed', tools: ['echo', 'delete_file'] } },
    { name: 'same tools in another order', dockerfile: DF, probe: { status: 'passed', tools: ['b', 'a'], baseline: ['a', 'b'] } },
    { name: 'a removed tool is MCG408', dockerfile: DF, probe: { status: 'passed', tools: ['a'], baseline: ['a', 'b'] } },
    { name: 'a changed tool is MCG409', dockerfile: DF, probe: { status: 'passed', tools: ['a~d2'], baseline: ['a'] } },
    { name: 'never answered (MCG405 says so)', dockerfile: DF, probe: { status: 'broken', baseline: [] } },
  ],
});
