import { rule } from '../../../src/rules/image/MCG051-no-ca-bundle.js';
import { imageRuleTable } from '../../support/image-rule-table.js';

imageRuleTable(rule, {
  fires: [
    { name: 'scratch image with a static binary', dockerfile: 'FROM scratch\nCOPY server /server\nENTRYPOINT ["/server"]\n', image: { paths: ['/server@2'] }, lines: [1] },
    {
      name: 'multi-stage: bundle only in the build stage (on the final FROM)',
      dockerfile: 'FROM golang:1.23 AS build\nRUN go build -o /s .\nFROM scratch\nCOPY --from=build /s /s\n',
      image: { paths: ['/s@4'] },
      lines: [3],
    },
    { name: 'dangling symlink to a removed bundle', dockerfile: 'ARG BASE=debian:bookworm-slim\nFROM ${BASE}\n', image: { links: ['/etc/ssl/cert.pem=>/etc/ssl/certs/gone.crt'] }, lines: [2] },
  ],
  passes: [
    { name: 'Debian bundle', dockerfile: 'FROM debian:bookworm-slim\n', image: { paths: ['/etc/ssl/certs/ca-certificates.crt'] } },
    { name: 'Red Hat bundle', dockerfile: 'FROM registry.access.redhat.com/ubi9/ubi-minimal\n', image: { paths: ['/etc/pki/tls/certs/ca-bundle.crt'] } },
    { name: 'Alpine cert.pem symlink to the bundle', dockerfile: 'FROM alpine:3.20\n', image: { paths: ['/etc/ssl/certs/ca-certificates.crt'], links: ['/etc/ssl/cert.pem=>certs/ca-certificates.crt'] } },
    { name: 'bundle copied from the build stage', dockerfile: 'FROM debian AS b\nFROM scratch\nCOPY --from=b /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/\n', image: { paths: ['/etc/ssl/certs/ca-certificates.crt@3'] } },
  ],
});
