/**
 * The engine for MCP launch and publication files (server.json, client configs, catalog
 * server.yaml, Markdown fences): read the file as its consumer reads it, build the launch model,
 * run the MCG5xx rules. Pure: the caller reads the file. Whatever could not be read becomes an
 * MCG991 finding at its line (failing, never suppressible) while the rest is still checked.
 */
import type { Finding } from '../core/types.js';
import { type RuleSettings } from '../core/rule-hits.js';
import { type McpFileType } from '../core/mcp/classify.js';
import { type McpModel } from '../core/mcp/model.js';
import type { BuiltImage, McpRule } from '../rules/mcp/types.js';
export { classifyMcpPath, type McpFileType } from '../core/mcp/classify.js';
/** Bytes read per MCP file: a config above it is reported (MCG991) and not parsed. */
export declare const MAX_MCP_BYTES: number;
export interface McpInput {
    /** Repository-relative POSIX path. */
    path: string;
    text: string;
    target: string;
    /** Overrides what the path says (the corpus, whose names are flattened). */
    type?: McpFileType;
    /** The image this repository built, when a build ran (labels, reference). */
    image?: BuiltImage;
    /** The least-privilege flags the runtime probe proved; default: the recommended profile. */
    profile?: readonly string[];
}
export interface McpResult {
    findings: Finding[];
    fatal: boolean;
    model: McpModel;
}
export declare function readMcpModel(path: string, text: string, type: McpFileType): {
    model: McpModel;
    fatal: boolean;
};
export declare function checkMcpFile(input: McpInput, rules?: readonly McpRule[], settings?: RuleSettings): McpResult;
/** The checker scan.ts runs (ScanDeps.mcp). */
export declare const mcpChecker: {
    wants: (path: string) => boolean;
    check: (input: {
        path: string;
        text: string;
        target: string;
        image?: BuiltImage;
        profile?: readonly string[];
    }, settings?: RuleSettings) => McpResult;
};
