/**
 * Which MCP file a path is, and how its consumer reads it (DESIGN principle 1). Pure.
 */
import type { McpFileKind } from './model.js';
import type { JsonDialect } from './tree.js';
export interface McpFileType {
    kind: McpFileKind;
    /** JSON files: how the client reads them. */
    dialect?: JsonDialect;
}
/**
 * `server.json` (the registry's Go reader: strict JSON); `.vscode/mcp.json`, `.vscode/settings.json`,
 * `.cursor/mcp.json`, `*.jsonc` (JSON with comments and trailing commas, as VS Code reads it);
 * `.gemini/settings.json` (comments stripped, no trailing commas); `.mcp.json`, `mcp.json`,
 * `claude_desktop_config.json`, `gemini-extension.json` (JSON.parse); `servers/<name>/server.yaml`
 * (Docker MCP catalog); Markdown (`*.md`, `*.markdown`).
 */
export declare function classifyMcpPath(path: string): McpFileType | undefined;
