/** Product constants shared by the CLI, the action and the SARIF writer. */
export const TOOL_NAME = 'MCP Container Guard';
export const TOOL_VERSION = '0.1.0';
export const REPOSITORY_URL = 'https://github.com/mcp-container-guard/mcp-container-guard';
export const DOCS_BASE = `${REPOSITORY_URL}/blob/main/docs/rules/`;

const docsUrls = new Map<string, string>();

export function ruleDocsUrl(id: string): string {
  // one string per rule, not one per finding (a large scan makes ~100,000 of them)
  let url = docsUrls.get(id);
  if (url === undefined) {
    url = `${DOCS_BASE}${id}.md`;
    if (docsUrls.size < 10_000) docsUrls.set(id, url);
  }
  return url;
}
