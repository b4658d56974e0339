import { dockerfileRuleTable } from '../../support/rule-table.js';
import { rule } from '../../../src/rules/dockerfile/MCG006-dev-dependencies.js';

dockerfileRuleTable(rule, {
  fires: [
    { name: 'npm ci', dockerfile: 'FROM node:22-slim\nCOPY . .\nRUN npm ci\nCMD ["node", "i.js"]\n', lines: [3], message: 'npm ci' },
    { name: 'npm install in an && chain', dockerfile: 'FROM node:22-slim\nRUN npm install && npm run build\n', lines: [2] },
    { name: 'npm ci with the misspelt --omit-dev', dockerfile: 'FROM node:22-slim\nRUN npm ci --ignore-scripts --omit-dev\n', lines: [2], message: '--omit-dev is not an npm option' },
    { name: 'NODE_ENV is development', dockerfile: 'FROM node:22-slim\nENV NODE_ENV=development\nRUN npm ci\n', lines: [3] },
    { name: 'yarn install', dockerfile: 'FROM node:22-slim\nRUN yarn install --frozen-lockfile\n', lines: [2], message: 'yarn' },
    { name: 'bare yarn', dockerfile: 'FROM node:22-slim\nRUN yarn && yarn build\n', lines: [2] },
    { name: 'pnpm install in a heredoc', dockerfile: 'FROM node:22-slim\nRUN <<EOF\ncorepack enable\npnpm install --frozen-lockfile\nEOF\n', lines: [2], message: 'pnpm install' },
    { name: 'pip install -r requirements-dev.txt', dockerfile: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir -r requirements-dev.txt\n', lines: [2] },
    { name: 'pip install -e .[dev]', dockerfile: "FROM python:3.12-slim\nRUN python -m pip install -e '.[dev]'\n", lines: [2] },
    { name: 'poetry install', dockerfile: 'FROM python:3.12-slim\nRUN poetry install --no-root\n', lines: [2], message: 'poetry' },
    { name: 'uv sync', dockerfile: 'FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/uv uv sync --frozen\n', lines: [2], message: 'uv sync' },
    { name: 'exec form', dockerfile: 'FROM node:22-slim\nRUN ["npm", "ci"]\n', lines: [2] },
    {
      name: 'multi-stage: installed in the parent of the final stage',
      dockerfile: 'FROM node:22-slim AS deps\nRUN npm ci\nFROM deps AS runtime\nCMD ["node", "i.js"]\n',
      lines: [2],
    },
    { name: 'ARG makes NODE_ENV development', dockerfile: 'FROM node:22-slim\nARG NODE_ENV=development\nENV NODE_ENV=${NODE_ENV}\nRUN npm ci\n', lines: [4] },
    { name: 'pruned with a different tool', dockerfile: 'FROM node:22-slim\nRUN pnpm install\nRUN npm prune --omit=dev\n', lines: [2] },
  ],
  passes: [
    { name: 'npm ci --omit=dev', dockerfile: 'FROM node:22-slim\nRUN npm ci --omit=dev\n' },
    { name: 'npm ci --only=production and --production', dockerfile: 'FROM node:22-slim\nRUN npm ci --only=production\nRUN npm install --production\n' },
    { name: 'NODE_ENV=production in ENV', dockerfile: 'FROM node:22-slim\nENV NODE_ENV=production\nRUN npm ci && yarn install && pnpm install\n' },
    { name: 'NODE_ENV=production inline and exported', dockerfile: 'FROM node:22-slim\nRUN NODE_ENV=production npm ci\nRUN export NODE_ENV=production && npm ci\n' },
    { name: 'ARG default NODE_ENV=production', dockerfile: 'FROM node:22-slim\nARG NODE_ENV=production\nRUN npm ci\n' },
    {
      name: 'multi-stage: dev install only in a build stage the final stage copies from',
      dockerfile: 'FROM node:22 AS build\nRUN npm ci && npm run build\nFROM node:22-slim\nCOPY --from=build /app/dist /app\nRUN npm ci --omit=dev\n',
    },
    { name: 'pruned later in the final image', dockerfile: 'FROM node:22-slim\nRUN npm ci && npm run build\nRUN npm prune --omit=dev\n' },
    { name: 'global and named-package installs', dockerfile: 'FROM node:22-slim\nRUN npm install -g pnpm@9 && npm install express\n' },
    { name: 'yarn and pnpm production flags', dockerfile: 'FROM node:22-slim\nRUN yarn install --production\nRUN yarn workspaces focus --production\nRUN pnpm install --prod --frozen-lockfile\nRUN pnpm --filter app install -P\n' },
    { name: 'pip with runtime requirements', dockerfile: 'FROM python:3.12-slim\nRUN pip install -r requirements.txt && pip install -e . && pip install "mcp[cli]"\n' },
    { name: 'poetry without dev', dockerfile: 'FROM python:3.12-slim\nRUN poetry install --without dev\nRUN poetry install --only main\nRUN poetry install --no-dev\n' },
    { name: 'uv sync --no-dev', dockerfile: 'FROM python:3.12-slim\nRUN uv sync --locked --no-dev --no-editable\nRUN uv sync --only-group runtime\n' },
    { name: 'run scripts are not installs', dockerfile: 'FROM node:22-slim\nRUN npm run build && yarn build && pnpm build\n' },
    { name: 'a heredoc fed to python is not shell', dockerfile: 'FROM python:3.12-slim\nRUN python3 <<EOF\nprint("npm ci")\nEOF\n' },
    { name: 'target selects the production stage', dockerfile: 'FROM node:22-slim AS prod\nRUN npm ci --omit=dev\nFROM prod AS dev\nRUN npm ci\n', target: 'prod' },
  ],
});
