import type { Exec } from '../../core/types.js';
import type { ProfileFlag } from '../../core/probe/profile.js';
import type { Attempt } from '../../core/probe/search.js';
export interface StartDeps {
    exec: Exec;
    docker: string;
    /** The environment of the run (DOCKER_HOST …); only DOCKER_*, PATH and HOME are passed on. */
    env: Record<string, string>;
    /** NAME → value the server needs at start (secrets). */
    probeEnv: Record<string, string>;
    runId: string;
    timeoutMs: number;
    /** Extra redaction of the probe-env values and other secrets. */
    redact: (s: string) => string;
}
/** JSON with sorted keys, so that the same schema always hashes the same. */
export declare function canonicalJson(v: unknown): string;
/** Starts the image once with `flags` and runs the handshake; never throws. */
export declare function startOnce(d: StartDeps, image: string, flags: ProfileFlag[]): Promise<Attempt>;
