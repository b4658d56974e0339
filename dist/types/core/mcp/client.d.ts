import { type Launch, type McpModel } from './model.js';
import { type MNode } from './tree.js';
/** The keys under which a client keeps its servers, by file. */
export declare function serverMapKeys(path: string): string[][];
/** One server entry → a Launch. */
export declare function clientLaunch(name: string, key: string, entry: MNode, line: number): Launch;
export declare function readClientConfig(path: string, root: MNode): McpModel;
/** True when a parsed JSON object holds a server map a client would read. */
export declare function looksLikeClientConfig(root: MNode): boolean;
