import { rule } from '../../../src/rules/image/MCG050-user-not-in-passwd.js';
import { imageRuleTable } from '../../support/image-rule-table.js';

const DF = `FROM debian:bookworm-slim
COPY app /app
USER app
CMD ["/app/server"]
`;

imageRuleTable(rule, {
  fires: [
    { name: 'named user missing from passwd (on the USER line)', dockerfile: DF, image: { user: 'app', passwdUsers: ['root', 'daemon'] }, lines: [3], message: '"app"' },
    { name: 'no /etc/passwd at all (scratch)', dockerfile: 'FROM scratch\nCOPY server /server\nUSER app\n', image: { user: 'app' }, lines: [3], message: 'no /etc/passwd' },
    { name: 'user:group with a missing user', dockerfile: DF, image: { user: 'app:app', passwdUsers: ['root'] }, lines: [3] },
    {
      name: 'USER inherited from a parent stage: the USER line of the chain',
      dockerfile: 'FROM debian:bookworm-slim AS base\nUSER svc\nFROM base\nCOPY app /app\n',
      image: { user: 'svc', passwdUsers: ['root'] },
      lines: [2],
    },
    { name: 'user set by the base image only: on FROM', dockerfile: 'FROM example/base:1\nCOPY app /app\n', image: { user: 'ghost', passwdUsers: ['root'] }, lines: [1] },
  ],
  passes: [
    { name: 'user exists', dockerfile: DF, image: { user: 'app', passwdUsers: ['root', 'app'] } },
    { name: 'numeric user needs no entry', dockerfile: 'FROM scratch\nUSER 10001:10001\n', image: { user: '10001:10001' } },
    { name: 'no user (root, MCG001 reports that)', dockerfile: 'FROM debian:bookworm-slim\n', image: { user: '', passwdUsers: ['root'] } },
    { name: 'multi-stage: build-stage user irrelevant, final user exists', dockerfile: 'FROM node:22 AS b\nUSER ghost\nFROM node:22-slim\nUSER node\n', image: { user: 'node', passwdUsers: ['root', 'node'] } },
  ],
});
