import { dockerfileRuleTable } from '../../support/rule-table.js';
import { rule } from '../../../src/rules/dockerfile/MCG001-root-user.js';

dockerfileRuleTable(rule, {
  fires: [
    { name: 'no USER at all', dockerfile: 'FROM python:3.12-slim\nCMD ["python", "server.py"]\n', lines: [1] },
    { name: 'last USER is root', dockerfile: 'FROM node:22-slim\nUSER node\nRUN npm ci\nUSER root\nCMD ["node", "index.js"]\n', lines: [4] },
    { name: 'USER 0:0', dockerfile: 'FROM debian:bookworm-slim\nUSER 0:0\n', lines: [2] },
    {
      name: 'multi-stage: USER only in the builder stage',
      dockerfile: 'FROM node:22 AS build\nUSER node\nRUN npm ci\nFROM node:22-slim\nCOPY --from=build /app /app\nCMD ["node", "/app"]\n',
      lines: [4],
    },
    {
      name: 'ARG default resolves to root',
      dockerfile: 'FROM python:3.12-slim\nARG APP_USER=root\nUSER ${APP_USER}\n',
      lines: [3],
    },
    { name: 'distroless dev-style tag without nonroot', dockerfile: 'FROM gcr.io/distroless/python3-debian12:debug\nCMD ["app.py"]\n', lines: [1] },
    { name: 'chainguard -dev image', dockerfile: 'FROM cgr.dev/chainguard/python:latest-dev\n', lines: [1] },
    { name: 'USER 000 (Atoi: leading zeros)', dockerfile: 'FROM debian:bookworm-slim\nUSER 000\n', lines: [2] },
    { name: 'USER 00:1000 (the group does not matter)', dockerfile: 'FROM debian:bookworm-slim\nUSER 00:1000\n', lines: [2] },
    { name: 'USER +0:wheel (Atoi: a sign)', dockerfile: 'FROM debian:bookworm-slim\nUSER +0:wheel\n', lines: [2] },
    { name: 'USER -0', dockerfile: 'FROM debian:bookworm-slim\nUSER -0\n', lines: [2] },
    {
      name: "a name whose UID is 0 in the built image's /etc/passwd",
      dockerfile: 'FROM debian:bookworm-slim\nUSER app\n',
      image: { user: 'app', passwd: 'root:x:0:0:root:/root:/bin/sh\napp:x:0:0::/home/app:/bin/sh\n' },
      lines: [2],
    },
    { name: 'built image says root despite USER line', dockerfile: 'FROM python:3.12-slim\nUSER app\n', image: { user: '' }, lines: [2] },
    // read as BuildKit expands USER (values.ts): the older reading kept quotes and left unset variables as written
    { name: 'USER "root" (quotes removed)', dockerfile: 'FROM debian:bookworm-slim\nUSER "root"\n', lines: [2], message: '"root"' },
    { name: "USER 'root':'root'", dockerfile: "FROM debian:bookworm-slim\nUSER 'root':'root'\n", lines: [2] },
    { name: 'USER ${UNSET:-0} (an unset variable takes the default)', dockerfile: 'FROM debian:bookworm-slim\nUSER ${UNSET:-0}\n', lines: [2] },
    { name: 'ARG U=0 then USER $U', dockerfile: 'FROM debian:bookworm-slim\nARG U=0\nUSER $U\n', lines: [3] },
    { name: 'USER $UNSET (never declared: empty, the default user)', dockerfile: 'FROM debian:bookworm-slim\nUSER $UNSET\n', lines: [2] },
    { name: 'USER ${UNSET}:1000 (empty user part)', dockerfile: 'FROM debian:bookworm-slim\nUSER ${UNSET}:1000\n', lines: [2] },
  ],
  passes: [
    { name: 'named user', dockerfile: 'FROM python:3.12-slim\nRUN useradd -r app\nUSER app\nCMD ["python", "server.py"]\n' },
    { name: 'numeric user', dockerfile: 'FROM node:22-slim\nUSER 10001:10001\n' },
    { name: 'distroless nonroot base', dockerfile: 'FROM gcr.io/distroless/nodejs22-debian12:nonroot\nCMD ["index.js"]\n' },
    { name: 'chainguard runtime image', dockerfile: 'FROM cgr.dev/chainguard/node:latest\n' },
    {
      name: 'final stage inherits USER from its parent stage',
      dockerfile: 'FROM python:3.12-slim AS base\nUSER app\nFROM base\nCMD ["python", "x.py"]\n',
    },
    {
      name: 'target selects a non-root stage',
      dockerfile: 'FROM python:3.12-slim AS runtime\nUSER app\nFROM runtime AS debug\nUSER root\n',
      target: 'runtime',
    },
    { name: 'built image config has a user', dockerfile: 'FROM python:3.12-slim\n', image: { user: 'app' } },
    { name: 'USER 0100 is UID 100', dockerfile: 'FROM debian:bookworm-slim\nUSER 0100\n' },
    { name: 'USER 1000:0 (group root, user not)', dockerfile: 'FROM debian:bookworm-slim\nUSER 1000:0\n' },
    {
      name: "a name whose UID is not 0 in the built image's /etc/passwd",
      dockerfile: 'FROM debian:bookworm-slim\nUSER app\n',
      image: { user: 'app', passwd: 'root:x:0:0:root:/root:/bin/sh\napp:x:10001:10001::/home/app:/bin/sh\n' },
    },
    { name: 'USER "app" (quotes removed)', dockerfile: 'FROM debian:bookworm-slim\nUSER "app"\n' },
    { name: 'USER ${UNSET:-10001}', dockerfile: 'FROM debian:bookworm-slim\nUSER ${UNSET:-10001}\n' },
    { name: 'ENV U=app then USER $U', dockerfile: 'FROM debian:bookworm-slim\nENV U=app\nUSER $U\n' },
  ],
});
