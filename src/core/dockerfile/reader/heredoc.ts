/**
 * BuildKit's heredoc grammar (parser.go: heredocsFromLine, ParseHeredoc): the instruction line is
 * split into shell words (escape `\` whatever the file's escape is, quotes and escapes kept); a word
 * `[digits]<<[-][blanks]rest` opens a heredoc when `rest`, shell-lexed, is one word. That word is the
 * delimiter (`<<E"O"F` is EOF); the body is expanded only when no part of `rest` was quoted.
 */
import { shellWords } from './shell-words.js';

export interface HeredocHead {
  name: string;
  fd: number;
  expand: boolean;
  chomp: boolean;
}

const HEREDOC = /^(\d*)<<(-?)[\t\n\f\r ]*([^<]*)$/;

function quotes(s: string): number {
  let n = 0;
  for (const c of s) if (c === '"' || c === "'") n++;
  return n;
}

/** The heredoc a word opens, undefined when it opens none, an Error when BuildKit refuses it. */
export function parseHeredoc(word: string): HeredocHead | undefined | Error {
  const m = HEREDOC.exec(word);
  if (!m) return undefined;
  const rest = m[3]!;
  if (rest === '') return undefined;
  const words = shellWords(rest, { escape: '\\', rawQuotes: false, rawEscapes: false });
  if (words instanceof Error) return words;
  if (words.length !== 1) return undefined;
  const raw = shellWords(rest, { escape: '\\', rawQuotes: true, rawEscapes: false });
  if (raw instanceof Error) return raw;
  if (raw.length !== words.length) return new Error(`internal lexing of heredoc produced inconsistent results: ${rest}`);
  const fd = m[1] === '' ? 0 : Number(m[1]);
  return { name: words[0]!, fd: Number.isSafeInteger(fd) ? fd : 0, expand: quotes(words[0]!) === quotes(raw[0]!), chomp: m[2] === '-' };
}

/** The heredocs an instruction line opens, in order. */
export function heredocsFromLine(line: string): HeredocHead[] | Error {
  const words = shellWords(line, { escape: '\\', rawQuotes: true, rawEscapes: true });
  const out: HeredocHead[] = [];
  if (words instanceof Error) return out;
  for (const w of words) {
    const h = parseHeredoc(w);
    if (h instanceof Error) return h;
    if (h) out.push(h);
  }
  return out;
}
