/**
 * The Dockerfile reader: BuildKit's parser.Parse (frontend/dockerfile/parser/parser.go) written
 * again in TypeScript, step for step, so that we read every file as the builder that runs it does:
 * directives at the top, the escape character, line continuations (comment lines and blank lines
 * inside them dropped), instructions with their flags and arguments, heredocs in RUN/COPY/ADD
 * (also as ONBUILD triggers), and the parse errors BuildKit refuses a file for. The input is the
 * file decoded as Go decodes it (text.ts decodeGo); a string from a UTF-8 decoder works too.
 */
import { nameValue } from '../directives.js';
import { splitCommand } from './flags.js';
import { heredocsFromLine } from './heredoc.js';
import { DISPATCH, ParseError } from './line-parsers.js';
import { byteLength, goLower, isGoSpace, trimLeftSpace, trimNewline } from './text.js';

export interface ReadHeredoc {
  name: string;
  fd: number;
  expand: boolean;
  chomp: boolean;
  /** The body as written: every line with its line end, the terminator left out. */
  content: string;
  /** 1-based line of the body's first line. */
  line: number;
}

export interface ReadNode {
  /** The keyword as written; `lower` as BuildKit compares it. */
  keyword: string;
  lower: string;
  /** The instruction's logical line (continuations joined). */
  original: string;
  line: number;
  endLine: number;
  /** Leading `--flag` words, `--` included, quotes removed. */
  flags: string[];
  /** The text after the flags, trimmed. */
  rest: string;
  args: string[];
  json: boolean;
  heredocs: ReadHeredoc[];
  sub?: ReadNode;
}

export interface ReadProblem {
  message: string;
  /** Where BuildKit reports it (its own count: a directive error is on the line before). */
  line: number;
  endLine: number;
}

export interface ReadResult {
  escape: '\\' | '`';
  directives: { name: string; value: string; line: number }[];
  nodes: ReadNode[];
  /** BuildKit refuses the file: nothing after the error is read. */
  error?: ReadProblem;
  warnings: ReadProblem[];
}

/** BuildKit's bufio.Scanner gives up on a line of 64 KiB or more. */
const MAX_LINE = 64 * 1024;

class Lines {
  private pos = 0;
  tooLong = false;
  constructor(private readonly text: string) {}
  next(): string | undefined {
    if (this.tooLong || this.pos >= this.text.length) return undefined;
    const nl = this.text.indexOf('\n', this.pos);
    const end = nl < 0 ? this.text.length : nl + 1;
    const line = this.text.slice(this.pos, end);
    const body = nl < 0 ? line : line.slice(0, -1);
    if (body.length >= MAX_LINE / 4 && byteLength(body) >= MAX_LINE) {
      this.tooLong = true;
      return undefined;
    }
    this.pos = end;
    return line;
  }
}

class Directives {
  done = false;
  readonly seen = new Set<string>();
  readonly list: ReadResult['directives'] = [];
  escape: '\\' | '`' = '\\';
  /** BuildKit's DirectiveParser.ParseLine; true when the line was a directive. */
  parse(line: string, at: number): boolean {
    if (this.done) return false;
    if (!line.startsWith('#')) return (this.done = true) && false;
    const nv = nameValue(trimLeftSpace(line.slice(1)));
    const name = nv?.name.toLowerCase();
    if (!nv || !name || !['syntax', 'escape', 'check'].includes(name)) return (this.done = true) && false;
    if (this.seen.has(name)) throw new ParseError(`only one ${name} parser directive can be used`);
    this.seen.add(name);
    if (name === 'escape') {
      if (nv.value !== '`' && nv.value !== '\\') throw new ParseError(`invalid escape token '${nv.value}' does not match \` or \\`);
      this.escape = nv.value;
    }
    this.list.push({ name, value: nv.value, line: at });
    return true;
  }
}

const isComment = (line: string): boolean => trimLeftSpace(line).startsWith('#');

/** BuildKit's trimContinuationCharacter: [text, true] when the line does not continue. */
function continuation(line: string, esc: string): [string, boolean] {
  let j = line.length;
  while (j > 0 && (line[j - 1] === ' ' || line[j - 1] === '\t')) j--;
  if (j === 0 || line[j - 1] !== esc) return [line, true];
  if (j === 1) return ['', false];
  if (line[j - 2] === esc) return [line, true];
  return [line.slice(0, j - 1), false];
}

