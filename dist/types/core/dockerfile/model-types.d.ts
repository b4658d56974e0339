/**
 * The shape of the Dockerfile model the rules read (built by model.ts): instructions with their
 * lines, flags, forms, heredocs and properties, stages with their bases, and the memos that hold
 * facts worked out once.
 */
import type { ShellCommand } from './shell.js';
import type { StageNames, VariablesMemo } from './stages.js';
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
    /** COPY/ADD: sources and destination as BuildKit splits them, before expansion (see copyValues). */
    words?: string[];
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
    copyOperands: {
        readonly sources: readonly string[];
        readonly dest: string;
    } | null | undefined;
    /** normalizedText of the instruction, for fingerprint keys (see insKey). */
    normalized: string | undefined;
    /** What the instruction runs, with the shell's quote and escape characters taken out (see mayMention). */
    unquoted: string | undefined;
    /** The variables in force before the instruction (set by stageVariables; shared by the instructions up to the next ARG/ENV). */
    varsBefore: ReadonlyMap<string, string | undefined> | undefined;
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
