import { type McpModel } from './model.js';
import { type MNode } from './tree.js';
export declare function readCatalogEntry(root: MNode): McpModel;
export declare function looksLikeCatalogEntry(root: MNode): boolean;
