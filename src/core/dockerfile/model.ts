/**
 * The Dockerfile as the rules see it: stages, instructions with 1-based lines,
 * flags, exec/shell forms, heredocs, ARG defaults substituted. Built on our own parser
 * (reader/: BuildKit's grammar, held to BuildKit by test/differential/buildkit-reader.test.ts) and kept pure.
 */
import { effectiveArgv, parseShell, programName, type ShellCommand } from './shell.js';
import { parseText, type ParsedDockerfile } from './reader/parsed.js';

/** The instructions Docker knows (model.ts reports any other). */
const KEYWORDS: ReadonlySet<string> = new Set(
  ['ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL', 'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR'],
);
import { shortenSecretLike } from '../secret-registry.js';
import { fromBase } from './from-base.js';

export { parseImageRef } from './from-base.js';
import { addStageName, globalVariables, stageNamedBefore, stageVariables, type StageNames, type VariablesMemo } from './stages.js';

export { expand, processWord, MAX_EXPANDED, ExpansionError } from './expand.js';
export {
  chainInstructions,
  chainPlaced,
  finalStage,
  imageEnv,
  resolveStageRef,
  rootImage,
  stageChain,
  variablesAt,
  rawProperties,
  type VariablesMemo,
} from './stages.js';

export interface ParseIssue {
  line: number;
  message: string;
  /** Nothing in the file could be checked. */
  fatal: boolean;
}

export interface Property {
  name: string;
  value: string | undefined;
  line: number;
}

export interface Heredoc {
  name: string;
  body: string;
  line: number;
}

export interface Instruction {
  keyword: string;
  /** 1-based first and last line. */
  line: number;
  endLine: number;
  /** Arguments as written, continuation lines joined by the parser. */
  args: string;
  /** Leading `--name=value` flags (repeatable: `--mount` may appear twice). */
  flags: Record<string, string[]>;
  /** Arguments after the flags, as written (heredoc bodies included). */
  rest: string;
  /** Exec form (`["a","b"]`) when the arguments are a JSON array of strings. */
  json?: string[];
  heredocs: Heredoc[];
  /** ENV/ARG/LABEL properties. */
  properties: Property[];
  /** -1 for global ARGs before the first FROM. */
  stageIndex: number;
  /** Facts several rules ask for, worked out once (see commandsOf); not part of the parsed text. */
  readonly memo: InstructionMemo;
}

/**
 * What the helpers shared by the rules work out once per instruction. Fields on the instruction,
 * not WeakMaps: a WeakMap lookup and its cost to the garbage collector were measured dearer than
 * the work it saved.
 */
export interface InstructionMemo {
  commands: readonly ShellCommand[] | undefined;
  deepCommands: readonly ShellCommand[] | undefined;
  /** null: worked out, and the instruction has no operands. */
  copyOperands: { readonly sources: readonly string[]; readonly dest: string } | null | undefined;
  /** normalizedText of the instruction, for fingerprint keys (see insKey). */
  normalized: string | undefined;
  /** What the instruction runs, with the shell's quote and escape characters taken out (see mayMention). */
  unquoted: string | undefined;
}

export interface ImageRef {
  /** Reference after expansion with the global ARGs, as BuildKit reads it without build arguments. */
  ref: string;
  registry?: string;
  /** Repository path without registry, tag or digest, e.g. `library/python` is `python`. */
  repository: string;
  tag?: string;
  digest?: string;
  scratch: boolean;
  /** Names a global ARG declared without a value: a build argument decides the reference. */
  unresolved: boolean;
  /** A build argument could change the tag or digest part (MCG004 asks). */
  tagVaries?: boolean;
}

export interface Stage {
  index: number;
  name?: string;
  from: Instruction;
  /** The FROM argument after expansion with the global ARGs (BuildKit's stage base). */
  base: string;
  /** The FROM argument as written. */
  baseRaw?: string;
  platform?: string;
  /** Index of the stage this one is built FROM, when it is a stage. */
  parent?: number;
  /** The external image, when the base is not a stage. */
  image?: ImageRef;
  /** Instructions after the FROM, in order. */
  instructions: Instruction[];
  /** The stage's chain, worked out once (see chainPlaced); not part of the parsed text. */
  readonly memo: StageMemo;
}

/** An instruction together with the stage that holds it. */
export interface Placed {
  readonly ins: Instruction;
  readonly stage: Stage;
}

export interface StageMemo {
  chain: readonly Instruction[] | undefined;
  placed: readonly Placed[] | undefined;
  /** The variables in force before each instruction of the chain, and after the last (see variablesAt). */
  vars: VariablesMemo | undefined;
}

export interface DockerfileModel {
  path: string;
  lines: string[];
  escape: string;
  directives: Record<string, string>;
  /** ARGs before the first FROM with their defaults (substituted in FROM lines). */
  globalArgs: Map<string, string | undefined>;
  globalInstructions: Instruction[];
  stages: Stage[];
  /** Every instruction in file order. */
  instructions: Instruction[];
  issues: ParseIssue[];
  /** Stage names (lower case) → stage indexes, ascending (see resolveStageRef). */
  stageNames?: StageNames;
}

