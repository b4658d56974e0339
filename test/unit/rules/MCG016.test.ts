import { dockerfileRuleTable } from '../../support/rule-table.js';
import { rule } from '../../../src/rules/dockerfile/MCG016-healthcheck-tool-missing.js';

dockerfileRuleTable(rule, {
  fires: [
    {
      name: 'curl on distroless',
      dockerfile: 'FROM gcr.io/distroless/nodejs22-debian12:nonroot\nCOPY dist /app\nHEALTHCHECK CMD ["curl", "-f", "http://localhost:3000/health"]\nCMD ["/app/index.js"]\n',
      lines: [3],
      message: 'distroless',
    },
    {
      name: 'shell form on scratch',
      dockerfile: 'FROM golang:1.23 AS build\nRUN go build -o /server .\nFROM scratch\nCOPY --from=build /server /server\nHEALTHCHECK CMD /server -health || exit 1\nENTRYPOINT ["/server"]\n',
      lines: [5],
      message: 'shell form',
    },
    {
      name: 'wget through sh -c on a Chainguard runtime image',
      dockerfile: 'FROM cgr.dev/chainguard/python:latest\nHEALTHCHECK --interval=30s CMD ["sh", "-c", "wget -q -O- http://localhost:8000/health"]\n',
      lines: [2],
      message: 'wget',
    },
    {
      name: 'multi-stage: distroless root reached through FROM <stage>',
      dockerfile: 'FROM gcr.io/distroless/python3-debian12 AS rt\nFROM rt\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\n',
      lines: [3],
    },
    {
      name: 'built image lacks curl',
      dockerfile: 'FROM python:3.12-slim\nHEALTHCHECK CMD curl -f http://localhost:8000/health || exit 1\n',
      image: { paths: ['/bin/sh', '/usr/local/bin/python3'] },
      lines: [2],
      message: 'curl',
    },
    {
      name: 'built image has no /bin/sh for the shell form',
      dockerfile: 'FROM python:3.12-slim\nHEALTHCHECK CMD python3 -c "print(1)"\n',
      image: { paths: ['/usr/local/bin/python3'] },
      lines: [2],
      message: '/bin/sh',
    },
    {
      name: 'built image lacks the absolute path of an exec-form probe',
      dockerfile: 'FROM debian:bookworm-slim\nHEALTHCHECK CMD ["/usr/local/bin/probe"]\n',
      image: { paths: ['/bin/sh'] },
      lines: [2],
    },
  ],
  passes: [
    {
      name: 'distroless with the runtime as probe',
      dockerfile: 'FROM gcr.io/distroless/python3-debian12\nHEALTHCHECK CMD ["python3", "-c", "import urllib.request as u; u.urlopen(\'http://127.0.0.1:8000/health\')"]\n',
    },
    { name: 'curl on a full image (no image facts: cannot tell)', dockerfile: 'FROM node:22\nHEALTHCHECK CMD curl -f http://localhost:3000/ || exit 1\n' },
    { name: 'HEALTHCHECK NONE', dockerfile: 'FROM scratch\nHEALTHCHECK NONE\n' },
    { name: 'distroless :debug has a busybox shell', dockerfile: 'FROM gcr.io/distroless/base-debian12:debug\nHEALTHCHECK CMD wget -q -O- http://localhost/ || exit 1\n' },
    { name: 'Chainguard -dev image', dockerfile: 'FROM cgr.dev/chainguard/node:latest-dev\nHEALTHCHECK CMD curl -f http://localhost/\n' },
    {
      name: 'a static curl copied into scratch',
      dockerfile: 'FROM alpine:3.20 AS tools\nFROM scratch\nCOPY --from=tools /usr/bin/curl /usr/bin/curl\nHEALTHCHECK CMD ["/usr/bin/curl", "-f", "http://localhost/"]\n',
    },
    {
      name: 'built image has curl on PATH and /bin/sh',
      dockerfile: 'FROM python:3.12-slim\nHEALTHCHECK CMD curl -f http://localhost:8000/health || exit 1\n',
      image: { paths: ['/bin/sh', '/usr/bin/curl'] },
    },
    {
      name: 'built image: the probe is in a venv on the ENV PATH',
      dockerfile: 'FROM python:3.12-slim\nENV PATH="/app/.venv/bin:$PATH"\nHEALTHCHECK CMD ["mcp-health"]\n',
      image: { paths: ['/app/.venv/bin/mcp-health'] },
    },
    {
      name: 'built image: relative probe resolved against WORKDIR',
      dockerfile: 'FROM debian:bookworm-slim\nWORKDIR /app\nHEALTHCHECK CMD ["./probe"]\n',
      image: { paths: ['/app/probe'] },
    },
    { name: 'builder stage healthcheck only', dockerfile: 'FROM scratch AS x\nHEALTHCHECK CMD curl x\nFROM node:22-slim\nCMD ["node"]\n' },
  ],
});
