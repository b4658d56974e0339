/**
 * MCP client configs, read as each client reads them: VS Code `.vscode/mcp.json` (`servers`,
 * `inputs`) and `settings.json` (`mcp.servers`), Claude Desktop / Claude Code / Cursor / Gemini /
 * generic `mcpServers`, Zed `context_servers`. Each server entry becomes a Launch. Pure.
 */
import type { Word } from '../docker-run/argv.js';
import { emptyModel, withDocker, type KV, type Launch, type McpModel } from './model.js';
import { entriesOf, field, itemsOf, strOf, type MNode } from './tree.js';

/** The keys under which a client keeps its servers, by file. */
export function serverMapKeys(path: string): string[][] {
  const base = path.split('/').pop() ?? path;
  if (/(^|\/)\.vscode\/mcp\.json$/.test(path)) return [['servers']];
  if (/(^|\/)\.vscode\/settings\.json$/.test(path)) return [['mcp', 'servers'], ['mcp.servers']];
  if (/\.jsonc$/.test(base)) return [['context_servers'], ['mcpServers'], ['servers']];
  if (base === 'mcp.json' || /mcp.*\.json$/i.test(base)) return [['servers'], ['mcpServers']];
  return [['mcpServers'], ['servers'], ['mcp', 'servers'], ['context_servers']];
}

function at(root: MNode, keys: string[]): { node: MNode; key: string } | undefined {
  let n: MNode | undefined = root;
  for (const k of keys) n = field(n, k)?.value;
  return n?.t === 'obj' ? { node: n, key: keys.join('.') } : undefined;
}

function word(n: MNode | undefined): Word | undefined {
  const s = strOf(n);
  return s === undefined || !n ? undefined : { value: s, line: n.line };
}

function kvs(n: MNode | undefined, via: string): KV[] {
  const out: KV[] = [];
  for (const e of entriesOf(n)) {
    const v = strOf(e.value);
    out.push({ name: e.key, value: v, line: e.keyLine, via });
  }
  return out;
}

/** One server entry → a Launch. */
export function clientLaunch(name: string, key: string, entry: MNode, line: number): Launch {
  // Zed: "command": {"path", "args", "env"}
  const cmdNode = field(entry, 'command')?.value;
  const holder = cmdNode?.t === 'obj' ? cmdNode : entry;
  const command = cmdNode?.t === 'obj' ? word(field(cmdNode, 'path')?.value) : word(cmdNode);
  const args = itemsOf(field(holder, 'args')?.value).flatMap((a) => word(a) ?? []);
  const type = strOf(field(entry, 'type')?.value);
  const remote = !command && (field(entry, 'url') !== undefined || field(entry, 'httpUrl') !== undefined || field(entry, 'serverUrl') !== undefined || (type !== undefined && type !== 'stdio'));
  const launch: Launch = {
    name,
    key,
    line,
    origin: 'client',
    transport: remote ? 'remote' : 'stdio',
    command,
    args,
    env: kvs(field(holder, 'env')?.value, 'env'),
    headers: kvs(field(entry, 'headers')?.value, 'headers'),
    fullCommand: true,
  };
  return withDocker(launch);
}

export function readClientConfig(path: string, root: MNode): McpModel {
  const model = emptyModel('client');
  if (root.t !== 'obj') {
    model.issues.push({ line: root.line, message: 'an MCP client config must be a JSON object' });
    return model;
  }
  for (const keys of serverMapKeys(path)) {
    const m = at(root, keys);
    if (!m) continue;
    for (const e of entriesOf(m.node)) {
      if (e.value.t !== 'obj') continue;
      model.launches.push(clientLaunch(e.key, `${m.key}.${e.key}`, e.value, e.keyLine));
    }
    break;
  }
  return model;
}

/** True when a parsed JSON object holds a server map a client would read. */
export function looksLikeClientConfig(root: MNode): boolean {
  return ['mcpServers', 'servers', 'context_servers'].some((k) => field(root, k)?.value.t === 'obj') || field(field(root, 'mcp')?.value, 'servers')?.value.t === 'obj';
}
