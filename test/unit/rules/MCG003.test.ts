import { dockerfileRuleTable } from '../../support/rule-table.js';
import { rule } from '../../../src/rules/dockerfile/MCG003-unpinned-digest.js';

const D = 'sha256:' + 'a'.repeat(64);

dockerfileRuleTable(rule, {
  fires: [
    { name: 'tag only', dockerfile: 'FROM python:3.12-slim\nUSER 1000\n', lines: [1], message: 'python:3.12-slim' },
    { name: 'no tag', dockerfile: 'FROM alpine\n', lines: [1] },
    {
      name: 'multi-stage: every external FROM, not the stage reference',
      dockerfile: 'FROM node:22 AS build\nRUN npm ci\nFROM build AS test\nFROM node:22-slim\nCOPY --from=build /app /app\n',
      lines: [1, 4],
    },
    { name: 'COPY --from an image', dockerfile: `FROM python:3.12-slim@${D}\nCOPY --from=ghcr.io/astral-sh/uv:0.5 /uv /bin/uv\n`, lines: [2], message: 'COPY --from' },
    {
      name: 'ARG-substituted FROM shows what it resolves to',
      dockerfile: 'ARG BASE=python:3.12-slim\nFROM ${BASE}\n',
      lines: [2],
      message: '${BASE} (resolves to python:3.12-slim)',
    },
    { name: 'COPY --from through a stage ARG', dockerfile: `FROM alpine@${D}\nARG UV=ghcr.io/astral-sh/uv:0.5\nCOPY --from=\${UV} /uv /uv\n`, lines: [3] },
    { name: 'a digest that is not sha256', dockerfile: 'FROM alpine@md5:abc\n', lines: [1] },
  ],
  passes: [
    { name: 'pinned by digest', dockerfile: `FROM python:3.12-slim@${D}\n` },
    { name: 'scratch', dockerfile: 'FROM scratch\nCOPY app /app\n' },
    {
      name: 'multi-stage with pinned bases and stage references by name and index',
      dockerfile: `FROM golang:1.23@${D} AS build\nRUN go build\nFROM build AS test\nFROM gcr.io/distroless/static@${D}\nCOPY --from=build /a /a\nCOPY --from=0 /b /b\nCOPY --from=Test /c /c\n`,
    },
    { name: 'unresolved ARG base', dockerfile: 'ARG BASE\nFROM $BASE\n' },
    { name: 'ARG default with a digest', dockerfile: `ARG BASE=node:22-slim@${D}\nFROM \${BASE}\n` },
  ],
});
