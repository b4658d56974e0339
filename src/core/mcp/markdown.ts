/**
 * Fenced code blocks of Markdown files (CommonMark: ``` or ~~~, up to three spaces of indent, the
 * closing fence of the same character and at least as long; an unclosed fence runs to the end of
 * the file) that hold MCP configs or `docker run` lines: `json`/`jsonc` client configs or
 * server.json, `yaml` catalog entries, `sh`/`bash`/`shell`/`console` commands. Lines are the
 * file's own (the line inside the fence). Pure.
 */
import { dockerRunStart, readDockerRun } from '../docker-run/argv.js';
import { consoleCommands, splitShell } from '../docker-run/words.js';
import { clientLaunch, looksLikeClientConfig, readClientConfig } from './client.js';
import { looksLikeCatalogEntry, readCatalogEntry } from './catalog.js';
import { emptyModel, envKV, type Launch, type McpModel } from './model.js';
import { looksLikeServerJson, readServerJson } from './server-json.js';
import { field, parseJson, parseYaml } from './tree.js';
import { appendAll } from '../arrays.js';

export interface Fence {
  lang: string;
  /** Line of the opening fence (1-based). */
  line: number;
  body: string;
  closed: boolean;
}

const SHELL = new Set(['sh', 'bash', 'shell', 'zsh', 'console', 'shell-session']);
const JSON_LANGS = new Set(['json', 'jsonc', 'json5']);
const YAML_LANGS = new Set(['yaml', 'yml']);

export function fences(text: string): Fence[] {
  const lines = text.split('\n');
  const out: Fence[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = /^ {0,3}(`{3,}|~{3,})\s*([^`\s]*)/.exec(lines[i]!);
    if (!m) continue;
    const marker = m[1]!;
    const close = new RegExp(`^ {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}\\s*$`);
    let j = i + 1;
    while (j < lines.length && !close.test(lines[j]!)) j++;
    out.push({ lang: m[2]!.toLowerCase().replace(/^\{?\.?/, '').replace(/\}$/, ''), line: i + 1, body: lines.slice(i + 1, j).join('\n'), closed: j < lines.length });
    i = j;
  }
  return out;
}

/** Text worth reading: a fence of our languages that mentions a server config or `docker run`. */
function relevant(f: Fence): boolean {
  if (SHELL.has(f.lang)) return /\bdocker(\s+container)?\s+run\b/.test(f.body);
  if (JSON_LANGS.has(f.lang)) return /"(mcpServers|servers|context_servers|command|\$schema)"\s*:/.test(f.body);
  if (YAML_LANGS.has(f.lang)) return /^(type|image)\s*:/m.test(f.body) && /^name\s*:/m.test(f.body);
  return false;
}

function shellLaunches(f: Fence, model: McpModel): void {
  const body = f.lang === 'console' || f.lang === 'shell-session' ? consoleCommands(f.body) : f.body;
  const split = splitShell(body, f.line + 1);
  if (split.error) model.issues.push({ line: split.error.line, message: `shell block: ${split.error.message}; the block's commands were not checked` });
  for (const words of split.commands) {
    const at = dockerRunStart(words);
    if (at < 0) continue;
    const docker = readDockerRun(words.slice(at));
    const detachedOrPublished = docker.flags.some((x) => x.name === 'detach' || x.name === 'publish' || x.name === 'publish-all');
    const l: Launch = {
      name: docker.image?.value ?? 'docker run',
      key: `docker-run[${docker.image?.value ?? ''}]`,
      line: words[0]!.line,
      origin: 'shell',
      transport: detachedOrPublished ? 'remote' : 'stdio',
      command: words[0],
      args: words.slice(1),
      env: docker.flags.filter((x) => x.name === 'env').map((x) => envKV(x.value, x.line, '-e')),
      headers: [],
      docker,
      fullCommand: true,
    };
    model.launches.push(l);
  }
}

function jsonLaunches(f: Fence, model: McpModel): void {
  const r = parseJson(f.body, 'jsonc', f.line);
  if (!r.ok) return void model.issues.push({ line: r.line, message: `${f.lang} block: ${r.message}` });
  const root = r.root;
  const sub = looksLikeServerJson(root)
    ? readServerJson(root)
    : looksLikeClientConfig(root)
      ? readClientConfig('mcp.json', root)
      : field(root, 'command') !== undefined
        ? { ...emptyModel('client'), launches: [clientLaunch('snippet', `fence@${f.lang}`, root, root.line)] }
        : undefined;
  // a README snippet is an example, not the published file: its launches are checked, its schema is not
  if (sub) appendAll(model.launches, sub.launches);
}

function yamlLaunches(f: Fence, model: McpModel): void {
  const r = parseYaml(f.body, f.line);
  if (!r.ok) return void model.issues.push({ line: r.line, message: `${f.lang} block: ${r.message}` });
  if (looksLikeCatalogEntry(r.root)) appendAll(model.launches, readCatalogEntry(r.root).launches);
}

export function readMarkdown(text: string): McpModel {
  const model = emptyModel('markdown');
  for (const f of fences(text)) {
    if (!relevant(f)) continue;
    if (!f.closed) model.issues.push({ line: f.line, message: `the \`\`\`${f.lang} fence opened here is never closed: close it (Markdown renders the rest of the file as code)` });
    if (SHELL.has(f.lang)) shellLaunches(f, model);
    else if (JSON_LANGS.has(f.lang)) jsonLaunches(f, model);
    else yamlLaunches(f, model);
  }
  return model;
}

/** Cheap test before a Markdown file is read at all. */
export function mayHoldMcp(text: string): boolean {
  return /```|~~~/.test(text) && /docker(\s+container)?\s+run|mcpServers|"servers"|context_servers|server\.schema\.json|^type:\s*(server|poci)/m.test(text);
}
