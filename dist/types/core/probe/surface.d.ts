import type { ProbeTool } from './search.js';
/** The four behaviour hints of MCP's ToolAnnotations; every other annotation is dropped. */
export interface ToolHints {
    readOnlyHint?: boolean;
    destructiveHint?: boolean;
    idempotentHint?: boolean;
    openWorldHint?: boolean;
}
/** The boolean hints of a server's `annotations` object, or undefined when it has none. */
export declare function pickHints(a: unknown): ToolHints | undefined;
/**
 * Whether a tool may make destructive updates, by the MCP spec's defaults: `readOnlyHint` defaults
 * to false and `destructiveHint` to true (meaningful only when the tool is not read-only). So a tool
 * with no hints counts as destructive.
 */
export declare function isDestructive(hints: ToolHints | undefined): boolean;
export interface ToolChange {
    /** The tool as listed now. */
    tool: ProbeTool;
    description: boolean;
    schema: boolean;
}
export interface SurfaceDrift {
    added: ProbeTool[];
    removed: ProbeTool[];
    changed: ToolChange[];
}
/** What changed from `before` to `now`, each list in name order. A tool listed twice counts once (its first listing). */
export declare function diffSurface(before: readonly ProbeTool[], now: readonly ProbeTool[]): SurfaceDrift;
/** A tool name as quoted in a finding's message: one line, no control characters, capped. */
export declare function quoteName(name: string, max?: number): string;
/**
 * The tool surfaces a report JSON recorded, by target name: the targets whose probe completed a
 * handshake (a `broken` probe listed nothing and is no baseline). Untrusted input: shape-checked.
 */
export declare function surfacesOfReport(report: Record<string, unknown>): Map<string, ProbeTool[]>;
