import type { BuildContextInfo } from '../rules/types.js';
export declare function makeBuildContext(dir: string, files: readonly string[], dockerignore?: {
    path: string;
    text: string;
}, exists?: boolean): BuildContextInfo;
