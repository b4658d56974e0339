import { rule } from '../../../src/rules/probe/MCG401-fails-hardened.js';
import { probeRuleTable } from '../../support/probe-rule-table.js';

const HOME = `FROM python:3.12-slim
RUN useradd --create-home --uid 10001 app
COPY server.py /srv/server.py
USER app
ENTRYPOINT ["python", "/srv/server.py"]
`;
const EROFS = "Traceback (most recent call last):\n  File \"/srv/server.py\", line 3\nOSError: [Errno 30] Read-only file system: '/home/app/.cache'";

probeRuleTable(rule, {
  fires: [
    { name: 'EROFS under $HOME: on the RUN that made the home, with the tmpfs fix', dockerfile: HOME, probe: { status: 'hardened-fails', culprit: 'read-only', stderr: EROFS }, lines: [2], message: /`--read-only --tmpfs \/tmp`.*Read-only file system.*`--tmpfs \/home\/app\/\.cache` or set `XDG_CACHE_HOME=\/tmp`/ },
    {
      name: "Node's EROFS on a path no RUN made: on the ENTRYPOINT",
      dockerfile: 'FROM node:22-slim\nCOPY . /app\nUSER node\nENTRYPOINT ["node", "/app/index.js"]\n',
      probe: { status: 'hardened-fails', culprit: 'read-only', stderr: "Error: EROFS: read-only file system, open '/app/state.json'" },
      lines: [4],
      message: '`--tmpfs /app`',
    },
    { name: 'capabilities in the way: on the CMD', dockerfile: 'FROM debian:bookworm-slim\nCMD ["/srv"]\n', probe: { status: 'hardened-fails', culprit: 'capabilities', stderr: 'chown: Operation not permitted' }, lines: [2], message: '`--cap-drop ALL --security-opt no-new-privileges`' },
    { name: 'no single flag found', dockerfile: 'FROM debian:bookworm-slim\nENTRYPOINT ["/srv"]\n', probe: { status: 'hardened-fails', failure: 'timeout' }, lines: [2], message: 'no single flag group' },
    { name: 'no ENTRYPOINT or CMD: on FROM', dockerfile: 'FROM example/base:1\nRUN true\n', probe: { status: 'hardened-fails', culprit: 'limits' }, lines: [1], message: '--memory' },
  ],
  passes: [
    { name: 'passed under the whole profile', dockerfile: HOME, probe: { status: 'passed' } },
    { name: 'broken without a profile too (MCG405)', dockerfile: HOME, probe: { status: 'broken' } },
    { name: 'the user is in the way (MCG403)', dockerfile: HOME, probe: { status: 'hardened-fails', culprit: 'user' } },
    { name: 'the network is in the way (MCG404)', dockerfile: HOME, probe: { status: 'hardened-fails', culprit: 'network' } },
  ],
});
