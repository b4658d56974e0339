/**
 * BuildKit's per-instruction argument parsers (parser/line_parsers.go): how the text after the flags
 * becomes the node's arguments, and when it is the exec (JSON) form.
 */
import { fromBytes, isGoSpace, toBytes } from './text.js';

export interface Parsed {
  args: string[];
  json: boolean;
}

export class ParseError extends Error {}

/** Words with quotes and escapes kept (parseWords), as ENV, LABEL and ARG split them. */
export function parseWords(rest: string, escape: string): string[] {
  const words: string[] = [];
  let phase: 'spaces' | 'word' | 'quote' = 'spaces';
  let quote = '';
  let blankOK = false;
  let word = '';
  const chars = Array.from(rest);
  for (let pos = 0; pos <= chars.length; pos++) {
    let c = chars[pos] ?? '';
    if (phase === 'spaces') {
      if (pos === chars.length) break;
      if (isGoSpace(c.codePointAt(0)!)) continue;
      phase = 'word';
    }
    if (pos === chars.length) {
      if (blankOK || word.length > 0) words.push(word);
      break;
    }
    if (phase === 'word') {
      if (isGoSpace(c.codePointAt(0)!)) {
        phase = 'spaces';
        if (blankOK || word.length > 0) words.push(word);
        word = '';
        blankOK = false;
        continue;
      }
      if (c === "'" || c === '"') {
        quote = c;
        blankOK = true;
        phase = 'quote';
      }
      if (c === escape) {
        if (pos + 1 === chars.length) continue;
        word += c;
        c = chars[++pos]!;
      }
      word += c;
      continue;
    }
    if (c === quote) phase = 'word';
    if (c === escape && quote !== "'") {
      if (pos + 1 === chars.length) {
        phase = 'word';
        continue;
      }
      word += c;
      c = chars[++pos]!;
    }
    word += c;
  }
  return words;
}

const WS = /[\t\v\f\r ]+/;

function nameVal(rest: string, key: string, escape: string): Parsed {
  const words = parseWords(rest, escape);
  if (words.length === 0) return { args: [], json: false };
  if (!words[0]!.includes('=')) {
    const m = WS.exec(rest);
    if (!m) throw new ParseError(`${key} must have two arguments`);
    return { args: [rest.slice(0, m.index), rest.slice(m.index + m[0].length), ''], json: false };
  }
  const args: string[] = [];
  for (const w of words) {
    const eq = w.indexOf('=');
    if (eq < 0) throw new ParseError(`Syntax error - can't find = in ${JSON.stringify(w)}. Must be of the form: name=value`);
    args.push(w.slice(0, eq), w.slice(eq + 1), '=');
  }
  return { args, json: false };
}

function whitespaceDelimited(rest: string): Parsed {
  return { args: rest === '' ? [] : rest.split(WS), json: false };
}

/** Go's encoding/json refuses nesting deeper than 10000 and numbers beyond float64. */
function goDecodable(v: unknown, depth: number): boolean {
  if (depth > 10000) return false;
  if (typeof v === 'number') return Number.isFinite(v);
  if (Array.isArray(v)) return v.every((x) => goDecodable(x, depth + 1));
  if (v !== null && typeof v === 'object') return Object.values(v).every((x) => goDecodable(x, depth + 1));
  return true;
}

/** The JSON form: undefined when the text is not a JSON array (shell form); refuses non-strings. */
function parseJSON(rest: string): Parsed | undefined {
  let i = 0;
  while (i < rest.length && isGoSpace(rest.charCodeAt(i))) i++;
  if (rest[i] !== '[') return undefined;
  let v: unknown;
  try {
    v = JSON.parse(rest.slice(i));
  } catch {
    return undefined;
  }
  if (!Array.isArray(v) || !goDecodable(v, 1)) return undefined;
  if (!v.every((x) => typeof x === 'string')) throw new ParseError('when using JSON array syntax, arrays must be comprised of strings only');
  // Go's decoder turns a lone surrogate (escaped or a raw invalid byte) into U+FFFD
  return { args: (v as string[]).map((s) => s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')), json: true };
}

function maybeJSON(rest: string): Parsed {
  if (rest === '') return { args: [], json: false };
  return parseJSON(rest) ?? { args: [rest], json: false };
}

function maybeJSONToList(rest: string): Parsed {
  return parseJSON(rest) ?? whitespaceDelimited(rest);
}

function healthConfig(rest: string): Parsed {
  const b = toBytes(rest);
  let sep = 0;
  while (sep < b.length && !isGoSpace(b.charCodeAt(sep))) sep++;
  let next = sep;
  while (next < b.length && isGoSpace(b.charCodeAt(next))) next++;
  if (sep === 0) return { args: [], json: false };
  const cmd = maybeJSON(fromBytes(b.slice(next)));
  return { args: [fromBytes(b.slice(0, sep)), ...cmd.args], json: cmd.json };
}

/** Argument parsers by lower-case keyword; ONBUILD is handled by the reader (it parses a sub-instruction). */
export const DISPATCH: ReadonlyMap<string, (rest: string, escape: string) => Parsed> = new Map([
  ['add', maybeJSONToList],
  ['arg', (r: string, e: string) => ({ args: parseWords(r, e), json: false })],
  ['cmd', maybeJSON],
  ['copy', maybeJSONToList],
  ['entrypoint', maybeJSON],
  ['env', (r: string, e: string) => nameVal(r, 'ENV', e)],
  ['expose', whitespaceDelimited],
  ['from', whitespaceDelimited],
  ['healthcheck', healthConfig],
  ['label', (r: string, e: string) => nameVal(r, 'LABEL', e)],
  ['maintainer', (r: string) => ({ args: r === '' ? [] : [r], json: false })],
  ['run', maybeJSON],
  ['shell', maybeJSON],
  ['stopsignal', (r: string) => ({ args: r === '' ? [] : [r], json: false })],
  ['user', (r: string) => ({ args: r === '' ? [] : [r], json: false })],
  ['volume', maybeJSONToList],
  ['workdir', (r: string) => ({ args: r === '' ? [] : [r], json: false })],
]);
