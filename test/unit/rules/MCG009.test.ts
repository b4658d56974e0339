import { expect, it } from 'vitest';
import { dockerfileRuleTable, runDockerfileRule } from '../../support/rule-table.js';
import { rule } from '../../../src/rules/dockerfile/MCG009-literal-secret.js';

dockerfileRuleTable(rule, {
  fires: [
    { name: 'ENV password', dockerfile: 'FROM python:3.12-slim\nENV NEO4J_PASSWORD="password"\n', lines: [2], message: 'literal value' },
    { name: 'ENV legacy syntax', dockerfile: 'FROM python:3.12-slim\nENV GITHUB_TOKEN ghp_0123456789abcdef\n', lines: [2] },
    { name: 'ARG default in a stage', dockerfile: 'FROM node:22-slim\nARG NPM_TOKEN=abc123\n', lines: [2], message: 'ARG NPM_TOKEN' },
    { name: 'global ARG default', dockerfile: 'ARG API_KEY=sk-live-1234\nFROM alpine:3.20\n', lines: [1], message: 'global scope' },
    {
      name: 'multi-stage: build stage secret counts (it is in the build history)',
      dockerfile: 'FROM node:22 AS build\nENV AWS_SECRET_ACCESS_KEY=abcd\nFROM node:22-slim\nENV OPENAI_API_KEY=sk-proj-x PORT=8080\n',
      lines: [2, 4],
    },
    { name: 'credential IDs are secret-like', dockerfile: 'FROM alpine:3.20\nARG AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\nENV VAULT_SECRET_ID=6a174c20-f6de-a53c-74d2-6018fcceff64\n', lines: [2, 3], message: '_ID in stage 0' },
    { name: 'placeholder words are still written-in values', dockerfile: 'FROM alpine:3.20\nENV DB_PASSWORD=changeme\n', lines: [2] },
    { name: 'one ENV with several properties', dockerfile: 'FROM alpine:3.20\nENV DB_USER=app DB_PASSWORD=hunter2\n', lines: [2], message: 'DB_PASSWORD' },
  ],
  passes: [
    { name: 'reference to another variable', dockerfile: 'FROM alpine:3.20\nARG API_TOKEN\nENV API_TOKEN=${API_TOKEN}\nENV SECRET=$OTHER\n' },
    { name: 'empty values', dockerfile: 'FROM alpine:3.20\nENV QDRANT_API_KEY=""\nARG GH_TOKEN=\n' },
    { name: 'names that point at secrets but are not secrets', dockerfile: 'FROM alpine:3.20\nENV PASSWORD_FILE=/run/secrets/db TOKEN_URL=https://auth.example/token API_KEY_HEADER=X-Api-Key\n' },
    { name: 'ordinary variables', dockerfile: 'FROM alpine:3.20\nENV PORT=8080 LOG_LEVEL=info\nARG VERSION=1.2\n' },
    { name: 'switch-like values', dockerfile: 'FROM python:3.12-slim\nENV HF_HUB_DISABLE_IMPLICIT_TOKEN=1 AUTH_TOKEN_REQUIRED=false\n' },
    { name: 'a path is where the secret is, not the secret', dockerfile: 'FROM alpine:3.20\nENV GOOGLE_APPLICATION_CREDENTIALS=/credentials/sa.json\nENV SSH_PRIVATE_KEY=~/.ssh/id_ed25519 API_TOKEN=./token.txt\n' },
    { name: '*_FILE names and other IDs', dockerfile: 'FROM alpine:3.20\nENV DB_PASSWORD_FILE=secret-file\nENV SECRET_NAME=db CLIENT_SECRET_TTL=3600 TOKEN_ID=42\n' },
    { name: 'partly a reference', dockerfile: 'FROM alpine:3.20\nARG T\nENV AUTH_TOKEN="Bearer ${T}"\n' },
    { name: 'ARG without a default', dockerfile: 'ARG NPM_TOKEN\nFROM node:22-slim\nARG NPM_TOKEN\n' },
  ],
});

it('MCG009 never puts the value in the message or the key', () => {
  const hits = runDockerfileRule(rule, { name: 'x', dockerfile: 'FROM alpine:3.20\nENV STRIPE_SECRET_KEY=sk_live_51Hx0verysecret\nARG DB_PASSWORD=sk_live_51Hx0verysecret\n' });
  expect(hits).toHaveLength(2);
  for (const h of hits) {
    expect(h.message).not.toContain('sk_live');
    expect(h.key).not.toContain('sk_live');
    expect(h.evidence ?? '').not.toContain('sk_live');
  }
});
