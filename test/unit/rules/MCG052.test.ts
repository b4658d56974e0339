import { rule } from '../../../src/rules/image/MCG052-shell-or-package-manager.js';
import { imageRuleTable } from '../../support/image-rule-table.js';

const FLAWED = `FROM python:3.12
ARG X=1
WORKDIR /app
RUN apt-get update && apt-get install -y curl
COPY . .
`;

imageRuleTable(rule, {
  fires: [
    {
      name: 'base tools on FROM, curl on the RUN that installed it',
      dockerfile: FLAWED,
      image: { paths: ['/usr/bin/dash', '/usr/bin/apt', '/usr/bin/dpkg', '/usr/bin/curl@4'], links: ['/bin=>usr/bin', '/usr/bin/sh=>dash'] },
      lines: [1, 4],
    },
    { name: 'alpine: sh and apk', dockerfile: 'FROM alpine:3.20\nCOPY app /app\n', image: { paths: ['/bin/busybox', '/sbin/apk'], links: ['/bin/sh=>/bin/busybox'] }, lines: [1], message: 'apk' },
    {
      name: 'multi-stage: wget copied into the final stage',
      dockerfile: 'FROM debian AS b\nRUN apt-get install wget\nFROM gcr.io/distroless/static\nCOPY --from=b /usr/bin/wget /usr/bin/wget\n',
      image: { paths: ['/usr/bin/wget@4'] },
      lines: [4],
      message: 'wget (downloader)',
    },
  ],
  passes: [
    { name: 'distroless static', dockerfile: 'FROM gcr.io/distroless/static:nonroot\nCOPY s /s\n', image: { paths: ['/s@2', '/etc/ssl/certs/ca-certificates.crt'] } },
    { name: 'scratch', dockerfile: 'FROM scratch\nCOPY s /s\n', image: { paths: ['/s@2'] } },
    { name: 'a directory named curl is not curl', dockerfile: 'FROM scratch\n', image: { paths: ['/usr/bin/curl/readme'] } },
    { name: 'dangling /bin/sh symlink', dockerfile: 'ARG B=scratch\nFROM ${B}\n', image: { links: ['/bin/sh=>/bin/busybox'] } },
  ],
});
