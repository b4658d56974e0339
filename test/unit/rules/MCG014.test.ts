import { describe, expect, it } from 'vitest';
import { dockerfileRuleTable, runDockerfileRule } from '../../support/rule-table.js';
import { rule, secretBearing } from '../../../src/rules/dockerfile/MCG014-context-secrets-copied.js';

const copyAll = 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\nCMD ["node", "index.js"]\n';

dockerfileRuleTable(rule, {
  fires: [
    { name: '.env and no .dockerignore', dockerfile: copyAll, context: { files: ['index.js', 'package.json', '.env'] }, lines: [3], message: '.env' },
    {
      name: '.dockerignore that misses the key files',
      dockerfile: copyAll,
      context: { files: ['index.js', 'certs/server.key', 'certs/server.pem', 'node_modules/x/index.js'], dockerignore: 'node_modules\n' },
      lines: [3],
      message: 'certs/server.key',
    },
    {
      name: '.git directory copied',
      dockerfile: 'FROM python:3.12-slim\nADD . /src\n',
      context: { files: ['.git/', '.git/config', '.git/HEAD', 'app.py'], dockerignore: '*.pyc\n' },
      lines: [2],
      message: '.git/',
    },
    {
      name: 'an exception re-includes a secret',
      dockerfile: copyAll,
      context: { files: ['.env', '.env.production', '.env.example'], dockerignore: '.env*\n!.env.production\n' },
      lines: [3],
      message: '.env.production',
    },
    {
      name: 'multi-stage: COPY . in the builder stage',
      dockerfile: 'FROM node:22 AS build\nCOPY . .\nRUN npm ci\nFROM node:22-slim\nCOPY --from=build /app/dist /app\n',
      context: { files: ['.npmrc', 'package.json'] },
      lines: [2],
      message: 'stage build',
    },
    {
      name: 'ARG-substituted source and COPY *',
      dockerfile: 'FROM alpine:3.20\nARG SRC=.\nCOPY ${SRC} /app/\nCOPY * /other/\n',
      context: { files: ['id_rsa', 'id_rsa.pub'] },
      lines: [3, 4],
    },
    {
      name: 'more than five files are counted, not listed',
      dockerfile: copyAll,
      context: { files: ['a.pem', 'b.pem', 'c.pem', 'd.pem', 'e.pem', 'f.pem', 'g.pem'] },
      lines: [3],
      message: 'and 2 more',
    },
    // COPY operands as BuildKit reads them (values.ts): quotes removed, ARGs expanded
    { name: 'COPY "." . (quoted source)', dockerfile: 'FROM node:22-slim\nCOPY "." /app\n', context: { files: ['index.js', '.env'] }, lines: [2], message: '.env' },
    { name: 'COPY ["."," /app"] JSON form', dockerfile: 'FROM node:22-slim\nCOPY [".", "/app"]\n', context: { files: ['index.js', '.env'] }, lines: [2] },
    {
      name: 'COPY --chown=app:app $SRC /dst with SRC set by ARG',
      dockerfile: 'FROM node:22-slim\nARG SRC=.\nCOPY --chown=app:app $SRC /dst\n',
      context: { files: ['index.js', '.env'] },
      lines: [3],
    },
    { name: 'COPY ${SRC:-.} /dst (unset, the default)', dockerfile: 'FROM node:22-slim\nCOPY ${SRC:-.} /dst\n', context: { files: ['index.js', '.env'] }, lines: [2] },
  ],
  passes: [
    { name: 'no context known', dockerfile: copyAll },
    { name: 'secrets excluded by .dockerignore', dockerfile: copyAll, context: { files: ['index.js', '.env', '.git/', '.git/HEAD', 'key.pem'], dockerignore: '.env\n.git\n*.pem\n' } },
    { name: 'only a template env file', dockerfile: copyAll, context: { files: ['index.js', '.env.example', '.env.sample', 'id_ed25519.pub'] } },
    { name: 'specific COPY, not the whole context', dockerfile: 'FROM node:22-slim\nCOPY package.json index.js ./\n', context: { files: ['index.js', 'package.json', '.env'] } },
    { name: 'COPY . from another stage', dockerfile: 'FROM node:22 AS b\nRUN true\nFROM node:22-slim\nCOPY --from=b . /app\n', context: { files: ['.env'] } },
    { name: 'COPY --exclude leaves the secrets out', dockerfile: 'FROM node:22-slim\nCOPY --exclude=.env --exclude=*.pem . /app\n', context: { files: ['.env', 'a.pem', 'x.js'] } },
    { name: 'keys inside node_modules are not the project\'s secrets', dockerfile: copyAll, context: { files: ['node_modules/pkg/test/key.pem', 'index.js'] } },
    { name: 'everything ignored except the sources', dockerfile: copyAll, context: { files: ['.env', 'src/index.js', '.git/'], dockerignore: '*\n!src\n' } },
  ],
});

describe('MCG014 secretBearing', () => {
  it.each([
    ['.env', '.env'],
    ['config/.env.local', 'config/.env.local'],
    ['.env.example', undefined],
    ['server.key', 'server.key'],
    ['keystore.p12', 'keystore.p12'],
    ['cert.pfx', 'cert.pfx'],
    ['.ssh/id_ed25519', '.ssh/id_ed25519'],
    ['id_rsa.pub', undefined],
    ['.pypirc', '.pypirc'],
    ['.netrc', '.netrc'],
    ['gcp/credentials.json', 'gcp/credentials.json'],
    ['.git/', '.git/'],
    ['.git/objects/ab/cdef', '.git/'],
    ['vendor/lib/.git/config', 'vendor/lib/.git/'],
    ['.gitignore', undefined],
    ['src/keyboard.ts', undefined],
    ['README.md', undefined],
  ] as const)('%s → %s', (path, expected) => {
    expect(secretBearing(path)).toBe(expected);
  });

  it('names the .dockerignore in the message when there is one, and never file contents', () => {
    const [hit] = runDockerfileRule(rule, { name: 'x', dockerfile: copyAll, context: { files: ['.env'], dockerignore: 'node_modules\n' } });
    expect(hit!.message).toContain('.dockerignore does not exclude');
  });
});
