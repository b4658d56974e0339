/** One argument with the line of the file it is written on. */
export interface Word {
    value: string;
    line: number;
}
export interface DockerFlag {
    /** Canonical long name (`volume` for `-v`, `network` for `--net`). */
    name: string;
    /** The value; `"true"`/`"false"` for a boolean. */
    value: string;
    line: number;
    /** How it was written (`-v`, `--volume=…`): for messages, never with the value. */
    spelled: string;
}
export interface DockerRun {
    flags: DockerFlag[];
    image?: Word;
    /** Arguments after the image: the server's own. */
    args: Word[];
    /** What Docker would refuse (unknown flag, missing value, no image), with the line. */
    errors: {
        line: number;
        message: string;
    }[];
}
/** Reads the words after `run` (or `container run`). */
export declare function readDockerRun(words: readonly Word[]): DockerRun;
/**
 * Where `docker … run` starts in a command's words: the index of the first word after `run`
 * (`docker run`, `docker container run`, global options such as `--context x` before them), or
 * -1 when the words are not a `docker run` (another subcommand, another program).
 */
export declare function dockerRunStart(words: readonly Word[], from?: number): number;
/** The last value of a flag (Docker: the last one wins for single-valued flags). */
export declare function lastFlag(run: DockerRun, name: string): DockerFlag | undefined;
/** True when a boolean flag is on (last occurrence decides; `--rm=false` turns it off). */
export declare function boolFlag(run: DockerRun, name: string): boolean;
export declare function allFlags(run: DockerRun, name: string): DockerFlag[];
