/**
 * Docker adapter: pure argv builders for `docker build` / `docker save`, and the reading of a
 * failed build's output back to the Dockerfile line that failed (classic builder `Step N/M : …`,
 * BuildKit `Dockerfile:LINE` and `[stage N/M] INSTR`). run*() = exec + parse.
 */
import { createHash } from 'node:crypto';
import type { Exec } from '../core/types.js';
import type { DockerfileModel } from '../core/dockerfile/model.js';
import { normalizedText } from '../core/dockerfile/model.js';
import { exitDescription, outputTail } from './errors.js';

export interface BuildOptions {
  /** Absolute context directory. */
  context: string;
  /** Absolute Dockerfile path. */
  dockerfile: string;
  target?: string;
  buildArgs?: Record<string, string>;
  platform?: string;
  tag: string;
  /** Extra words (from MCG_DOCKER_BUILD_EXTRA_ARGS), inserted right after `build`. */
  extraArgs?: string[];
  /** Use `docker buildx build --load`. */
  buildx?: boolean;
  /** `--cache-from V` / `--cache-to V` words (src/core/build-cache.ts cacheArgs), buildx only. */
  cacheArgs?: string[];
}

/** Splits MCG_DOCKER_BUILD_EXTRA_ARGS into words (whitespace; no shell, no quoting). */
export function splitExtraArgs(value: string | undefined): string[] {
  return (value ?? '').split(/\s+/).filter(Boolean);
}

/** `mcg-scan/<slug>:<hash>` — a tag of our own per Dockerfile, context and target. */
export function imageTag(dockerfileRepoPath: string, contextRepoPath: string, target?: string): string {
  const slug =
    dockerfileRepoPath
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 100) || 'dockerfile';
  const hash = createHash('sha256').update(`${dockerfileRepoPath}\0${contextRepoPath}\0${target ?? ''}`).digest('hex').slice(0, 12);
  return `mcg-scan/${slug}:${hash}`;
}

export function buildArgs(o: BuildOptions): string[] {
  const args = o.buildx ? ['buildx', 'build', ...(o.extraArgs ?? []), '--load'] : ['build', ...(o.extraArgs ?? [])];
  args.push('-f', o.dockerfile);
  if (o.target) args.push('--target', o.target);
  for (const [k, v] of Object.entries(o.buildArgs ?? {})) args.push('--build-arg', `${k}=${v}`);
  if (o.platform) args.push('--platform', o.platform);
  if (o.buildx) for (const a of o.cacheArgs ?? []) args.push(a);
  args.push('-t', o.tag, o.context);
  return args;
}

export function saveArgs(ref: string, out: string): string[] {
  return ['save', '-o', out, ref];
}

/** True when `docker buildx version` works. */
export async function hasBuildx(exec: Exec, docker: string, env?: Record<string, string>): Promise<boolean> {
  const r = await exec(docker, ['buildx', 'version'], { timeoutMs: 20_000, env });
  return r.exitCode === 0 && !r.timedOut;
}

/** buildx's current driver (`docker`, `docker-container`, …) from `docker buildx inspect`; undefined when unknown. */
export async function buildxDriver(exec: Exec, docker: string, env?: Record<string, string>): Promise<string | undefined> {
  const r = await exec(docker, ['buildx', 'inspect'], { timeoutMs: 20_000, env });
  if (r.exitCode !== 0 || r.timedOut) return undefined;
  return parseBuildxDriver(r.stdout);
}

/** The `Driver:` line of `docker buildx inspect`. Pure. */
export function parseBuildxDriver(out: string): string | undefined {
  const m = /^Driver:\s*(\S+)/m.exec(out);
  return m?.[1];
}

export interface BuildFailure {
  /** 1-based Dockerfile line of the failing instruction (undefined: not found). */
  line?: number;
  /** What the builder said, redacted. */
  message: string;
}

function matchByText(model: DockerfileModel, text: string): number | undefined {
  const want = text.replace(/\s+/g, ' ').trim().toLowerCase();
  if (!want) return undefined;
  const ins = model.instructions.filter((i) => {
    const n = normalizedText(i).toLowerCase();
    return n === want || n.startsWith(want) || want.startsWith(n);
  });
  return ins.length > 0 ? ins[ins.length - 1]!.line : undefined;
}

