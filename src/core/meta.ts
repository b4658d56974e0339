/** Product constants shared by the CLI, the action and the SARIF writer. */
export const TOOL_NAME = 'MCP Container Guard';
export const TOOL_VERSION = '0.1.0';
export const REPOSITORY_URL = 'https://github.com/mcp-container-guard/mcp-container-guard';
export const DOCS_BASE = `${REPOSITORY_URL}/blob/main/docs/rules/`;

export function ruleDocsUrl(id: string): string {
  return `${DOCS_BASE}${id}.md`;
}