/** The flags of an instruction that has none (frozen: shared by all of them). */
const NO_FLAGS: Record<string, string[]> = Object.freeze({}) as Record<string, string[]>;

/** True for the characters JavaScript's `\s` matches (ASCII blanks and line ends, and Unicode spaces). */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || (c > 127 && /\s/.test(String.fromCharCode(c)));
}

/**
 * The blank-separated words of a text: `text.trim().split(/\s+/).filter(Boolean)` without the
 * regular expression and the empty strings (every FROM, EXPOSE and COPY asks for them).
 */
export function blankWords(text: string): string[] {
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    if (isSpace(text.charCodeAt(i))) {
      if (start >= 0) {
        out.push(text.slice(start, i));
        start = -1;
      }
    } else if (start < 0) start = i;
  }
  if (start >= 0) out.push(text.slice(start));
  return out;
}

/**
 * The model as a class: one shape for every file, with `lines` split from the text only when
 * someone reads them (few callers do). A getter defined per object (Object.defineProperty) was
 * measured to cost more than the split it saved, and it gave each model a shape of its own.
 */
class Model implements DockerfileModel {
  readonly path: string;
  readonly escape: string;
  readonly directives: Record<string, string>;
  readonly globalArgs = new Map<string, string | undefined>();
  readonly globalInstructions: Instruction[] = [];
  readonly stages: Stage[] = [];
  readonly instructions: Instruction[] = [];
  readonly issues: ParseIssue[];
  readonly stageNames: StageNames = new Map();
  private readonly text: string;
  private split: string[] | undefined = undefined;
  constructor(path: string, text: string, escape: string, directives: Record<string, string>, issues: ParseIssue[]) {
    this.path = path;
    this.text = text;
    this.escape = escape;
    this.directives = directives;
    this.issues = issues;
  }
  get lines(): string[] {
    return (this.split ??= this.text.split(/\r?\n/));
  }
  set lines(v: string[]) {
    this.split = v;
  }
}

/**
 * Parses Dockerfile text. Never throws for bad input: problems become `issues` with a line,
 * and whatever could be read is still returned so that the other rules run.
 */
export function parseDockerfile(path: string, text: string): DockerfileModel {
  return modelFromParsed(path, text, parseText(text));
}

/** Builds the model from parsed instructions (exported for the differential test, which feeds it the oracle's). */
export function modelFromParsed(path: string, text: string, parsed: ParsedDockerfile): DockerfileModel {
  const issues: ParseIssue[] = [];
  const model = new Model(path, text, parsed.escape, parsed.directives, issues);
  // BuildKit refuses a file whose directives it rejects: nothing it would build can be checked
  for (const e of parsed.errors ?? []) issues.push({ line: e.line, message: e.message, fatal: true });
  let current: Stage | undefined;
  for (const a of parsed.instructions) {
    const keyword = a.keyword;
    const line = a.line;
    const endLine = a.endLine;
    // most instructions have no flags: they share one empty (frozen) record, one shape for V8
    let flags = NO_FLAGS;
    // the argument text after the flags, as written (continuations joined, heredoc bodies kept)
    const rest = a.rest;
    let args = rest;
    if (a.flags.length > 0) {
      flags = {};
      let written = '';
      for (const f of a.flags) {
        (flags[f.name.toLowerCase()] ??= []).push(f.value ?? '');
        written += `${f.text} `;
      }
      args = `${written}${rest}`.trimEnd();
    }
    if (!KEYWORDS.has(keyword)) {
      issues.push({
        line,
        // a pasted `.env` line is an "instruction" too: its value is shortened, never echoed
        message: `unknown instruction "${shortenSecretLike(keyword)}": Docker rejects it; fix the spelling or remove the line`,
        fatal: false,
      });
    }
    const ins: Instruction = {
      keyword,
      line,
      endLine,
      args,
      flags,
      rest,
      json: keyword === 'RUN' || keyword === 'CMD' || keyword === 'ENTRYPOINT' || keyword === 'SHELL' || keyword === 'HEALTHCHECK' ? a.json : undefined,
      heredocs: a.heredocs,
      properties: a.properties,
      stageIndex: current?.index ?? -1,
      memo: { commands: undefined, deepCommands: undefined, copyOperands: undefined, normalized: undefined, unquoted: undefined },
    };
    model.instructions.push(ins);
    if (keyword === 'FROM') {
      const words = blankWords(rest);
      const baseRaw = words[0] ?? '';
      const asIdx = words.findIndex((w) => w.toLowerCase() === 'as');
      const name = asIdx >= 0 ? words[asIdx + 1] : undefined;
      const from = fromBase(baseRaw, model, line);
      const base = from.base;
      const index = model.stages.length;
      ins.stageIndex = index;
      const parent = stageNamedBefore(model.stageNames, base.toLowerCase(), index);
      const stage: Stage = {
        index,
        name,
        from: ins,
        base,
        baseRaw,
        platform: flags['platform']?.[0],
        parent,
        image: parent === undefined ? from.image : undefined,
        instructions: [],
        memo: { chain: undefined, placed: undefined, vars: undefined },
      };
      if (baseRaw === '') issues.push({ line, message: 'FROM names no image: write FROM <image>[:tag]', fatal: false });
      model.stages.push(stage);
      addStageName(model.stageNames, stage);
      current = stage;
      continue;
    }
    if (current === undefined) {
      if (keyword === 'ARG') {
        model.globalInstructions.push(ins);
        globalVariables(model, ins, issues);
      } else {
        issues.push({ line, message: `${keyword} before the first FROM: only ARG may come before FROM`, fatal: false });
        model.globalInstructions.push(ins);
      }
      continue;
    }
    current.instructions.push(ins);
  }
  // the variables of every stage, worked out now so that a value BuildKit rejects or one that
  // outgrows the bound is reported on its line when the model is built
  for (const stage of model.stages) stage.memo.vars = stageVariables(model, stage, issues);
  if (model.stages.length === 0) {
    const empty = model.lines.every((l) => l.trim() === '' || l.trim().startsWith('#'));
    issues.push({
      line: 1,
      message: empty ? 'the Dockerfile is empty: it needs at least a FROM instruction' : 'no FROM instruction: a Dockerfile must start a stage with FROM <image>',
      fatal: true,
    });
  }
  return model;
}

