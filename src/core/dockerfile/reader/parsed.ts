/**
 * The reader's result in the shape model.ts builds the model from: one entry per instruction with
 * its flags split into name and value, the argument text after the flags, the exec form, the heredoc
 * bodies, and ENV/ARG/LABEL properties with quotes and escapes taken out as BuildKit's lexer takes
 * them out (variables are left as written: model.ts expands them).
 */
import { readDockerfile, type ReadNode } from './index.js';
import { instructionsInOrder } from './instructions.js';
import type { ReadProblem } from './index.js';
import { shellWord } from './shell-words.js';

export interface ParsedProperty {
  name: string;
  value: string | undefined;
  line: number;
}

export interface ParsedInstruction {
  /** Upper-cased keyword (ONBUILD's trigger is its own instruction in `sub`). */
  keyword: string;
  written: string;
  line: number;
  endLine: number;
  flags: { name: string; value: string | null; text: string }[];
  rest: string;
  properties: ParsedProperty[];
  /** Exec form, when BuildKit reads the arguments as a JSON array. */
  json?: string[];
  /** COPY/ADD: the sources and the destination as BuildKit splits them (before expansion). */
  words?: string[];
  heredocs: { name: string; body: string; line: number }[];
}

export interface ParsedDockerfile {
  escape: string;
  directives: Record<string, string>;
  instructions: ParsedInstruction[];
  /** Why BuildKit refuses the file (it reads nothing after it). */
  errors: { line: number; message: string }[];
}

/**
 * The empty list most instructions have (no flags, no heredoc, no property): one frozen array
 * shared by all of them rather than three new ones per instruction.
 */
const NONE: never[] = Object.freeze([]) as unknown as never[];

function unquote(text: string, escape: string): string {
  const w = shellWord(text, escape);
  return w instanceof Error ? text : w;
}

function properties(n: ReadNode, escape: string): ParsedProperty[] {
  if (n.lower !== 'arg' && n.lower !== 'env' && n.lower !== 'label') return NONE;
  const out: ParsedProperty[] = [];
  if (n.lower === 'arg') {
    for (const a of n.args) {
      const eq = a.indexOf('=');
      out.push({ name: unquote(eq < 0 ? a : a.slice(0, eq), escape), value: eq < 0 ? undefined : unquote(a.slice(eq + 1), escape), line: n.line });
    }
  } else if (n.lower === 'env' || n.lower === 'label') {
    for (let i = 0; i + 1 < n.args.length; i += 3) out.push({ name: unquote(n.args[i]!, escape), value: unquote(n.args[i + 1]!, escape), line: n.line });
  }
  return out;
}

function flag(text: string): { name: string; value: string | null; text: string } {
  const body = text.replace(/^--/, '');
  const eq = body.indexOf('=');
  return { name: eq < 0 ? body : body.slice(0, eq), value: eq < 0 ? null : body.slice(eq + 1), text };
}

function instruction(n: ReadNode, escape: string): ParsedInstruction {
  const keyword = /^[a-z]+$/.test(n.lower) ? n.lower.toUpperCase() : n.keyword.toUpperCase();
  const healthcheck = keyword === 'HEALTHCHECK';
  return {
    keyword,
    written: n.keyword,
    line: n.line,
    endLine: n.endLine,
    flags: n.flags.length === 0 ? NONE : n.flags.map(flag),
    rest: n.rest,
    properties: properties(n, escape),
    json: n.json ? (healthcheck ? n.args.slice(1) : n.args) : undefined,
    words: keyword === 'COPY' || keyword === 'ADD' ? n.args : undefined,
    heredocs: n.heredocs.length === 0 ? NONE : n.heredocs.map((h) => {
      let body = h.chomp ? h.content.replace(/^\t+/gm, '') : h.content;
      body = body.replace(/\r?\n$/, '');
      return { name: h.name, body, line: h.line };
    }),
  };
}

/** Reads `text` as BuildKit does, in the model's shape. */
export function parseText(text: string): ParsedDockerfile {
  // each instruction converted as it is read: the reader's nodes are never all held at once
  const instructions: ParsedInstruction[] = [];
  const inOrder = instructionsInOrder();
  let refused: ReadProblem | undefined;
  const r = readDockerfile(text, (n, escape) => {
    refused ??= inOrder(n);
    instructions.push(instruction(n, escape));
  });
  const directives: Record<string, string> = {};
  for (const d of r.directives) directives[d.name] = d.value;
  // an empty file is reported by the model (it has no FROM)
  const error = r.error ? (r.error.message === 'file with no instructions' ? undefined : r.error) : refused;
  const message = (m: string): string => (m === 'unterminated heredoc' ? 'a heredoc is never terminated: add its terminator line' : m);
  const errors = error ? [{ line: Math.max(1, error.line), message: `BuildKit refuses the file (${message(error.message)})` }] : [];
  return { escape: r.escape, directives, instructions, errors };
}