function nodeFromLine(line: string, escape: string): ReadNode {
  const { cmd, flags, args } = splitCommand(line, escape);
  const lower = goLower(cmd);
  const node: ReadNode = { keyword: cmd, lower, original: line, line: 0, endLine: 0, flags, rest: args, args: [], json: false, heredocs: [] };
  if (lower === 'onbuild') {
    if (args !== '') node.sub = nodeFromLine(args, escape);
    return node;
  }
  const parse = DISPATCH.get(lower);
  if (!parse) node.args = [''];
  else {
    const p = parse(args, escape);
    node.args = p.args;
    node.json = p.json;
  }
  return node;
}

const HEREDOC_KEYWORDS = new Set(['run', 'copy', 'add']);

function canContainHeredoc(node: ReadNode): boolean {
  const n = node.lower === 'onbuild' && node.sub ? node.sub : node;
  return HEREDOC_KEYWORDS.has(n.lower) && !n.json;
}

function fail(out: ReadResult, message: string, line: number, endLine: number): ReadResult {
  out.error = { message, line, endLine: endLine <= line ? line : endLine };
  return out;
}

/**
 * Reads a Dockerfile as BuildKit does. Never throws for bad input. With `sink`, each instruction
 * goes there as soon as it is read (with the file's escape character, settled by then) instead of
 * into `nodes`, so that a caller converting them need not hold every node at once.
 */
export function readDockerfile(text: string, sink?: (node: ReadNode, escape: '\\' | '`') => void): ReadResult {
  const d = new Directives();
  const out: ReadResult = { escape: '\\', directives: d.list, nodes: [], warnings: [] };
  const lines = new Lines(text);
  let current = 0;
  let read = 0;
  const process = (tok: string, strip: boolean): string => {
    let t = trimNewline(tok);
    if (strip) t = trimLeftSpace(t);
    d.parse(t, current + 1);
    return isComment(t) ? '' : t;
  };
  for (let tok = lines.next(); tok !== undefined; tok = lines.next()) {
    if (current === 0 && tok.startsWith('\ufeff')) tok = tok.slice(1);
    let first: string;
    try {
      first = process(tok, true);
    } catch (e) {
      return fail(out, (e as Error).message, current, 0);
    }
    out.escape = d.escape;
    current++;
    const start = current;
    let [buf, eol] = continuation(first, d.escape);
    if (eol && buf === '') continue;
    let emptyContinuation = false;
    while (!eol) {
      const next = lines.next();
      if (next === undefined) break;
      const l = process(next, false);
      current++;
      if (isComment(next)) continue;
      if ([...l].every((c) => isGoSpace(c.codePointAt(0)!))) {
        emptyContinuation = true;
        continue;
      }
      let part: string;
      [part, eol] = continuation(l, d.escape);
      buf += part;
    }
    if (emptyContinuation) out.warnings.push({ message: `Empty continuation line found in: ${buf}`, line: current, endLine: current });
    let node: ReadNode;
    try {
      node = nodeFromLine(buf, d.escape);
    } catch (e) {
      if (e instanceof ParseError) return fail(out, e.message, start, current);
      throw e;
    }
    if (canContainHeredoc(node) && buf.includes('<<')) {
      const heads = heredocsFromLine(buf);
      if (heads instanceof Error) return fail(out, heads.message, start, current);
      for (const h of heads) {
        const body: string[] = [];
        const line = current + 1;
        let terminated = false;
        for (let l = lines.next(); l !== undefined; l = lines.next()) {
          current++;
          let candidate = trimNewline(l);
          if (h.chomp) candidate = candidate.replace(/^\t+/, '');
          if (candidate === h.name) {
            terminated = true;
            break;
          }
          body.push(l);
        }
        if (!terminated) return fail(out, 'unterminated heredoc', start, current);
        node.heredocs.push({ ...h, content: body.join(''), line });
      }
    }
    node.line = start;
    node.endLine = current;
    read++;
    if (sink) sink(node, d.escape);
    else out.nodes.push(node);
  }
  if (read === 0) return fail(out, 'file with no instructions', current, 0);
  if (lines.tooLong) return fail(out, `dockerfile line greater than max allowed size of ${MAX_LINE - 1}`, current, 0);
  return out;
}
