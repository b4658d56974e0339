/**
 * Stages and the variables in force in them, worked out in time linear in the file: stage names
 * are looked up in an index (not by scanning the stages before), a stage's variables are built from
 * its parent's (never by walking the whole chain again), a variable map is copied once per ARG or
 * ENV instruction, not per instruction, and a chain is listed only for the stages asked for (the
 * rules ask for the final one; a rule that looks at every stage carries its state from the parent).
 *
 * Scoping as BuildKit's converter (dockerfile2llb) has it, without build arguments: a global ARG
 * (before the first FROM) is visible only in FROM lines unless the stage declares it again
 * (`ARG NAME`, which takes the global value); an ARG without a value and without a global one is
 * not set; ENV wins over an ARG of the same name; an ARG goes out of scope at the end of its stage,
 * while ENV is part of the image and so of every stage built FROM that stage.
 */
import type { DockerfileModel, Instruction, ParseIssue, Placed, Stage } from './model.js';
import { ExpansionError, processWord, type LexOptions } from './expand.js';

type Vars = Map<string, string | undefined>;

/**
 * Variables in force at the end of a stage. Those before each instruction are on the instruction
 * (memo.varsBefore): one map per ARG or ENV instruction, shared by the instructions up to the next,
 * and a stage without ARG or ENV shares its parent's map (95,000 chained stages made a handful of
 * maps per stage most of the model's memory).
 */
export interface VariablesMemo {
  end: ReadonlyMap<string, string | undefined>;
  /** Only the ENV values at the end: what a stage built FROM this one starts with. */
  envEnd: ReadonlyMap<string, string | undefined>;
}

const NO_VARIABLES: ReadonlyMap<string, string | undefined> = new Map();

/** Stage names (lower case) with the indexes of the stages carrying each, ascending. */
export type StageNames = Map<string, number[]>;

export function addStageName(names: StageNames, stage: Stage): void {
  const name = stage.name;
  if (name === undefined || name === '') return;
  const low = name.toLowerCase();
  const list = names.get(low);
  if (list) list.push(stage.index);
  else names.set(low, [stage.index]);
}

/** The last index in an ascending list below `before`. */
function lastBelow(list: readonly number[] | undefined, before: number): number | undefined {
  if (!list) return undefined;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < before) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? list[lo - 1] : undefined;
}

/** The last stage named `low` (lower case) before stage `before`, through the index. */
export function stageNamedBefore(names: StageNames, low: string, before: number): number | undefined {
  return lastBelow(names.get(low), before);
}

/** Resolves `COPY --from=<x>` / `FROM <x>`: a stage name (case-insensitive) or index before `before`. */
export function resolveStageRef(model: DockerfileModel, ref: string, before: number): number | undefined {
  if (/^\d+$/.test(ref)) {
    const n = Number(ref);
    return n < before ? n : undefined;
  }
  const low = ref.toLowerCase();
  if (model.stageNames) return stageNamedBefore(model.stageNames, low, before);
  for (let i = before - 1; i >= 0; i--) if (model.stages[i]!.name?.toLowerCase() === low) return i;
  return undefined;
}

/** The stage that is built: the named `target`, else the last one. */
export function finalStage(model: DockerfileModel, target?: string): Stage | undefined {
  if (target) {
    const idx = resolveStageRef(model, target, model.stages.length);
    if (idx !== undefined) return model.stages[idx];
  }
  return model.stages[model.stages.length - 1];
}

/** The stage and its ancestors through `FROM <stage>`, root first (a parent always comes earlier in the file). */
export function stageChain(model: DockerfileModel, stage: Stage): Stage[] {
  if (stage.parent === undefined) return [stage];
  const chain: Stage[] = [];
  let s: Stage | undefined = stage;
  let last = Infinity;
  while (s && s.index < last) {
    last = s.index;
    chain.push(s);
    s = s.parent !== undefined ? model.stages[s.parent] : undefined;
  }
  return chain.reverse();
}

/** Instructions that make up the image of `stage`: its chain's in order, worked out once per stage; read-only. */
export function chainInstructions(model: DockerfileModel, stage: Stage): readonly Instruction[] {
  // a stage on an external image (nearly all) is its own chain
  if (stage.parent === undefined) return stage.instructions;
  return (stage.memo.chain ??= stageChain(model, stage).flatMap((s) => s.instructions));
}

/** The instructions of a stage's chain with the stage that holds each, root first; worked out once per stage, read-only. */
export function chainPlaced(model: DockerfileModel, stage: Stage): readonly Placed[] {
  return (stage.memo.placed ??= stageChain(model, stage).flatMap((s) => s.instructions.map((ins) => ({ ins, stage: s }))));
}

/** The external image at the root of a stage's chain. */
export function rootImage(model: DockerfileModel, stage: Stage): import('./model.js').ImageRef | undefined {
  return stageChain(model, stage)[0]?.image;
}

/**
 * Variables visible to `ins` in its stage: the stage's ARGs (global ones re-declared with
 * `ARG NAME`) and the ENV values of its chain, in order. An undefined value: declared, not set.
 */
export function variablesAt(model: DockerfileModel, stage: Stage, ins?: Instruction): ReadonlyMap<string, string | undefined> {
  const memo = (stage.memo.vars ??= stageVariables(model, stage, []));
  return (ins && ins.stageIndex === stage.index && ins.memo.varsBefore) || memo.end;
}

/** The environment of the final image: ENV values of the chain (ARGs are not in the image). */
export function imageEnv(model: DockerfileModel, stage: Stage): Map<string, { value: string | undefined; ins: Instruction }> {
  const env = new Map<string, { value: string | undefined; ins: Instruction }>();
  for (const i of chainInstructions(model, stage)) {
    if (i.keyword !== 'ENV') continue;
    for (const p of i.properties) env.set(p.name, { value: p.value, ins: i });
  }
  return env;
}

