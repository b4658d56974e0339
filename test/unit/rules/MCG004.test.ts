import { dockerfileRuleTable } from '../../support/rule-table.js';
import { rule } from '../../../src/rules/dockerfile/MCG004-latest-tag.js';

const D = 'sha256:' + 'b'.repeat(64);

dockerfileRuleTable(rule, {
  fires: [
    { name: 'untagged', dockerfile: 'FROM ubuntu\nUSER 1000\n', lines: [1], message: 'no tag' },
    { name: ':latest', dockerfile: 'FROM node:latest\n', lines: [1], message: 'latest tag' },
    { name: 'registry with a port and no tag', dockerfile: 'FROM localhost:5000/team/base\n', lines: [1] },
    {
      name: 'multi-stage: the build stage is latest, the runtime pinned',
      dockerfile: 'FROM golang:latest AS build\nRUN go build\nFROM gcr.io/distroless/static:nonroot\nCOPY --from=build /a /a\n',
      lines: [1],
    },
    { name: 'COPY --from an untagged image', dockerfile: 'FROM python:3.12-slim\nCOPY --from=ghcr.io/astral-sh/uv /uv /bin/uv\n', lines: [2], message: 'COPY --from' },
    { name: 'ARG default without a tag', dockerfile: 'ARG BASE=python\nFROM ${BASE}\n', lines: [2], message: 'resolves to python' },
    { name: 'a build argument decides only the registry', dockerfile: 'ARG REGISTRY\nFROM ${REGISTRY}/ubuntu\n', lines: [2], message: 'no tag' },
    { name: 'a variable never declared is empty', dockerfile: 'FROM alpine$TAG\n', lines: [1], message: 'resolves to alpine' },
    { name: 'a stage ARG does not reach FROM', dockerfile: 'FROM alpine:3.20\nARG TAG=3.19\nFROM node$TAG\n', lines: [3] },
    { name: 'an ARG default that is latest', dockerfile: 'ARG V=latest\nFROM node:${V}\n', lines: [2], message: 'latest tag' },
  ],
  passes: [
    { name: 'versioned tag', dockerfile: 'FROM node:22.12-slim\n' },
    {
      name: 'a platform argument BuildKit defines for FROM (stage per OS)',
      dockerfile: 'FROM alpine:3.20 AS bin-linux\nFROM alpine:3.20 AS bin-windows\nFROM bin-$TARGETOS AS bin\n',
    },
    { name: 'untagged but digest-pinned', dockerfile: `FROM alpine@${D}\n` },
    { name: 'latest but digest-pinned', dockerfile: `FROM node:latest@${D}\n` },
    { name: 'scratch and stage references', dockerfile: 'FROM alpine:3.20 AS a\nFROM a\nFROM scratch\nCOPY --from=a /x /x\nCOPY --from=1 /y /y\n' },
    { name: 'ARG default with a version', dockerfile: 'ARG PY=3.12\nFROM python:${PY}-slim\n' },
    { name: 'unresolved ARG', dockerfile: 'ARG TAG\nFROM python:${TAG}\n' },
    { name: 'a build argument may add the tag', dockerfile: 'ARG TAG\nFROM alpine$TAG\n' },
    { name: 'a build argument may name the whole image', dockerfile: 'ARG BASE\nFROM $BASE\n' },
    { name: 'a build argument may add the digest', dockerfile: 'ARG PIN\nFROM alpine${PIN:+@$PIN}\n' },
  ],
});
