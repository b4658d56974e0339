import type { RuleHit, RuleMeta } from '../../core/types.js';
import type { ImageRef } from '../../core/dockerfile/model.js';
import { stageChain } from '../../core/dockerfile/model.js';
import type { DockerfileContext, DockerfileRule } from '../types.js';
import { imageName } from './image-refs.js';
import { stageLabel } from './util.js';

const meta: RuleMeta = {
  id: 'MCG002',
  name: 'full-base-image',
  title: 'Final image is built on a full OS or toolchain image',
  severity: 'medium',
  kind: 'dockerfile',
  description:
    'The base of the final stage (following FROM <stage> parents) is a full operating-system or toolchain image such as node:22, python:3.12, golang, ubuntu or debian:bookworm, rather than a slim, alpine, distroless, chainguard, ubi-minimal or scratch image.',
  rationale:
    'Full images carry compilers, headers, package managers, shells and hundreds of libraries that the server never calls. Every one of them is attack surface for whoever gets code execution in the container, and every one of them shows up in vulnerability scans that somebody has to triage. They are also several hundred megabytes larger to store, pull and start.',
  fix: 'Build in a full image if you need its toolchain, then copy the result into a `-slim`, `-alpine`, distroless or chainguard runtime stage (multi-stage build).',
  tags: ['security', 'container', 'attack-surface', 'size'],
  precision: 'high',
};

/**
 * Official images (and well-known vendor images) whose default variant is a full OS with a
 * toolchain. Keys are repository paths with any `library/` prefix removed.
 */
const FULL_IMAGES = new Set([
  'node', 'python', 'pypy', 'golang', 'rust', 'ruby', 'php', 'perl', 'elixir', 'erlang', 'haskell', 'swift', 'julia', 'r-base',
  'gcc', 'buildpack-deps', 'maven', 'gradle', 'openjdk', 'eclipse-temurin', 'amazoncorretto', 'sapmachine', 'ibmjava', 'ibm-semeru-runtimes',
  'ubuntu', 'debian', 'centos', 'fedora', 'rockylinux', 'almalinux', 'oraclelinux', 'amazonlinux', 'amazonlinux/amazonlinux', 'archlinux', 'opensuse/leap', 'opensuse/tumbleweed',
  'ubi7', 'ubi8', 'ubi9', 'ubi10', 'ubi8/ubi', 'ubi9/ubi', 'ubi10/ubi',
  'oven/bun', 'denoland/deno', 'astral-sh/uv', 'dotnet/sdk', 'devcontainers/base', 'devcontainers/python', 'devcontainers/javascript-node', 'devcontainers/typescript-node',
]);

/** Red Hat's language images on full UBI (`ubi9/python-312`, `ubi9/nodejs-20`); their `-minimal` variants are not. */
const UBI_LANGUAGE = /^(ubi\d+|rhel\d+)\/(python|nodejs|ruby|php|perl|go-toolset|openjdk|dotnet)-\d+$/;

/** Tags and names that mean a reduced variant. */
const SMALL_VARIANT = /slim|alpine|distroless|minimal|micro|busybox|nanoserver|chiseled/i;
/** Java runtime-only variants: not a full JDK toolchain. */
const JAVA = new Set(['openjdk', 'eclipse-temurin', 'amazoncorretto', 'sapmachine', 'ibmjava', 'ibm-semeru-runtimes']);

function repoKey(img: ImageRef): string {
  return img.repository.replace(/^(docker\/)?library\//, '');
}

/** True when the image is a full OS/toolchain image by name and tag. */
export function isFullImage(img: ImageRef): boolean {
  if (img.scratch || img.unresolved) return false;
  if (img.registry === 'cgr.dev') return false;
  const repo = repoKey(img);
  const tag = img.tag ?? 'latest';
  if (SMALL_VARIANT.test(repo) || SMALL_VARIANT.test(tag)) return false;
  if (!FULL_IMAGES.has(repo) && !UBI_LANGUAGE.test(repo)) return false;
  if (JAVA.has(repo) && /(^|[-_.])jre([-_.\d]|$)/i.test(tag)) return false;
  // the uv images without a Python tag are a distroless binary image
  if (repo === 'astral-sh/uv' && !/(bookworm|bullseye|trixie|python)/.test(tag)) return false;
  return true;
}

export const rule: DockerfileRule = {
  meta,
  check(ctx: DockerfileContext): RuleHit[] {
    if (!ctx.final) return [];
    const root = stageChain(ctx.model, ctx.final)[0];
    const img = root?.image;
    if (!root || !img || !isFullImage(img)) return [];
    const via = root.index === ctx.final.index ? '' : ` (through stage ${stageLabel(ctx.final)})`;
    return [
      {
        line: root.from.line,
        endLine: root.from.endLine,
        key: `${stageLabel(root)}|FROM ${imageName(img)}|full-base`,
        message: `The final image${via} is built on ${img.ref}, a full OS/toolchain image; use a slim, alpine, distroless or chainguard runtime base.`,
      },
    ];
  },
};
