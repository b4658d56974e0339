/**
 * The Dockerfile as the rules see it: stages, instructions with 1-based lines,
 * flags, exec/shell forms, heredocs, ARG defaults substituted. Built on our own parser
 * (reader/: BuildKit's grammar, held to BuildKit by test/differential/buildkit-reader.test.ts) and kept pure.
 * The types are in model-types.ts, what RUN/CMD execute in run-script.ts, fingerprint text in
 * normalized.ts; everything is exported from here as before.
 */
import { parseText, type ParsedDockerfile } from './reader/parsed.js';
import { fromBase } from './from-base.js';
import { addStageName, globalVariables, stageNamedBefore, stageVariables, type StageNames } from './stages.js';
import { operandIssues } from './operand-issues.js';
import type { DockerfileModel, Instruction, ParseIssue, Stage } from './model-types.js';

export { parseImageRef } from './from-base.js';
export type { DockerfileModel, Heredoc, ImageRef, Instruction, InstructionMemo, ParseIssue, Placed, Property, Stage, StageMemo } from './model-types.js';
export { commandsOf, runScript } from './run-script.js';
export { normalizedText } from './normalized.js';

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
  constructor(init: { path: string; text: string; escape: string; directives: Record<string, string>; issues: ParseIssue[] }) {
    this.path = init.path;
    this.text = init.text;
    this.escape = init.escape;
    this.directives = init.directives;
    this.issues = init.issues;
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
  const model = new Model({ path, text, escape: parsed.escape, directives: parsed.directives, issues });
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
    const ins: Instruction = {
      keyword,
      line,
      endLine,
      args,
      flags,
      rest,
      json: keyword === 'RUN' || keyword === 'CMD' || keyword === 'ENTRYPOINT' || keyword === 'SHELL' || keyword === 'HEALTHCHECK' ? a.json : undefined,
      words: a.words,
      heredocs: a.heredocs,
      properties: a.properties,
      stageIndex: current?.index ?? -1,
      memo: { commands: undefined, deepCommands: undefined, copyOperands: undefined, normalized: undefined, unquoted: undefined, varsBefore: undefined },
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
      model.stages.push(stage);
      addStageName(model.stageNames, stage);
      current = stage;
      continue;
    }
    if (current === undefined) {
      // anything else before the first FROM is refused by the reader (BuildKit builds no stage)
      model.globalInstructions.push(ins);
      if (keyword === 'ARG') globalVariables(model, ins, issues);
      continue;
    }
    current.instructions.push(ins);
  }
  // the variables of every stage, worked out now so that a value BuildKit rejects or one that
  // outgrows the bound is reported on its line when the model is built
  for (const stage of model.stages) stage.memo.vars = stageVariables(model, stage, issues);
  operandIssues(model, issues);
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
