import { type Listings } from '../core/files.js';
import { type BuildContextInfo } from '../core/build-context.js';
/** Where a build context is: its directory and the Dockerfile it builds (both absolute). */
export interface ContextSite {
    contextAbs: string;
    dockerfileAbs: string;
}
export declare class ContextLister {
    private readonly root;
    private readonly listings;
    private readonly cache;
    constructor(root: string, listings: Listings);
    /** The build context of one Dockerfile, its listing deferred until a rule reads it. */
    info(site: ContextSite): BuildContextInfo;
    /** The context listed (once per directory) with the .dockerignore in force. */
    listed(dir: string, site: ContextSite): BuildContextInfo;
}