/** Reads the failing instruction out of a failed build's output. Pure. */
export function parseBuildFailure(output: string, model: DockerfileModel, dockerfileName: string): BuildFailure {
  const message = outputTail(output, 8, 1200);
  const lines = output.split(/\r?\n/);
  // BuildKit: `Dockerfile:7` (the file name as given) in the error block
  const base = dockerfileName.slice(dockerfileName.lastIndexOf('/') + 1);
  const esc = base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  for (let i = lines.length - 1; i >= 0; i--) {
    const m = new RegExp(`(?:^|\\s)${esc}:(\\d+)\\b`).exec(lines[i]!);
    if (m) {
      const n = Number(m[1]);
      if (n >= 1 && n <= model.lines.length) return { line: n, message };
    }
  }
  // BuildKit progress: `#8 [stage-1 3/5] RUN apt-get …` or `ERROR [2/4] RUN …`: the last one that failed
  for (let i = lines.length - 1; i >= 0; i--) {
    const m = /\[(?:[\w.-]+ )?\d+\/\d+\]\s+([A-Z]+\s.*)$/.exec(lines[i]!);
    if (m && /ERROR|error|failed/.test(lines[i]!)) {
      const l = matchByText(model, m[1]!);
      if (l !== undefined) return { line: l, message };
    }
  }
  // classic builder: the last `Step N/M : INSTR` before the error
  for (let i = lines.length - 1; i >= 0; i--) {
    const m = /^Step (\d+)\/(\d+) : (.*)$/.exec(lines[i]!.trim());
    if (m) {
      const n = Number(m[1]);
      const total = Number(m[2]);
      const text = m[3]!;
      // classic counts every instruction, global ARGs included, when the counts agree
      const byIndex = total === model.instructions.length ? model.instructions[n - 1] : undefined;
      if (byIndex && text.toUpperCase().startsWith(byIndex.keyword)) return { line: byIndex.line, message };
      const l = matchByText(model, text);
      if (l !== undefined) return { line: l, message };
      break;
    }
  }
  for (let i = lines.length - 1; i >= 0; i--) {
    const m = /\[(?:[\w.-]+ )?\d+\/\d+\]\s+([A-Z]+\s.*)$/.exec(lines[i]!);
    if (m) {
      const l = matchByText(model, m[1]!);
      if (l !== undefined) return { line: l, message };
    }
  }
  return { message };
}

export interface DockerRunOptions {
  docker: string;
  env?: Record<string, string>;
  timeoutMs?: number;
}

export interface DockerStep {
  ok: boolean;
  /** Human-readable failure (redacted), when not ok. */
  failure?: string;
  output: string;
  durationMs: number;
}

export async function build(exec: Exec, o: DockerRunOptions, b: BuildOptions): Promise<DockerStep> {
  const t0 = Date.now();
  const r = await exec(o.docker, buildArgs(b), { timeoutMs: o.timeoutMs, env: o.env, maxStdoutBytes: 64 * 1024 * 1024 });
  const output = `${r.stdout}\n${r.stderr}`;
  if (r.exitCode === 0 && !r.timedOut) return { ok: true, output, durationMs: Date.now() - t0 };
  return { ok: false, failure: `docker build ${exitDescription(r, o.timeoutMs)}`, output, durationMs: Date.now() - t0 };
}

export async function save(exec: Exec, o: DockerRunOptions, ref: string, out: string): Promise<DockerStep> {
  const t0 = Date.now();
  const r = await exec(o.docker, saveArgs(ref, out), { timeoutMs: o.timeoutMs, env: o.env });
  if (r.exitCode === 0 && !r.timedOut) return { ok: true, output: '', durationMs: Date.now() - t0 };
  return { ok: false, failure: `docker save ${exitDescription(r, o.timeoutMs)}: ${outputTail(r.stderr) || '(no error output)'}`, output: r.stderr, durationMs: Date.now() - t0 };
}
