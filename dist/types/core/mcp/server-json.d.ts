import { type McpModel } from './model.js';
import { type MNode } from './tree.js';
export declare const CURRENT_SCHEMA = "2025-12-11";
/** Dated schemas the registry has published before the current one. */
export declare const OLDER_SCHEMAS: ReadonlySet<string>;
export declare function readServerJson(root: MNode): McpModel;
export declare function looksLikeServerJson(root: MNode): boolean;
