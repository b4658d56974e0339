import type { DockerfileModel, Instruction, Stage } from './model.js';
/** Expanded values, or the error BuildKit stops at. */
export type Expanded<T> = {
    ok: true;
    value: T;
} | {
    ok: false;
    error: string;
};
/** The user a USER instruction sets, after expansion. */
export declare function userValue(model: DockerfileModel, stage: Stage, ins: Instruction): Expanded<string>;
/**
 * The sources (heredoc sources left out, as BuildKit keeps them apart) and the destination of a
 * COPY/ADD after expansion; `--chown`, `--chmod` (and ADD's `--checksum`) are expanded first, as
 * BuildKit does, so an error in them is the instruction's error.
 */
export declare function copyValues(model: DockerfileModel, stage: Stage, ins: Instruction): Expanded<{
    sources: string[];
    dest: string;
}>;
/** How a CMD or ENTRYPOINT runs: the JSON array as it is, or the shell form's text for the shell. */
export declare function startupForm(ins: Instruction): {
    form: 'exec' | 'shell';
    args: string[];
};
