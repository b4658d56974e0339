import { rule } from '../../../src/rules/probe/MCG404-needs-network.js';
import { probeRuleTable } from '../../support/probe-rule-table.js';

const NPX = 'FROM node:22-slim\nUSER node\nENTRYPOINT ["npx", "-y", "@example/server"]\n';

probeRuleTable(rule, {
  fires: [
    { name: 'npx -y at start: names it and --network none', dockerfile: NPX, probe: { status: 'hardened-fails', culprit: 'network', stderr: 'npm ERR! network request failed' }, lines: [3], message: /`--network none`.*`npx -y`.*MCG012/ },
    { name: 'uvx in a shell-form CMD', dockerfile: 'FROM python:3.12-slim\nCMD uvx example-server\n', probe: { status: 'hardened-fails', culprit: 'network' }, lines: [2], message: '`uvx`' },
    { name: 'no fetch in the command: the network still named', dockerfile: 'FROM debian:bookworm-slim\nENTRYPOINT ["/srv"]\n', probe: { status: 'hardened-fails', culprit: 'network' }, lines: [2], message: /^(?!.*MCG012).*--network none/ },
  ],
  passes: [
    { name: 'passed offline', dockerfile: NPX, probe: { status: 'passed' } },
    { name: 'user in the way', dockerfile: NPX, probe: { status: 'hardened-fails', culprit: 'user' } },
    { name: 'broken with the network too', dockerfile: NPX, probe: { status: 'broken' } },
  ],
});
