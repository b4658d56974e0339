import { dockerfileRuleTable } from '../../support/rule-table.js';
import { rule } from '../../../src/rules/dockerfile/MCG018-pip-no-cache-dir.js';

dockerfileRuleTable(rule, {
  fires: [
    { name: 'pip install -r', dockerfile: 'FROM python:3.12-slim\nRUN pip install -r requirements.txt\n', lines: [2] },
    { name: 'python -m pip install', dockerfile: 'FROM python:3.12-slim\nRUN python3 -m pip install --upgrade pip && python3 -m pip install .\n', lines: [2] },
    { name: 'pip3 with global options before install', dockerfile: 'FROM debian:bookworm-slim\nRUN pip3 --disable-pip-version-check install mcp\n', lines: [2] },
    {
      name: 'multi-stage: pip in the parent stage of the final one',
      dockerfile: 'FROM python:3.12-slim AS base\nRUN pip install mcp\nFROM base\nCMD ["python", "-m", "mcp"]\n',
      lines: [2],
    },
    {
      name: 'ENV after the RUN does not help it',
      dockerfile: 'FROM python:3.12-slim\nRUN pip install mcp\nENV PIP_NO_CACHE_DIR=1\nRUN pip install httpx\n',
      lines: [2],
    },
    {
      name: 'a cache mount elsewhere does not count',
      dockerfile: 'FROM python:3.12-slim\nRUN --mount=type=cache,target=/var/cache/apt pip install mcp\n',
      lines: [2],
    },
  ],
  passes: [
    { name: '--no-cache-dir', dockerfile: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir -r requirements.txt\n' },
    { name: 'ENV PIP_NO_CACHE_DIR', dockerfile: 'FROM python:3.12-slim\nENV PIP_NO_CACHE_DIR=1\nRUN pip install mcp\n' },
    { name: 'ARG PIP_NO_CACHE_DIR with a default', dockerfile: 'FROM python:3.12-slim\nARG PIP_NO_CACHE_DIR=off\nRUN pip install mcp\n' },
    { name: 'inline assignment', dockerfile: 'FROM python:3.12-slim\nRUN PIP_NO_CACHE_DIR=1 pip install mcp\n' },
    { name: 'cache mount for pip', dockerfile: 'FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt\n' },
    { name: 'uv pip install is uv', dockerfile: 'FROM python:3.12-slim\nRUN uv pip install --system mcp\n' },
    { name: 'pip install only in a builder stage', dockerfile: 'FROM python:3.12 AS build\nRUN pip install build && python -m build\nFROM python:3.12-slim\nCOPY --from=build /dist /dist\n' },
    { name: 'exported earlier in the same RUN', dockerfile: 'FROM python:3.12-slim\nRUN export PIP_NO_CACHE_DIR=1 && pip install mcp\n' },
  ],
});
