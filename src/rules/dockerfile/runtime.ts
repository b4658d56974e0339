/**
 * Helpers shared by the Dockerfile rules MCG011–MCG019: what the container runs at start,
 * which shell scripts hide inside exec-form arguments, whole-context COPY, the minimal bases.
 * Pure.
 */
import type { DockerfileModel, ImageRef, Instruction, Placed, Stage } from '../../core/dockerfile/model.js';
import { commandsOf, stageChain } from '../../core/dockerfile/model.js';
import { copyValues } from '../../core/dockerfile/values.js';
import { effectiveArgv, parseShell, programName, type ShellCommand } from '../../core/dockerfile/shell.js';

export type { Placed } from '../../core/dockerfile/model.js';
export { chainPlaced } from '../../core/dockerfile/model.js';

export interface Startup {
  entrypoint?: Placed;
  /** The CMD in force: unset when an ENTRYPOINT of a later stage reset an inherited one. */
  cmd?: Placed;
  healthcheck?: Placed;
}

/**
 * The CMD, ENTRYPOINT and HEALTHCHECK in force for `stage`, following its `FROM <stage>` chain.
 * As Docker does it: an ENTRYPOINT resets a CMD inherited from the base (a parent stage), but not
 * one set earlier in its own stage.
 */
export function startupOf(model: DockerfileModel, stage: Stage): Startup {
  const out: Startup = {};
  for (const s of stageChain(model, stage)) {
    let cmdSet = false;
    for (const ins of s.instructions) {
      if (ins.keyword === 'CMD') {
        out.cmd = { ins, stage: s };
        cmdSet = true;
      } else if (ins.keyword === 'ENTRYPOINT') {
        out.entrypoint = { ins, stage: s };
        if (!cmdSet) out.cmd = undefined;
      } else if (ins.keyword === 'HEALTHCHECK') {
        out.healthcheck = { ins, stage: s };
      }
    }
  }
  return out;
}

/** The stage that holds an instruction. */
export function ownerOf(model: DockerfileModel, ins: Instruction): Stage | undefined {
  return ins.stageIndex >= 0 ? model.stages[ins.stageIndex] : undefined;
}

export const SHELLS = new Set(['sh', 'bash', 'zsh', 'dash', 'ash', 'ksh', 'mksh', 'busybox-sh']);

/** `-c`, `-lc`, `-ec`, `-xec` …: a shell option cluster that takes a script. */
function isScriptFlag(word: string): boolean {
  return /^-[a-zA-Z]*c[a-zA-Z]*$/.test(word);
}

/** The script of `sh -c "<script>" …` / `bash -lc "<script>"`, when argv is such a call. */
export function shellScriptOf(argv: readonly string[]): string | undefined {
  const a = effectiveArgv(argv);
  if (!SHELLS.has(programName(a[0]))) return undefined;
  for (let i = 1; i < a.length; i++) {
    const w = a[i]!;
    if (isScriptFlag(w)) return a[i + 1];
    if (w === '-o' || w === '+o') {
      i++;
      continue;
    }
    if (!w.startsWith('-') && !w.startsWith('+')) return undefined;
  }
  return undefined;
}

/**
 * The simple commands an instruction runs, looking inside `sh -c` scripts (recursively, a few
 * levels) in both exec and shell form.
 */
export function commandsDeep(ins: Instruction): readonly ShellCommand[] {
  return deepCommands(ins);
}

function deepCommands(ins: Instruction): ShellCommand[] {
  const out: ShellCommand[] = [];
  const visit = (cmds: readonly ShellCommand[], depth: number): void => {
    for (const c of cmds) {
      out.push(c);
      const script = depth < 3 ? shellScriptOf(c.argv) : undefined;
      if (script !== undefined) visit(parseShell(script), depth + 1);
    }
  };
  if (ins.json) {
    const script = shellScriptOf(ins.json);
    const self: ShellCommand = { argv: ins.json, assignments: [], op: '' };
    if (script !== undefined) {
      out.push(self);
      visit(parseShell(script), 1);
    } else visit([self], 0);
    return out;
  }
  visit(commandsOf(ins), 0);
  return out;
}

/** Groups simple commands into pipelines (`a | b | c`). */
export function pipelines(cmds: readonly ShellCommand[]): ShellCommand[][] {
  const out: ShellCommand[][] = [];
  let cur: ShellCommand[] = [];
  for (const c of cmds) {
    cur.push(c);
    if (c.op !== '|') {
      out.push(cur);
      cur = [];
    }
  }
  if (cur.length > 0) out.push(cur);
  return out;
}

