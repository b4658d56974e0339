/**
 * The engine for MCP launch and publication files (server.json, client configs, catalog
 * server.yaml, Markdown fences): read the file as its consumer reads it, build the launch model,
 * run the MCG5xx rules. Pure: the caller reads the file. Whatever could not be read becomes an
 * MCG991 finding at its line (failing, never suppressible) while the rest is still checked.
 */
import type { Finding } from '../core/types.js';
import { hitToFinding, inputErrorFinding, ruleEnabled, type RuleSettings } from '../core/rule-hits.js';
import { classifyMcpPath, type McpFileType } from '../core/mcp/classify.js';
import { readClientConfig } from '../core/mcp/client.js';
import { readCatalogEntry } from '../core/mcp/catalog.js';
import { mayHoldMcp, readMarkdown } from '../core/mcp/markdown.js';
import { emptyModel, type McpModel } from '../core/mcp/model.js';
import { readServerJson } from '../core/mcp/server-json.js';
import { parseJson, parseYaml } from '../core/mcp/tree.js';
import type { BuiltImage, McpRule } from '../rules/mcp/types.js';
import { mcpRules } from '../rules/mcp/index.js';

export { classifyMcpPath, type McpFileType } from '../core/mcp/classify.js';

/** Bytes read per MCP file: a config above it is reported (MCG991) and not parsed. */
export const MAX_MCP_BYTES = 1024 * 1024;

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

export function readMcpModel(path: string, text: string, type: McpFileType): { model: McpModel; fatal: boolean } {
  if (type.kind === 'markdown') return { model: readMarkdown(text), fatal: false };
  const r = type.kind === 'catalog' ? parseYaml(text) : parseJson(text, type.dialect ?? 'json');
  if (!r.ok) {
    const m = emptyModel(type.kind);
    m.issues.push({ line: r.line, message: `${r.message}: nothing in the file was checked` });
    return { model: m, fatal: true };
  }
  const model = type.kind === 'server-json' ? readServerJson(r.root) : type.kind === 'catalog' ? readCatalogEntry(r.root) : readClientConfig(path, r.root);
  return { model, fatal: false };
}

export function checkMcpFile(input: McpInput, rules: readonly McpRule[] = mcpRules, settings?: RuleSettings): McpResult {
  const type = input.type ?? classifyMcpPath(input.path);
  const findings: Finding[] = [];
  if (!type) return { findings, fatal: false, model: emptyModel('client') };
  if (type.kind === 'markdown' && !mayHoldMcp(input.text)) return { findings, fatal: false, model: emptyModel('markdown') };
  if (type.kind !== 'markdown' && input.text.length > MAX_MCP_BYTES) {
    findings.push(inputErrorFinding(input.path, 1, `the file is ${input.text.length} bytes, above the ${MAX_MCP_BYTES}-byte limit for MCP configs: it was not checked`, input.target));
    return { findings, fatal: true, model: emptyModel(type.kind) };
  }
  const { model, fatal } = readMcpModel(input.path, input.text, type);
  for (const i of model.issues) findings.push(inputErrorFinding(input.path, i.line, i.message, input.target));
  for (const l of model.launches) {
    for (const e of l.docker?.errors ?? []) findings.push(inputErrorFinding(input.path, e.line, `docker run of "${l.name}": ${e.message}`, input.target));
  }
  if (fatal) return { findings, fatal, model };
  const ctx = { path: input.path, model, image: input.image, profile: input.profile };
  for (const rule of rules) {
    if (!ruleEnabled(settings, rule.meta.id)) continue;
    for (const hit of rule.check(ctx)) findings.push(hitToFinding(rule.meta, hit, { path: input.path, target: input.target, settings }));
  }
  return { findings, fatal, model };
}

/** The checker scan.ts runs (ScanDeps.mcp). */
export const mcpChecker = {
  wants: (path: string): boolean => classifyMcpPath(path) !== undefined,
  check: (input: { path: string; text: string; target: string; image?: BuiltImage; profile?: readonly string[] }, settings?: RuleSettings): McpResult => checkMcpFile(input, mcpRules, settings),
};
