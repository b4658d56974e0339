import { type McpModel } from './model.js';
export interface Fence {
    lang: string;
    /** Line of the opening fence (1-based). */
    line: number;
    body: string;
    closed: boolean;
}
export declare function fences(text: string): Fence[];
export declare function readMarkdown(text: string): McpModel;
/** Cheap test before a Markdown file is read at all. */
export declare function mayHoldMcp(text: string): boolean;