/** The program name alone, as programOf gives it, without building the argument list. */
export function programNameOf(argv: readonly string[]): string {
  const a = effectiveArgv(argv);
  const name = programName(a[0]);
  return name === 'busybox' && a.length > 1 ? programName(a[1]) : name;
}

/** Program name of a command with wrappers (sudo, env, exec, busybox) removed. */
export function programOf(argv: readonly string[]): { name: string; args: readonly string[] } {
  let a = effectiveArgv(argv);
  if (programName(a[0]) === 'busybox' && a.length > 1) a = a.slice(1);
  return { name: programName(a[0]), args: a.slice(1) };
}

/** True for python, python3, python3.12, pypy3 … */
export function isPythonProgram(name: string): boolean {
  return /^(python|pypy)[\d.]*$/.test(name);
}

/** True for pip, pip3, pip3.12 … */
export function isPipProgram(name: string): boolean {
  return /^pip[\d.]*$/.test(name);
}

/**
 * The arguments after `install` when the command is a pip install: `pip install …`, `pip3 install …`,
 * `python -m pip install …`. `uv pip install` is uv, not pip.
 */
export function pipInstallArgs(argv: readonly string[]): readonly string[] | undefined {
  const { name, args } = programOf(argv);
  let rest: readonly string[] | undefined;
  if (isPipProgram(name)) rest = args;
  else if (isPythonProgram(name)) {
    const m = args.indexOf('-m');
    if (m >= 0 && isPipProgram(args[m + 1] ?? '')) rest = args.slice(m + 2);
  }
  if (!rest) return undefined;
  // pip's global options may come before the subcommand: `pip --disable-pip-version-check install …`
  const sub = rest.findIndex((w) => !w.startsWith('-'));
  if (sub < 0 || rest[sub] !== 'install') return undefined;
  return [...rest.slice(0, sub), ...rest.slice(sub + 1)];
}

export interface CopyOperands {
  readonly sources: readonly string[];
  readonly dest: string;
}

/**
 * Source and destination of a COPY/ADD as BuildKit reads them (core/dockerfile/values.ts: its word
 * split, quotes removed, variables expanded with the ARG/ENV in scope, an unset one empty; heredoc
 * sources left out). Undefined when BuildKit would stop at the instruction (an expansion error) or
 * it has no destination.
 */
export function copyOperands(model: DockerfileModel, ins: Instruction): CopyOperands | undefined {
  const memo = ins.memo.copyOperands;
  if (memo !== undefined) return memo ?? undefined;
  const found = operandsOf(model, ins);
  ins.memo.copyOperands = found ?? null;
  return found;
}

function operandsOf(model: DockerfileModel, ins: Instruction): CopyOperands | undefined {
  const owner = ownerOf(model, ins);
  if (!owner || (ins.words ?? []).length < 2) return undefined;
  const v = copyValues(model, owner, ins);
  return v.ok ? v.value : undefined;
}

const WHOLE_CONTEXT = new Set(['.', './', '/', '*', './*', '/*']);

/** `COPY . …` / `ADD . …` / `COPY * …` from the build context (no `--from`): the whole context. */
export function isWholeContextCopy(model: DockerfileModel, ins: Instruction): boolean {
  if (ins.keyword !== 'COPY' && ins.keyword !== 'ADD') return false;
  if (ins.flags['from'] !== undefined) return false;
  const ops = copyOperands(model, ins);
  return ops !== undefined && ops.sources.some((s) => WHOLE_CONTEXT.has(s));
}

export type MinimalBase = 'scratch' | 'distroless' | 'chainguard';

/**
 * Bases that ship no shell and no downloader: scratch, Google distroless (not `:debug`),
 * Chainguard images (not `-dev`).
 */
export function minimalBase(img: ImageRef | undefined): MinimalBase | undefined {
  if (!img || img.unresolved) return undefined;
  if (img.scratch) return 'scratch';
  const tag = img.tag ?? 'latest';
  if (img.registry === 'gcr.io' && img.repository.startsWith('distroless/') && !/debug/.test(tag)) return 'distroless';
  if (img.registry === 'cgr.dev' && img.repository.startsWith('chainguard/') && !/(^|-)dev$/.test(tag)) return 'chainguard';
  return undefined;
}


/** The first word that is not an option, skipping the values of the options in `withValue`. */
export function firstPositional(args: readonly string[], withValue: ReadonlySet<string> = new Set()): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const w = args[i]!;
    if (w === '--') return args[i + 1];
    if (withValue.has(w)) {
      i++;
      continue;
    }
    if (w.startsWith('-')) continue;
    return w;
  }
  return undefined;
}
