import { describe, expect, it } from 'vitest';
import { rule } from '../../../src/rules/probe/MCG405-does-not-start.js';
import { isFailClosed } from '../../../src/core/policy.js';
import { probeRuleTable } from '../../support/probe-rule-table.js';

const DF = 'FROM python:3.12-slim\nCOPY server.py /srv/\nUSER 10001\nENTRYPOINT ["python", "/srv/server.py", "--silent"]\n';

probeRuleTable(rule, {
  fires: [
    { name: 'never answers: the timeout, on the ENTRYPOINT', dockerfile: DF, probe: { status: 'broken', failure: 'timeout' }, lines: [4], message: 'no answer within the timeout' },
    { name: 'exits at once: its stderr quoted', dockerfile: DF, probe: { status: 'broken', failure: 'exited', stderr: 'ModuleNotFoundError: No module named mcp' }, lines: [4], message: /exited.*No module named mcp/ },
    { name: 'no start instruction: on FROM', dockerfile: 'FROM example/base:1\n', probe: { status: 'broken' }, lines: [1] },
  ],
  passes: [
    { name: 'passed', dockerfile: DF, probe: { status: 'passed' } },
    { name: 'fails only hardened', dockerfile: DF, probe: { status: 'hardened-fails', culprit: 'read-only' } },
    { name: 'fails hardened, no culprit found', dockerfile: DF, probe: { status: 'hardened-fails' } },
  ],
});

describe('MCG405 fails closed', () => {
  it('is in the fail-closed set (not suppressible, not off)', () => {
    expect(isFailClosed('MCG405')).toBe(true);
  });
});
