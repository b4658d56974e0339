/**
 * Discovery (DESIGN §6 CLI contract): which Dockerfiles and YAML files below a path are checked.
 * One implementation, used by `scan` and by `mcg discover`, which turns the Dockerfiles into a
 * `strategy.matrix` for the reusable workflow (one matrix leg per Dockerfile).
 */
import { existsSync, statSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import picomatch from 'picomatch';
import { confine, repoPath, walk, type Listings } from './files.js';
import { sha256Hex } from './fingerprint.js';
import type { DockerfileModel } from './dockerfile/model.js';

export class UsageError extends Error {}

export interface DockerfileTarget {
  name: string;
  /** Repository-relative path of the Dockerfile. */
  dockerfile: string;
  /** Repository-relative context directory. */
  context: string;
  model?: DockerfileModel;
  text?: string;
}

const DOCKERFILE_NAME = /^(Dockerfile|Containerfile)(\..+)?$|^(dockerfile|containerfile)$|^.+\.(Dockerfile|dockerfile|Containerfile)$/;

/**
 * The names Docker and Podman build: `Dockerfile`, `dockerfile` (the fallback `docker build .`
 * reads), `Containerfile`, `containerfile`, `Dockerfile.*`, `*.Dockerfile`, `*.dockerfile`
 * (not `.dockerignore`, notes or backups).
 */
export function isDockerfileName(name: string): boolean {
  return DOCKERFILE_NAME.test(name) && !name.endsWith('.dockerignore') && !/\.(md|txt|orig|bak|swp)$/.test(name);
}

/** YAML, and JSON (kubectl applies `.json` manifests; the Kubernetes reader decides what they are). */
const YAML_NAME = /\.(ya?ml|json)$/i;

export interface DiscoverOptions {
  /** Workspace root (absolute, already confined). */
  root: string;
  /** What to look below (absolute or relative to root; default root). A file is taken as is. */
  path?: string;
  /** Explicit Dockerfiles (absolute or relative to root): no discovery of Dockerfiles. */
  dockerfiles?: string[];
  /**
   * Globs over repository-relative paths (picomatch, dotfiles included): every matching file below
   * `path` is a Dockerfile, whatever its name. Empty = the default Dockerfile names.
   */
  dockerfileGlobs?: string[];
  /** Build context for every Dockerfile (default: the Dockerfile's directory). */
  context?: string;
  /** `.mcg.yml` include/exclude globs over repository-relative paths. */
  include?: string[];
  exclude?: string[];
  /** Also list YAML files (compose, Kubernetes, workflows) for the manifest checks. */
  yaml?: boolean;
  /** Where the walk keeps the directory listings it reads (for the build-context listings). */
  listings?: Listings;
  /** Also list MCP launch/publication files (src/core/mcp/classify.ts names them). */
  mcp?: (rel: string) => boolean;
  /** Files the walk yields at most (default 200,000). */
  walkLimit?: number;
}

export interface Discovery {
  /** Sorted by Dockerfile path; unique. */
  dockerfiles: DockerfileTarget[];
  /** Absolute paths of YAML files, in walk order (sorted). */
  yamlFiles: string[];
  /** Absolute paths of MCP launch/publication files (server.json, client configs, catalog entries, Markdown), when asked for. */
  mcpFiles: string[];
  /** Directories the walk could not read, and where its file limit stopped it (absolute paths). */
  unread: { path: string; message: string }[];
}

/** Splits list inputs: repeated flags, and commas or newlines inside one value (workflow inputs). */
export function splitList(values: readonly string[] | undefined): string[] {
  return (values ?? []).flatMap((v) => v.split(/[\n,]/)).map((s) => s.trim()).filter((s) => s.length > 0 && !s.startsWith('#'));
}

export function discover(opts: DiscoverOptions): Discovery {
  const root = opts.root;
  const scanRoot = confine(root, opts.path ?? '.', 'scan path');
  if (!existsSync(scanRoot)) throw new UsageError(`scan path "${opts.path}" does not exist`);
  const include = opts.include && opts.include.length > 0 ? picomatch(opts.include, { dot: true }) : undefined;
  const exclude = opts.exclude && opts.exclude.length > 0 ? picomatch(opts.exclude, { dot: true }) : undefined;
  const wanted = (rel: string): boolean => (!include || include(rel)) && !exclude?.(rel);
  // a directory whose every possible file is excluded (`vendor/**`) is not read at all: a probe path
  // no real file has stands for "anything below it" (`vendor/*` or `**/*.yaml` do not prune)
  const excludedDir = exclude ? (abs: string): boolean => exclude(`${repoPath(root, abs)}/\u0000mcg-probe/\u0000mcg-probe`) : undefined;
  const globs = (opts.dockerfileGlobs ?? []).map((g) => g.replace(/^\.\//, ''));
  const globMatch = globs.length > 0 ? picomatch(globs, { dot: true }) : undefined;
  const contextFor = (abs: string): string => repoPath(root, opts.context !== undefined ? confine(root, opts.context, 'context') : dirname(abs));

  const byPath = new Map<string, DockerfileTarget>();
  const add = (abs: string): void => {
    const rel = repoPath(root, abs);
    if (!byPath.has(rel)) byPath.set(rel, { name: rel, dockerfile: rel, context: contextFor(abs) });
  };
  const explicit = opts.dockerfiles ?? [];
  for (const d of explicit) {
    const abs = confine(root, d, 'dockerfile');
    if (!existsSync(abs)) throw new UsageError(`Dockerfile "${d}" does not exist`);
    const st = statSync(abs);
    if (st.isDirectory()) throw new UsageError(`Dockerfile "${d}" is a directory: pass the Dockerfile inside it, e.g. "${d.replace(/\/+$/, '')}/Dockerfile"`);
    if (!st.isFile()) throw new UsageError(`Dockerfile "${d}" is not a regular file`);
    add(abs);
  }
  const yamlFiles: string[] = [];
  const mcpFiles: string[] = [];
  const unread: { path: string; message: string }[] = [];
  const isFile = statSync(scanRoot).isFile();
  for (const abs of isFile ? [scanRoot] : walk(scanRoot, { limit: opts.walkLimit, listings: opts.listings, skipDir: excludedDir, unread })) {
    const rel = repoPath(root, abs);
    if (!wanted(rel)) continue;
    const name = basename(abs);
    const isDockerfile = globMatch ? globMatch(rel) : isDockerfileName(name);
    if (explicit.length === 0 && isDockerfile) add(abs);
    else if (opts.mcp?.(rel)) mcpFiles.push(abs);
    else if (opts.yaml && YAML_NAME.test(name) && !/^\.mcg\.ya?ml$/.test(name)) yamlFiles.push(abs);
  }
  if (globMatch && byPath.size === 0 && explicit.length === 0) {
    throw new UsageError(`no file below "${repoPath(root, scanRoot)}" matches the Dockerfile glob(s) ${globs.map((g) => `"${g}"`).join(', ')}`);
  }
  const dockerfiles = [...byPath.values()].sort((a, b) => (a.dockerfile < b.dockerfile ? -1 : a.dockerfile > b.dockerfile ? 1 : 0));
  return { dockerfiles, yamlFiles, mcpFiles, unread };
}

/** One leg of the reusable workflow's scan matrix. */
export interface MatrixEntry {
  /** Unique, artifact-name-safe label: `[a-z0-9._-]`, at most 64 characters. */
  target: string;
  /** Repository-relative Dockerfile path. */
  dockerfile: string;
  /** Repository-relative build context. */
  context: string;
}

export interface Matrix {
  include: MatrixEntry[];
}

export const MAX_SLUG = 64;
/** GitHub Actions: "A matrix can generate a maximum of 256 jobs per workflow run" (workflow syntax docs). */
export const MAX_MATRIX_JOBS = 256;

function rawSlug(dockerfile: string): string {
  const dir = dirname(dockerfile);
  const base = basename(dockerfile);
  const parts = dir === '.' ? [] : dir.split('/');
  if (!/^(Dockerfile|Containerfile)$/.test(base)) parts.push(base);
  const s = parts
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
  return s || 'root';
}

/**
 * Target labels for Dockerfile paths, in the given order: readable (`servers/weather/Dockerfile`
 * → `servers-weather`), safe in artifact names and SARIF categories, and unique even when case or
 * punctuation differ (`a-b/Dockerfile` and `a/b/Dockerfile` → `a-b`, `a-b-2`).
 */
export function targetSlugs(dockerfiles: readonly string[]): string[] {
  const used = new Set<string>();
  return dockerfiles.map((path) => {
    let s = rawSlug(path);
    if (s.length > MAX_SLUG) s = `${s.slice(0, MAX_SLUG - 9).replace(/[-.]+$/, '')}-${sha256Hex(path).slice(0, 8)}`;
    let out = s;
    for (let n = 2; used.has(out); n++) out = `${s.slice(0, MAX_SLUG - String(n).length - 1)}-${n}`;
    used.add(out);
    return out;
  });
}

/** The `strategy.matrix` value (`fromJSON`) for the Dockerfiles, in stable (path) order. */
export function matrixOf(dockerfiles: readonly DockerfileTarget[]): Matrix {
  if (dockerfiles.length > MAX_MATRIX_JOBS) {
    throw new UsageError(
      `${dockerfiles.length} Dockerfiles found, but a matrix runs at most ${MAX_MATRIX_JOBS} jobs: narrow the set with dockerfiles globs or exclude in .mcg.yml, or call the workflow once per group`,
    );
  }
  const sorted = [...dockerfiles].sort((a, b) => (a.dockerfile < b.dockerfile ? -1 : a.dockerfile > b.dockerfile ? 1 : 0));
  const slugs = targetSlugs(sorted.map((d) => d.dockerfile));
  return { include: sorted.map((d, i) => ({ target: slugs[i]!, dockerfile: d.dockerfile, context: d.context })) };
}

/** Reads a matrix written by `matrixOf` back (untrusted text): the Dockerfile paths it lists. */
export function parseMatrix(text: string): MatrixEntry[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`the matrix is not JSON (${(e as Error).message}): pass the output of mcg discover`);
  }
  const include = (data as { include?: unknown } | null)?.include;
  if (!Array.isArray(include) || include.length > MAX_MATRIX_JOBS) throw new UsageError(`the matrix must be {"include": [...]} with at most ${MAX_MATRIX_JOBS} entries, as mcg discover prints it`);
  return include.map((e: unknown, i) => {
    const o = e as Partial<Record<keyof MatrixEntry, unknown>> | null;
    const ok = (v: unknown, re: RegExp): v is string => typeof v === 'string' && v.length <= 4096 && re.test(v);
    const path = /^(?!\/)(?!(.*\/)?\.\.(\/|$))[^\u0000-\u001f\\]+$/;
    if (!o || !ok(o.target, /^[a-z0-9._-]{1,64}$/) || !ok(o.dockerfile, path) || !ok(o.context, path)) {
      throw new UsageError(`matrix entry ${i} is not {"target","dockerfile","context"} with a safe target and repository-relative paths`);
    }
    return { target: o.target, dockerfile: o.dockerfile, context: o.context };
  });
}
