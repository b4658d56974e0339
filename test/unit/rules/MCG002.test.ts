import { describe, expect, it } from 'vitest';
import { dockerfileRuleTable } from '../../support/rule-table.js';
import { isFullImage, rule } from '../../../src/rules/dockerfile/MCG002-full-base-image.js';
import { parseImageRef } from '../../../src/core/dockerfile/model.js';

dockerfileRuleTable(rule, {
  fires: [
    { name: 'node:22', dockerfile: 'FROM node:22\nUSER node\nCMD ["node", "index.js"]\n', lines: [1], message: 'node:22' },
    { name: 'python:3.12 with a distro suffix', dockerfile: 'FROM python:3.12-bookworm\nCMD ["python", "x.py"]\n', lines: [1] },
    { name: 'ubuntu without a tag', dockerfile: 'FROM ubuntu\nRUN echo\n', lines: [1] },
    { name: 'debian:bookworm', dockerfile: 'FROM debian:bookworm\n', lines: [1] },
    { name: 'golang as the runtime', dockerfile: 'FROM docker.io/library/golang:1.23\nCOPY . .\nRUN go build -o /srv .\n', lines: [1] },
    { name: 'full JDK', dockerfile: 'FROM eclipse-temurin:21-jdk\n', lines: [1] },
    {
      name: 'multi-stage: final stage built FROM a stage whose root is full — reported on the root FROM',
      dockerfile: 'FROM python:3.12 AS base\nRUN pip install uv\nFROM base AS runtime\nCOPY . /app\n',
      lines: [1],
      message: 'through stage runtime',
    },
    { name: 'ARG default resolves to a full image', dockerfile: 'ARG NODE_VERSION=22\nFROM node:${NODE_VERSION}\n', lines: [2], message: 'node:22' },
    { name: 'target selects a full build stage', dockerfile: 'FROM rust:1.82 AS build\nRUN cargo build\nFROM gcr.io/distroless/cc-debian12\n', target: 'build', lines: [1] },
  ],
  passes: [
    { name: 'slim tag', dockerfile: 'FROM python:3.12-slim\n' },
    { name: 'alpine tag', dockerfile: 'FROM node:22-alpine3.20\n' },
    { name: 'distroless runtime after a full build stage', dockerfile: 'FROM golang:1.23 AS build\nRUN go build -o /srv .\nFROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=build /srv /srv\n' },
    { name: 'scratch', dockerfile: 'FROM golang:1.23 AS build\nFROM scratch\nCOPY --from=build /srv /srv\n' },
    { name: 'chainguard', dockerfile: 'FROM cgr.dev/chainguard/python:latest\n' },
    { name: 'ubi-minimal', dockerfile: 'FROM registry.access.redhat.com/ubi9/ubi-minimal:9.4\n' },
    { name: 'unresolved ARG base', dockerfile: 'ARG BASE\nFROM ${BASE}\n' },
    { name: 'ARG default resolves to a slim image', dockerfile: 'ARG VARIANT=slim-bookworm\nFROM python:3.12-${VARIANT}\n' },
    { name: 'JRE, not a full JDK', dockerfile: 'FROM eclipse-temurin:21-jre\n' },
    { name: 'an image that is not a known full OS/toolchain image', dockerfile: 'FROM ghcr.io/example/mcp-base:1.0\n' },
  ],
});

describe('MCG002 isFullImage', () => {
  it.each([
    ['node', true],
    ['node:lts', true],
    ['node:22-bookworm-slim', false],
    ['python:3.13-slim-trixie', false],
    ['mirror.gcr.io/library/python:3.12', true],
    ['oven/bun:1', true],
    ['oven/bun:1-distroless', false],
    ['ghcr.io/astral-sh/uv:python3.12-bookworm', true],
    ['ghcr.io/astral-sh/uv:python3.12-bookworm-slim', false],
    ['ghcr.io/astral-sh/uv:0.5', false],
    ['mcr.microsoft.com/dotnet/sdk:8.0', true],
    ['registry.access.redhat.com/ubi9/python-312:latest', true],
    ['registry.access.redhat.com/ubi9/nodejs-20-minimal:1', false],
    ['public.ecr.aws/amazonlinux/amazonlinux:2023', true],
    ['public.ecr.aws/docker/library/python:3.12', true],
    ['mcr.microsoft.com/dotnet/aspnet:8.0-noble-chiseled', false],
  ])('%s → %s', (ref, full) => {
    expect(isFullImage(parseImageRef(ref))).toBe(full);
  });
});
