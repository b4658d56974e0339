/** Helpers the MCG5xx rules share: image references, references vs. values, launches with Docker. */
import type { DockerRun, Word } from '../../core/docker-run/argv.js';
import type { Launch } from '../../core/mcp/model.js';
import type { McpContext } from './types.js';
import { type ImageRef } from '../../core/dockerfile/model.js';
export declare function dockerLaunches(ctx: McpContext): (Launch & {
    docker: DockerRun;
})[];
/**
 * A value that is a reference the client or registry fills in, not a value written here:
 * `${input:x}`, `${env:X}`, `${X}`, `${X:-d}`, `$X`, `{curly}` registry variables, `{{catalog}}`
 * templates, `<placeholder>`.
 */
export declare function isReference(v: string): boolean;
/** An image reference as the Docker CLI names it (core's reading), with what the messages show. */
export interface LaunchImage extends ImageRef {
    /** The reference as written, without tag and digest. */
    name: string;
    /** Holds a `${VAR}`, `{var}` or `{{…}}` placeholder: not checkable. */
    templated: boolean;
}
export declare function launchImage(raw: string): LaunchImage;
/** The registry host of an image (`docker.io` when its first part is no host). */
export declare function registryHost(image: LaunchImage): string;
/** Every image a launch starts, read as the Docker CLI names it; a templated reference is not checkable and left out (MCG507, MCG508). */
export declare function launchImages(ctx: McpContext): {
    launch: Launch & {
        docker: DockerRun;
    };
    at: Word;
    ref: LaunchImage;
}[];
/** A release version as server.json and image tags write it: a leading `v` before a digit ignored (MCG508, MCG524). */
export declare function normVersion(v: string): string;
export declare function launchKey(l: Launch, what: string): string;
export declare function lower(s: string): string;
/** A `--user` value that runs the server as root (`0`, `root`, `0:0`, `root:docker`, `00`); `''` keeps the image's user. */
export declare function isRootUser(v: string): boolean;
/** A `--security-opt` value that turns a default confinement off (MCG505). */
export declare function disablesConfinement(v: string): boolean;
