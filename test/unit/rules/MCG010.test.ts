import { expect, it } from 'vitest';
import { dockerfileRuleTable, runDockerfileRule } from '../../support/rule-table.js';
import { rule } from '../../../src/rules/dockerfile/MCG010-secret-build-arg.js';
import { rule as literal } from '../../../src/rules/dockerfile/MCG009-literal-secret.js';

dockerfileRuleTable(rule, {
  fires: [
    { name: 'ARG without a default', dockerfile: 'FROM node:22-slim\nARG NPM_TOKEN\nRUN echo "//registry/:_authToken=${NPM_TOKEN}" > .npmrc\n', lines: [2], message: 'RUN --mount=type=secret' },
    { name: 'global ARG', dockerfile: 'ARG SENTRY_AUTH_TOKEN\nFROM node:22-slim\n', lines: [1], message: 'global scope' },
    { name: 'ARG with a literal default', dockerfile: 'FROM python:3.12-slim\nARG PYPI_PASSWORD=changeme\n', lines: [2] },
    {
      name: 'multi-stage: global, re-declared and build-stage ARGs',
      dockerfile: 'ARG GITHUB_TOKEN\nFROM golang:1.23 AS build\nARG GITHUB_TOKEN\nFROM gcr.io/distroless/static\nARG DEPLOY_KEY_PASSPHRASE\n',
      lines: [1, 3, 5],
    },
    { name: 'credential IDs', dockerfile: 'FROM alpine:3.20\nARG AWS_ACCESS_KEY_ID\nARG VAULT_SECRET_ID\n', lines: [2, 3] },
  ],
  passes: [
    { name: 'ENV is MCG009 territory, not a build arg', dockerfile: 'FROM alpine:3.20\nENV API_TOKEN=${API_TOKEN}\n' },
    { name: 'ordinary ARGs', dockerfile: 'ARG NODE_VERSION=22\nFROM node:${NODE_VERSION}-slim\nARG BUILD_DATE\nARG TOKEN_URL=https://example/token\n' },
    { name: 'names that point at a secret', dockerfile: 'FROM alpine:3.20\nARG NPM_TOKEN_FILE\nARG SECRET_NAME\nARG API_KEY_HEADER\n' },
    { name: 'secret mount instead', dockerfile: 'FROM node:22-slim\nRUN --mount=type=secret,id=npm_token,env=NPM_TOKEN npm ci --omit=dev\n' },
  ],
});

it('MCG010 and MCG009 both fire for an ARG with a literal default', () => {
  const c = { name: 'both', dockerfile: 'FROM alpine:3.20\nARG API_KEY=abc123\n' };
  expect(runDockerfileRule(rule, c).map((h) => h.line)).toEqual([2]);
  expect(runDockerfileRule(literal, c).map((h) => h.line)).toEqual([2]);
});
