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
import { type LexOptions } from './expand.js';
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
/** Stage names (lower case) with the indexes of the stages carrying each, ascending. */
export type StageNames = Map<string, number[]>;
export declare function addStageName(names: StageNames, stage: Stage): void;
/** The last stage named `low` (lower case) before stage `before`, through the index. */
export declare function stageNamedBefore(names: StageNames, low: string, before: number): number | undefined;
/** Resolves `COPY --from=<x>` / `FROM <x>`: a stage name (case-insensitive) or index before `before`. */
export declare function resolveStageRef(model: DockerfileModel, ref: string, before: number): number | undefined;
/** The stage that is built: the named `target`, else the last one. */
export declare function finalStage(model: DockerfileModel, target?: string): Stage | undefined;
/** The stage and its ancestors through `FROM <stage>`, root first (a parent always comes earlier in the file). */
export declare function stageChain(model: DockerfileModel, stage: Stage): Stage[];
/** Instructions that make up the image of `stage`: its chain's in order, worked out once per stage; read-only. */
export declare function chainInstructions(model: DockerfileModel, stage: Stage): readonly Instruction[];
/** The instructions of a stage's chain with the stage that holds each, root first; worked out once per stage, read-only. */
export declare function chainPlaced(model: DockerfileModel, stage: Stage): readonly Placed[];
/** The external image at the root of a stage's chain. */
export declare function rootImage(model: DockerfileModel, stage: Stage): import('./model.js').ImageRef | undefined;
/**
 * Variables visible to `ins` in its stage: the stage's ARGs (global ones re-declared with
 * `ARG NAME`) and the ENV values of its chain, in order. An undefined value: declared, not set.
 */
export declare function variablesAt(model: DockerfileModel, stage: Stage, ins?: Instruction): ReadonlyMap<string, string | undefined>;
/** The environment of the final image: ENV values of the chain (ARGs are not in the image). */
export declare function imageEnv(model: DockerfileModel, stage: Stage): Map<string, {
    value: string | undefined;
    ins: Instruction;
}>;
/**
 * The blank-separated words of an ARG/ENV argument with quotes and escapes kept, as BuildKit's
 * parser splits them before its lexer expands each value.
 */
export declare function rawWords(text: string, escape: string): string[];
/** `name` → undefined (no value) or the raw value of each ARG/ENV property as written. */
export declare function rawProperties(ins: Instruction, escape: string): {
    name: string;
    raw: string | undefined;
}[];
/**
 * Expands one value; a value BuildKit rejects or that outgrows the bound is reported on its line
 * and gives null: BuildKit stops at it, so the instruction assigns nothing from there on.
 */
export declare function expandValue(raw: string, vars: ReadonlyMap<string, string | undefined>, opt: LexOptions, at: {
    line: number;
    issues: ParseIssue[];
}): string | null;
/** One global ARG instruction: each value expanded against the global ARGs before it. */
export declare function globalVariables(model: DockerfileModel, ins: Instruction, issues: ParseIssue[]): void;
/** What each ARG/ENV instruction assigns: name and expanded value in order (undefined: declared, not set). */
export type Assignments = Map<Instruction, [string, string | undefined][]>;
/**
 * The variables of one stage: its parent's ENV values, then each ARG/ENV instruction in order.
 * Issues (a value BuildKit rejects, one over the bound) go to `issues` when the model is built;
 * what each instruction assigns goes to `assigned` when one is given (the differential test asks).
 */
export declare function stageVariables(model: DockerfileModel, stage: Stage, issues: ParseIssue[], assigned?: Assignments): VariablesMemo;