const SHELL_PROGRAM = /^(sh|bash|ash|dash|zsh|ksh)$/;

/** True when a command is a shell that reads its script from stdin (`bash`, `sh -ex`, not `sh -c …` or `sh x.sh`). */
function readsScriptFromStdin(cmd: ShellCommand): boolean {
  const argv = effectiveArgv(cmd.argv);
  return SHELL_PROGRAM.test(programName(argv[0])) && argv.slice(1).every((a) => a.startsWith('-') && a !== '-c');
}

/**
 * The shell script(s) a RUN executes: the shell-form text, the exec form joined, or with heredocs
 * the command line plus the bodies a shell runs. `RUN <<EOF` runs its body; `RUN python3 <<EOF` or
 * `RUN cat <<EOF > /etc/x` feed the body to a program as data, so the body is not shell here.
 */
export function runScript(ins: Instruction): string {
  if (ins.json) return ins.json.map((w) => (/[\s"'$]/.test(w) ? JSON.stringify(w) : w)).join(' ');
  if (ins.heredocs.length > 0) {
    const firstLine = ins.rest.split('\n')[0] ?? '';
    const prefix = firstLine.replace(/<<-?(["']?)[A-Za-z_][A-Za-z0-9_]*\1/g, '').trim();
    const bodies = ins.heredocs.map((h) => h.body).join('\n');
    if (!prefix) return bodies;
    return parseShell(prefix).some(readsScriptFromStdin) ? `${prefix}\n${bodies}` : prefix;
  }
  return ins.rest;
}

/**
 * Simple commands of a RUN/CMD/ENTRYPOINT/HEALTHCHECK. Exec form is one command. Several rules
 * ask for the same instruction; it is split once per instruction object, and every caller gets
 * that same list (read-only: neither it nor its commands may be modified).
 */
export function commandsOf(ins: Instruction): readonly ShellCommand[] {
  return (ins.memo.commands ??= splitCommands(ins));
}

function splitCommands(ins: Instruction): ShellCommand[] {
  if (ins.json) {
    // ["sh","-c","…"] runs a script: look inside it
    const [a, b, c] = ins.json;
    if (a && /(^|\/)(ba)?sh$/.test(a) && b === '-c' && c !== undefined) return parseShell(c);
    return [{ argv: ins.json, assignments: [], op: '' }];
  }
  if (ins.keyword === 'HEALTHCHECK') return parseShell(ins.rest.replace(/^CMD\s+/i, ''));
  return parseShell(runScript(ins));
}

/**
 * Version-shaped parts of an instruction, masked so that a fingerprint survives a version bump
 * (DESIGN §3): digests, values after a pin operator (`pkg==1.2.3`, `pkg@1.2.3`, `curl=7.88.1-10`,
 * `image:22-slim`, `--chown=1000:1000`) and dotted numbers standing alone (`ENV V 22.1.0`).
 */
function maskVersions(text: string): string {
  return text
    .replace(/sha256:[0-9a-f]{64}/gi, 'sha256:<digest>')
    .replace(/(==|~=|>=|<=|!=|\^|~|[=@:])v?\d[^\s"',;)\]}]*/g, '$1<v>')
    .replace(/\b\d+(?:\.\d+)+\b/g, '<v>');
}

/** Normalised instruction text for fingerprints: keyword + whitespace-folded arguments, versions masked. */
export function normalizedText(ins: Instruction): string {
  return `${ins.keyword} ${maskVersions(ins.args.replace(/\\\r?\n/g, ' ').replace(/\s+/g, ' ').trim())}`;
}
