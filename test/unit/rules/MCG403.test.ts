import { rule } from '../../../src/rules/probe/MCG403-needs-root.js';
import { probeRuleTable } from '../../support/probe-rule-table.js';

const ROOT = 'FROM python:3.12-slim\nCOPY server.py /srv/\nEXPOSE 80\nCMD ["python", "/srv/server.py"]\n';
const PERM = "PermissionError: [Errno 13] Permission denied: '/etc/fixture/server.conf'";

probeRuleTable(rule, {
  fires: [
    { name: 'no USER: on the CMD, naming --user 65532', dockerfile: ROOT, probe: { status: 'hardened-fails', culprit: 'user', stderr: PERM }, lines: [4], message: /`--user 65532:65532`.*Permission denied/ },
    { name: 'USER root: on the USER line', dockerfile: 'FROM debian:bookworm-slim\nUSER root\nENTRYPOINT ["/srv"]\n', probe: { status: 'hardened-fails', culprit: 'user', imageUser: 'root' }, lines: [2] },
    { name: 'USER in a parent stage', dockerfile: 'FROM debian:bookworm-slim AS base\nUSER 0\nFROM base\nENTRYPOINT ["/srv"]\n', probe: { status: 'hardened-fails', culprit: 'user' }, lines: [2] },
  ],
  passes: [
    { name: 'passed', dockerfile: ROOT, probe: { status: 'passed' } },
    { name: 'read-only is in the way, not the user', dockerfile: ROOT, probe: { status: 'hardened-fails', culprit: 'read-only' } },
    { name: 'broken as root too', dockerfile: ROOT, probe: { status: 'broken' } },
  ],
});
