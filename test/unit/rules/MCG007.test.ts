import { dockerfileRuleTable } from '../../support/rule-table.js';
import { rule } from '../../../src/rules/dockerfile/MCG007-apt-recommends.js';

dockerfileRuleTable(rule, {
  fires: [
    { name: 'apt-get install -y', dockerfile: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n', lines: [2] },
    { name: 'apt install', dockerfile: 'FROM ubuntu:24.04\nRUN apt update && apt install -y git\n', lines: [2], message: 'apt install' },
    {
      name: 'multi-stage: build stages count too',
      dockerfile: 'FROM debian:bookworm AS build\nRUN apt-get install -y build-essential\nFROM debian:bookworm-slim\nRUN apt-get install -y --no-install-recommends ca-certificates\n',
      lines: [2],
    },
    { name: 'options before the subcommand', dockerfile: 'FROM debian:bookworm-slim\nRUN sudo apt-get -qq -y install \\\n    curl \\\n    jq\n', lines: [2] },
    { name: 'heredoc script', dockerfile: 'FROM debian:bookworm-slim\nRUN <<EOF\nset -e\napt-get update\napt-get install -y curl\nEOF\n', lines: [2] },
    { name: 'the setting written in a later stage does not help an earlier one', dockerfile: "FROM debian:bookworm-slim AS a\nRUN apt-get install -y curl\nFROM a\nRUN echo 'APT::Install-Recommends \"false\";' > /etc/apt/apt.conf.d/99\n", lines: [2] },
    { name: 'Install-Recommends=true', dockerfile: 'FROM debian:bookworm-slim\nRUN apt-get install -y -o APT::Install-Recommends=true curl\n', lines: [2] },
  ],
  passes: [
    { name: '--no-install-recommends', dockerfile: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n' },
    { name: '-o APT::Install-Recommends=false', dockerfile: 'FROM debian:bookworm-slim\nRUN apt-get install -y -o APT::Install-Recommends=false curl\n' },
    {
      name: 'apt.conf written earlier in the same RUN',
      dockerfile: "FROM debian:bookworm-slim\nRUN echo 'APT::Install-Recommends \"false\";' > /etc/apt/apt.conf.d/99norec && apt-get install -y curl\n",
    },
    {
      name: 'apt.conf written by an earlier RUN of a parent stage (heredoc)',
      dockerfile: 'FROM debian:bookworm-slim AS base\nRUN cat <<EOF > /etc/apt/apt.conf.d/99norec\nAPT::Install-Recommends "0";\nEOF\nFROM base\nRUN apt-get install -y curl\n',
    },
    { name: 'apt-get without install', dockerfile: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get upgrade -y && apt-get remove -y foo\n' },
    { name: 'apk is not apt', dockerfile: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n' },
    { name: 'echoed text is not a command', dockerfile: 'FROM debian:bookworm-slim\nRUN echo "apt-get install curl"\n' },
  ],
});
