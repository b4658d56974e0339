/** Product constants shared by the CLI, the action and the SARIF writer. */
export declare const TOOL_NAME = "MCP Container Guard";
export declare const TOOL_VERSION = "0.1.0";
export declare const REPOSITORY_URL = "https://github.com/mcp-container-guard/mcp-container-guard";
export declare const DOCS_BASE = "https://github.com/mcp-container-guard/mcp-container-guard/blob/main/docs/rules/";
export declare function ruleDocsUrl(id: string): string;
