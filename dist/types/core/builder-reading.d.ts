import { type DockerfileModel, type Instruction, type Stage } from './dockerfile/model.js';
export declare const DEFAULT_SHELL: readonly string[];
/** One history entry the stage's instruction should have left. */
export interface ExpectedEntry {
    ins: Instruction;
    keyword: string;
    /** BuildKit may leave no entry for it (ARG in some versions, ONBUILD, MAINTAINER, a trigger). */
    optional: boolean;
    /** An ONBUILD trigger run at the start of a child stage (not an instruction of that stage). */
    trigger?: boolean;
    /** The exact `created_by` (without ` # buildkit`) when we can tell it. */
    createdBy?: string;
    /** For RUN: the command part, which follows an optional `|N K=V …` build-arg prefix. */
    runCommand?: string;
    /** Metadata instructions make no layer. */
    emptyLayer?: boolean;
}
export interface Predicted<T> {
    value: T | undefined;
    ins: Instruction;
}
export interface ExpectedBuild {
    user?: Predicted<string>;
    env: Map<string, Predicted<string>>;
    /** `value: undefined` with `reset` = ENTRYPOINT cleared an inherited CMD. */
    cmd?: Predicted<string[]> & {
        reset?: boolean;
    };
    entrypoint?: Predicted<string[]>;
    healthcheck?: Predicted<string[]>;
    workingDir?: Predicted<string>;
    /** `8080/tcp` for each plain port an EXPOSE names (ranges and unknown values left out). */
    exposedPorts: Predicted<string>[];
    history: ExpectedEntry[];
}
/** `text` with its variables expanded, or undefined when one of them is not known to us. */
export declare function expandKnown(text: string, vars: ReadonlyMap<string, string | undefined>): string | undefined;
/** BuildKit's `CMD ["a" "b"]` rendering of an argv. */
export declare function argvText(argv: readonly string[]): string | undefined;
/** The command after `CMD` in a HEALTHCHECK, as the config's Test array. */
export declare function healthcheckTest(ins: Instruction): string[] | undefined;
export interface BaseFacts {
    /** Build args given to the builder (`--build-arg K=V`). */
    buildArgs?: Readonly<Record<string, string>>;
    /** The built image's Config.Shell: the base's when the chain has no SHELL. */
    configShell?: readonly string[];
}
/** What the build of `final` must have produced, as far as the Dockerfile alone decides it. */
export declare function expectedBuild(model: DockerfileModel, final: Stage, facts?: BaseFacts): ExpectedBuild;
