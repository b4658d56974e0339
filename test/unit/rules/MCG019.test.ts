import { describe, expect, it } from 'vitest';
import { dockerfileRuleTable } from '../../support/rule-table.js';
import { dependencyInstall, rule } from '../../../src/rules/dockerfile/MCG019-copy-before-install.js';

dockerfileRuleTable(rule, {
  fires: [
    { name: 'COPY . before npm ci', dockerfile: 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci --omit=dev\nCMD ["node", "index.js"]\n', lines: [3], message: 'npm ci' },
    { name: 'COPY . before pip install -r', dockerfile: 'FROM python:3.12-slim\nCOPY . /app\nRUN pip install --no-cache-dir -r /app/requirements.txt\n', lines: [2], message: 'line 3' },
    { name: 'ADD . before uv sync', dockerfile: 'FROM python:3.12-slim\nADD . /app\nWORKDIR /app\nRUN uv sync --frozen\n', lines: [2] },
    {
      name: 'multi-stage: builder copies everything before go mod download',
      dockerfile: 'FROM golang:1.23 AS build\nWORKDIR /src\nCOPY . .\nRUN go mod download && go build -o /server\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /server /server\n',
      lines: [3],
    },
    { name: 'bare yarn', dockerfile: 'FROM node:22-slim\nCOPY . .\nRUN yarn --frozen-lockfile && yarn build\n', lines: [2] },
    {
      name: 'ARG-substituted source',
      dockerfile: 'FROM node:22-slim\nARG SRC=.\nCOPY ${SRC} /app\nRUN cd /app && pnpm install --frozen-lockfile\n',
      lines: [3],
    },
    { name: 'an install of another ecosystem earlier does not help', dockerfile: 'FROM python:3.12-slim\nRUN npm ci\nCOPY . .\nRUN pip install -r requirements.txt\n', lines: [3] },
  ],
  passes: [
    {
      name: 'manifests first, install, then the sources',
      dockerfile: 'FROM node:22-slim\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build\n',
    },
    {
      name: 'uv: deps without the project, then the project',
      dockerfile: 'FROM python:3.12-slim\nCOPY pyproject.toml uv.lock ./\nRUN uv sync --frozen --no-install-project\nCOPY . .\nRUN uv sync --frozen\n',
    },
    { name: 'global tool install after COPY .', dockerfile: 'FROM node:22-slim\nCOPY . .\nRUN npm install -g pm2\n' },
    { name: 'pip install . (the project itself) is not a dependency install', dockerfile: 'FROM python:3.12-slim\nCOPY . .\nRUN pip install --no-cache-dir .\n' },
    {
      name: 'install in another stage',
      dockerfile: 'FROM node:22 AS deps\nCOPY package*.json ./\nRUN npm ci\nFROM node:22-slim\nCOPY --from=deps /node_modules /app/node_modules\nCOPY . /app\n',
    },
    { name: 'COPY . from another stage', dockerfile: 'FROM node:22 AS b\nRUN true\nFROM node:22-slim\nCOPY --from=b . .\nRUN npm ci\n' },
    { name: 'npm install of a named package', dockerfile: 'FROM node:22-slim\nCOPY . .\nRUN npm install express\n' },
  ],
});

describe('MCG019 dependencyInstall', () => {
  it.each([
    [['npm', 'ci'], 'npm ci'],
    [['npm', 'ci', '--omit', 'dev'], 'npm ci'],
    [['npm', 'install', '-g', 'x'], undefined],
    [['yarn', 'install', '--immutable'], 'yarn install'],
    [['yarn', 'build'], undefined],
    [['poetry', 'install', '--no-root'], 'poetry install'],
    [['go', 'mod', 'download'], 'go mod download'],
    [['bundle', 'install'], 'bundle install'],
    [['cargo', 'build', '--release'], 'cargo build'],
    [['pip', 'install', '-r', 'requirements.txt'], 'pip install -r'],
    [['pip', 'install', 'flask'], undefined],
    [['uv', 'pip', 'install', '-r', 'req.txt'], 'uv pip install -r'],
  ] as const)('%j → %s', (argv, expected) => {
    expect(dependencyInstall(argv)?.what).toBe(expected);
  });
});
