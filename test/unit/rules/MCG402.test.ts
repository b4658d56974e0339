import { rule } from '../../../src/rules/probe/MCG402-non-json-stdout.js';
import { probeRuleTable } from '../../support/probe-rule-table.js';

const DF = 'FROM python:3.12-slim\nCOPY server.py /srv/\nUSER 10001\nENTRYPOINT ["python", "/srv/server.py"]\n';

probeRuleTable(rule, {
  fires: [
    { name: 'a banner on a passing server', dockerfile: DF, probe: { status: 'passed', nonJson: ['Starting fixture MCP server v1.0 ...'] }, lines: [4], message: '«Starting fixture MCP server v1.0 ...»' },
    { name: 'several lines, on a failing one', dockerfile: DF, probe: { status: 'broken', nonJson: ['a', 'b', 'c'] }, lines: [4], message: '3 lines' },
    { name: 'shell-form CMD', dockerfile: 'FROM python:3.12-slim\nCMD python server.py\n', probe: { status: 'passed', nonJson: ['INFO listening'] }, lines: [2] },
  ],
  passes: [
    { name: 'only JSON-RPC on stdout', dockerfile: DF, probe: { status: 'passed' } },
    { name: 'broken but silent on stdout', dockerfile: DF, probe: { status: 'broken' } },
    { name: 'hardened failure, stdout clean', dockerfile: DF, probe: { status: 'hardened-fails', culprit: 'read-only' } },
  ],
});
