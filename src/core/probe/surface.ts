/**
 * The tool surface a probed server lists (issue #20 item 4) and its drift against a baseline: the
 * tools added, removed, and changed (description or input schema hash). Pure.
 *
 * Tool names and descriptions are the server's text: descriptions are only ever hashed; names are
 * kept (redacted of registered secrets by the client) and quoted in findings through `quoteName`.
 */
import { stripEscapes } from '../controls.js';
import type { ProbeTool } from './search.js';

/** The four behaviour hints of MCP's ToolAnnotations; every other annotation is dropped. */
export interface ToolHints {
  readOnlyHint?: boolean;
  destructiveHint?: boolean;
  idempotentHint?: boolean;
  openWorldHint?: boolean;
}

const HINTS = ['readOnlyHint', 'destructiveHint', 'idempotentHint', 'openWorldHint'] as const;

/** The boolean hints of a server's `annotations` object, or undefined when it has none. */
export function pickHints(a: unknown): ToolHints | undefined {
  if (a === null || typeof a !== 'object' || Array.isArray(a)) return undefined;
  const o = a as Record<string, unknown>;
  const out: ToolHints = {};
  for (const k of HINTS) if (typeof o[k] === 'boolean') out[k] = o[k];
  return Object.keys(out).length > 0 ? out : undefined;
}

/**
 * Whether a tool may make destructive updates, by the MCP spec's defaults: `readOnlyHint` defaults
 * to false and `destructiveHint` to true (meaningful only when the tool is not read-only). So a tool
 * with no hints counts as destructive.
 */
export function isDestructive(hints: ToolHints | undefined): boolean {
  if (hints?.readOnlyHint === true) return false;
  return hints?.destructiveHint !== false;
}

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

function byName(tools: readonly ProbeTool[]): Map<string, ProbeTool> {
  const m = new Map<string, ProbeTool>();
  for (const t of tools) if (!m.has(t.name)) m.set(t.name, t);
  return m;
}

/** What changed from `before` to `now`, each list in name order. A tool listed twice counts once (its first listing). */
export function diffSurface(before: readonly ProbeTool[], now: readonly ProbeTool[]): SurfaceDrift {
  const b = byName(before);
  const n = byName(now);
  const order = (x: ProbeTool, y: ProbeTool): number => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0);
  const added = [...n.values()].filter((t) => !b.has(t.name)).sort(order);
  const removed = [...b.values()].filter((t) => !n.has(t.name)).sort(order);
  const changed: ToolChange[] = [];
  for (const t of [...n.values()].sort(order)) {
    const old = b.get(t.name);
    if (!old) continue;
    const description = old.descriptionHash !== t.descriptionHash;
    const schema = old.schemaHash !== t.schemaHash;
    if (description || schema) changed.push({ tool: t, description, schema });
  }
  return { added, removed, changed };
}

/** A tool name as quoted in a finding's message: one line, no control characters, capped. */
export function quoteName(name: string, max = 120): string {
  const one = stripEscapes(name).replace(/\s+/g, ' ').trim();
  return `"${one.length > max ? `${one.slice(0, max)}…` : one}"`;
}

const HASH = /^[0-9a-f]{64}$/;
const MAX_TOOLS = 10_000;

/** One tool of an untrusted baseline file, shape-checked; undefined when it is not one of ours. */
function toolOf(v: unknown): ProbeTool | undefined {
  if (v === null || typeof v !== 'object') return undefined;
  const o = v as Record<string, unknown>;
  if (typeof o['name'] !== 'string' || o['name'].length > 1000) return undefined;
  if (typeof o['descriptionHash'] !== 'string' || !HASH.test(o['descriptionHash'])) return undefined;
  if (typeof o['schemaHash'] !== 'string' || !HASH.test(o['schemaHash'])) return undefined;
  const hints = pickHints(o['annotations']);
  return { name: o['name'], descriptionHash: o['descriptionHash'], schemaHash: o['schemaHash'], ...(hints ? { annotations: hints } : {}) };
}

/**
 * The tool surfaces a report JSON recorded, by target name: the targets whose probe completed a
 * handshake (a `broken` probe listed nothing and is no baseline). Untrusted input: shape-checked.
 */
export function surfacesOfReport(report: Record<string, unknown>): Map<string, ProbeTool[]> {
  const out = new Map<string, ProbeTool[]>();
  const targets = report['targets'];
  if (!Array.isArray(targets)) return out;
  for (const t of targets as unknown[]) {
    if (t === null || typeof t !== 'object') continue;
    const name = (t as Record<string, unknown>)['name'];
    const probe = (t as Record<string, unknown>)['probe'] as Record<string, unknown> | undefined;
    if (typeof name !== 'string' || !probe || typeof probe !== 'object' || probe['status'] === 'broken' || !Array.isArray(probe['tools'])) continue;
    const tools = (probe['tools'] as unknown[]).slice(0, MAX_TOOLS).map(toolOf);
    if (tools.some((x) => x === undefined)) continue;
    out.set(name.slice(0, 1000), tools as ProbeTool[]);
  }
  return out;
}
