/**
 * Helpers shared by the Dockerfile rules MCG011–MCG019: what the container runs at start,
 * which shell scripts hide inside exec-form arguments, whole-context COPY, the minimal bases.
 * Pure.
 */
import type { DockerfileModel, ImageRef, Instruction, Placed, Stage } from '../../core/dockerfile/model.js';
import { type ShellCommand } from '../../core/dockerfile/shell.js';
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
export declare function startupOf(model: DockerfileModel, stage: Stage): Startup;
/** The stage that holds an instruction. */
export declare function ownerOf(model: DockerfileModel, ins: Instruction): Stage | undefined;
export declare const SHELLS: Set<string>;
/** The script of `sh -c "<script>" …` / `bash -lc "<script>"`, when argv is such a call. */
export declare function shellScriptOf(argv: readonly string[]): string | undefined;
/**
 * The simple commands an instruction runs, looking inside `sh -c` scripts (recursively, a few
 * levels) in both exec and shell form.
 */
export declare function commandsDeep(ins: Instruction): readonly ShellCommand[];
/** Groups simple commands into pipelines (`a | b | c`). */
export declare function pipelines(cmds: readonly ShellCommand[]): ShellCommand[][];
/** The program name alone, as programOf gives it, without building the argument list. */
export declare function programNameOf(argv: readonly string[]): string;
/** Program name of a command with wrappers (sudo, env, exec, busybox) removed. */
export declare function programOf(argv: readonly string[]): {
    name: string;
    args: readonly string[];
};
/** True for python, python3, python3.12, pypy3 … */
export declare function isPythonProgram(name: string): boolean;
/** True for pip, pip3, pip3.12 … */
export declare function isPipProgram(name: string): boolean;
/**
 * The arguments after `install` when the command is a pip install: `pip install …`, `pip3 install …`,
 * `python -m pip install …`. `uv pip install` is uv, not pip.
 */
export declare function pipInstallArgs(argv: readonly string[]): readonly string[] | undefined;
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
export declare function copyOperands(model: DockerfileModel, ins: Instruction): CopyOperands | undefined;
/** `COPY . …` / `ADD . …` / `COPY * …` from the build context (no `--from`): the whole context. */
export declare function isWholeContextCopy(model: DockerfileModel, ins: Instruction): boolean;
export type MinimalBase = 'scratch' | 'distroless' | 'chainguard';
/**
 * Bases that ship no shell and no downloader: scratch, Google distroless (not `:debug`),
 * Chainguard images (not `-dev`).
 */
export declare function minimalBase(img: ImageRef | undefined): MinimalBase | undefined;
/** The first word that is not an option, skipping the values of the options in `withValue`. */
export declare function firstPositional(args: readonly string[], withValue?: ReadonlySet<string>): string | undefined;
