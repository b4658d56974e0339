/**
 * BuildKit's splitCommand and extractBuilderFlags (parser/split_command.go): the keyword, then the
 * leading `--flag` words (quotes removed, the escape character escaping the next byte), then the
 * rest. Flags are read byte by byte as BuildKit does, so a byte 0x85 or 0xA0 inside a multi-byte
 * character ends a word there too, and a flag's non-ASCII bytes each become one character.
 */
import { fromBytes, isGoSpace, toBytes, trimSpace } from './text.js';

export interface SplitLine {
  cmd: string;
  flags: string[];
  /** Arguments after the flags, trimmed. */
  args: string;
}

const WS = /[\t\v\f\r ]+/;

export function splitCommand(line: string, escape: string): SplitLine {
  const trimmed = trimSpace(line);
  const m = WS.exec(trimmed);
  if (!m) return { cmd: trimmed, flags: [], args: '' };
  const cmd = trimmed.slice(0, m.index);
  const { rest, flags } = extractBuilderFlags(trimmed.slice(m.index + m[0].length), escape);
  return { cmd, flags, args: trimSpace(rest) };
}

function extractBuilderFlags(text: string, escape: string): { rest: string; flags: string[] } {
  const line = toBytes(text);
  const esc = escape.charCodeAt(0);
  const words: string[] = [];
  let phase: 'spaces' | 'word' | 'quote' = 'spaces';
  let word = '';
  let quote = 0;
  let blankOK = false;
  const done = (pos: number): { rest: string; flags: string[] } => ({ rest: fromBytes(line.slice(pos)), flags: words });
  for (let pos = 0; pos <= line.length; pos++) {
    const c = pos < line.length ? line.charCodeAt(pos) : -1;
    if (phase === 'spaces') {
      if (pos === line.length) break;
      if (isGoSpace(c)) continue;
      if (c !== 45 || pos + 1 === line.length || line.charCodeAt(pos + 1) !== 45) return done(pos);
      phase = 'word';
    }
    if (pos === line.length) {
      if (word !== '--' && (blankOK || word.length > 0)) words.push(word);
      break;
    }
    if (phase === 'word') {
      if (isGoSpace(c)) {
        phase = 'spaces';
        if (word === '--') return done(pos);
        if (blankOK || word.length > 0) words.push(word);
        word = '';
        blankOK = false;
        continue;
      }
      if (c === 39 || c === 34) {
        quote = c;
        blankOK = true;
        phase = 'quote';
        continue;
      }
      if (c === esc) {
        if (pos + 1 === line.length) continue;
        pos++;
      }
      word += line[pos];
      continue;
    }
    if (c === quote) {
      phase = 'word';
      continue;
    }
    if (c === esc) {
      if (pos + 1 === line.length) {
        phase = 'word';
        continue;
      }
      pos++;
    }
    word += line[pos];
  }
  return { rest: '', flags: words };
}