/**
 * The blank-separated words of an ARG/ENV argument with quotes and escapes kept, as BuildKit's
 * parser splits them before its lexer expands each value.
 */
export function rawWords(text: string, escape: string): string[] {
  const words: string[] = [];
  let word = '';
  let quote = '';
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote === '' && /\s/.test(c)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
      continue;
    }
    inWord = true;
    // the escape character escapes anything but inside single quotes; at the very end it is dropped
    if (c === escape && quote !== "'") {
      if (i + 1 < text.length) word += c + text[++i]!;
      continue;
    }
    if (quote === '' && (c === '"' || c === "'")) quote = c;
    else if (c === quote) quote = '';
    word += c;
  }
  if (inWord) words.push(word);
  return words;
}

/** `name` → undefined (no value) or the raw value of each ARG/ENV property as written. */
export function rawProperties(ins: Instruction, escape: string): { name: string; raw: string | undefined }[] {
  const words = rawWords(ins.rest, escape);
  if (ins.keyword === 'ENV' && words.length > 0 && !words[0]!.includes('=')) {
    // the legacy `ENV NAME value …` form: the rest of the line is one value
    const m = /^\s*\S+\s+([^]*)$/.exec(ins.rest);
    return [{ name: words[0]!, raw: m ? m[1]!.trim() : undefined }];
  }
  return words.map((w) => {
    const eq = w.indexOf('=');
    return eq < 0 ? { name: w, raw: undefined } : { name: w.slice(0, eq), raw: w.slice(eq + 1) };
  });
}

/**
 * Expands one value; a value BuildKit rejects or that outgrows the bound is reported on its line
 * and gives null: BuildKit stops at it, so the instruction assigns nothing from there on.
 */
export function expandValue(raw: string, vars: ReadonlyMap<string, string | undefined>, opt: LexOptions, at: { line: number; issues: ParseIssue[] }): string | null {
  try {
    return processWord(raw, (n) => vars.get(n), opt);
  } catch (e) {
    if (!(e instanceof ExpansionError)) throw e;
    const what = e.overflow ? `${e.message}: the value was not expanded and is not checked` : `BuildKit cannot expand it (${e.message}): the build fails here`;
    at.issues.push({ line: at.line, message: `variable expansion: ${what}`, fatal: false });
    return null;
  }
}

/** One global ARG instruction: each value expanded against the global ARGs before it. */
export function globalVariables(model: DockerfileModel, ins: Instruction, issues: ParseIssue[]): void {
  const opt = { escape: model.escape };
  for (const p of rawProperties(ins, model.escape)) {
    const v = p.raw === undefined ? undefined : expandValue(p.raw, model.globalArgs, opt, { line: ins.line, issues });
    if (v === null) return;
    // declared again without a value: the earlier value stays
    if (v === undefined && model.globalArgs.has(p.name)) continue;
    model.globalArgs.set(p.name, v);
  }
}

/** What each ARG/ENV instruction assigns: name and expanded value in order (undefined: declared, not set). */
export type Assignments = Map<Instruction, [string, string | undefined][]>;

/**
 * The variables of one stage: its parent's ENV values, then each ARG/ENV instruction in order.
 * Issues (a value BuildKit rejects, one over the bound) go to `issues` when the model is built;
 * what each instruction assigns goes to `assigned` when one is given (the differential test asks).
 */
export function stageVariables(model: DockerfileModel, stage: Stage, issues: ParseIssue[], assigned?: Assignments): VariablesMemo {
  const parent = stage.parent !== undefined && stage.parent < stage.index ? model.stages[stage.parent] : undefined;
  const inherited = parent ? (parent.memo.vars ??= stageVariables(model, parent, [])).envEnd : NO_VARIABLES;
  const opt = { escape: model.escape };
  // copied on write: a stage that sets nothing shares its parent's maps
  let vars: ReadonlyMap<string, string | undefined> = inherited;
  let env: ReadonlyMap<string, string | undefined> = inherited;
  for (const ins of stage.instructions) {
    ins.memo.varsBefore = vars;
    if (ins.keyword !== 'ARG' && ins.keyword !== 'ENV') continue;
    const props = rawProperties(ins, model.escape);
    if (props.length === 0) continue;
    const next: Vars = new Map(vars);
    const at = { line: ins.line, issues };
    const mine: [string, string | undefined][] = [];
    assigned?.set(ins, mine);
    if (ins.keyword === 'ARG') {
      for (const p of props) {
        const v = p.raw !== undefined ? expandValue(p.raw, next, opt, at) : model.globalArgs.get(p.name);
        if (v === null) break;
        mine.push([p.name, v]);
        // ENV wins over an ARG of the same name; one declared again without a value keeps the earlier value
        if (!env.has(p.name) && !(v === undefined && next.has(p.name))) next.set(p.name, v);
      }
    } else {
      // ENV expands all its values first and assigns none when one fails
      const values = props.filter((p) => p.raw !== undefined).map((p) => [p.name, expandValue(p.raw!, vars, opt, at)] as const);
      if (values.every(([, v]) => v !== null)) {
        // no ARG in force: the variables are the ENV values, and one map serves both
        const nextEnv = env === vars ? next : new Map(env);
        for (const [n, v] of values) {
          mine.push([n, v!]);
          next.set(n, v!);
          nextEnv.set(n, v!);
        }
        env = nextEnv;
      }
    }
    vars = next;
  }
  return { end: vars, envEnd: env };
}
