export interface ProjectEnv {
    env: ReadonlyMap<string, string>;
    /** Why compose refuses the project's `.env` (repository-relative path, line, message). */
    error?: {
        path: string;
        line: number;
        message: string;
    };
}
/** One reading per directory (a scan may hold several compose files side by side). */
export declare class ProjectEnvs {
    private readonly root;
    private readonly cache;
    constructor(root: string);
    /** The environment of the compose file at `composeAbs`. */
    of(composeAbs: string): ProjectEnv;
}
