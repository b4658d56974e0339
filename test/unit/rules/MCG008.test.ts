import { dockerfileRuleTable } from '../../support/rule-table.js';
import { rule } from '../../../src/rules/dockerfile/MCG008-package-cache.js';

dockerfileRuleTable(rule, {
  fires: [
    { name: 'apt-get update and install without cleanup', dockerfile: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n', lines: [2], message: '/var/lib/apt/lists' },
    { name: 'cleanup in a later RUN does not shrink the layer', dockerfile: 'FROM debian:bookworm-slim\nRUN apt-get update\nRUN rm -rf /var/lib/apt/lists/*\n', lines: [2] },
    { name: 'apt-get clean alone keeps the lists', dockerfile: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y curl && apt-get clean\n', lines: [2] },
    { name: 'apk add without --no-cache', dockerfile: 'FROM alpine:3.20\nRUN apk update && apk add curl\n', lines: [2], message: 'apk add' },
    {
      name: 'multi-stage: reported in the parent of the final stage',
      dockerfile: 'FROM debian:bookworm-slim AS base\nRUN apt-get update && apt-get install -y curl\nFROM base\nUSER 1000\n',
      lines: [2],
    },
    { name: 'a cache mount on /var/cache/apt does not cover the lists', dockerfile: 'FROM debian:bookworm-slim\nRUN --mount=type=cache,target=/var/cache/apt apt-get update && apt-get install -y curl\n', lines: [2] },
    { name: 'heredoc', dockerfile: 'FROM debian:bookworm-slim\nRUN <<EOF\napt-get update\napt-get install -y curl\nEOF\n', lines: [2] },
  ],
  passes: [
    { name: 'rm -rf /var/lib/apt/lists/* in the same RUN', dockerfile: 'FROM debian:bookworm-slim\nRUN apt-get update \\\n && apt-get install -y --no-install-recommends curl \\\n && rm -rf /var/lib/apt/lists/*\n' },
    { name: 'apt-get clean && rm -rf /var/lib/apt/lists', dockerfile: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y curl && apt-get clean && rm -fr /var/lib/apt/lists\n' },
    { name: 'cache mounts over the apt state', dockerfile: 'FROM debian:bookworm-slim\nRUN --mount=type=cache,target=/var/cache/apt,sharing=locked --mount=type=cache,target=/var/lib/apt,sharing=locked apt-get update && apt-get install -y curl\n' },
    { name: 'apk add --no-cache', dockerfile: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n' },
    { name: 'apk add then rm -rf /var/cache/apk/*', dockerfile: 'FROM alpine:3.20\nRUN apk add curl && rm -rf /var/cache/apk/*\n' },
    {
      name: 'multi-stage: a build stage that is only copied from',
      dockerfile: 'FROM debian:bookworm AS build\nRUN apt-get update && apt-get install -y gcc\nFROM debian:bookworm-slim\nCOPY --from=build /out /out\n',
    },
    { name: 'apt-get without update or install', dockerfile: 'FROM debian:bookworm-slim\nRUN apt-get purge -y curl\n' },
  ],
});
