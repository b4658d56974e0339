/**
 * Shell patterns of `${NAME#p}`, `${NAME%p}`, `${NAME/p/r}` as BuildKit's lexer matches them: the
 * pattern becomes a regular expression (`*` any run, `?` one character, `\\` escapes `*`, `?`, `\\`),
 * and replacing all follows Go's ReplaceAllString (which is what BuildKit calls).
 */
import { ExpansionError, MAX_EXPANDED } from './expand.js';

/** A shell pattern (`*`, `?`, `\` escapes) as a regular expression, as BuildKit converts it. */
export function patternRegex(pattern: string, greedy: boolean, anchored: boolean): RegExp {
  const chars = Array.from(pattern);
  let out = anchored ? '^' : '';
  for (let i = 0; i < chars.length; i++) {
    let c = chars[i]!;
    if (c === '*') out += greedy ? '[^\\n]*' : '[^\\n]*?';
    else if (c === '?') out += '[^\\n]';
    else if (c === '\\') {
      const n = chars[i + 1];
      if (n === '}' || n === '/') continue;
      i++;
      c = chars[i] ?? '';
      if (c !== '*' && c !== '?' && c !== '\\') throw new ExpansionError(`invalid pattern (${pattern}) in substitution: invalid escape '\\${c}'`);
      out += `\\${c}`;
    } else out += '[]{}.+()|^$/'.includes(c) ? `\\${c}` : c;
  }
  return new RegExp(out, 'gu');
}

/** Go's ReplaceAllString: no replacement for an empty match right after a match; `$0` is the match, other `$name`s are empty. */
export function replaceAll(value: string, re: RegExp, replacement: string): string {
  let out = '';
  let last = 0;
  let at = 0;
  while (at <= value.length) {
    re.lastIndex = at;
    const m = re.exec(value);
    if (m === null) break;
    const start = m.index;
    const end = start + m[0].length;
    out += value.slice(last, start);
    if (end > last || start === 0) out += template(replacement, m[0]);
    if (out.length > MAX_EXPANDED) throw new ExpansionError(`the expanded value is longer than ${MAX_EXPANDED} characters`, true);
    last = end;
    const width = at < value.length ? String.fromCodePoint(value.codePointAt(at)!).length : 1;
    at = at + width > end ? at + width : Math.max(at + 1, end);
  }
  return out + value.slice(last);
}

function template(replacement: string, match: string): string {
  if (!replacement.includes('$')) return replacement;
  return replacement.replace(/\$(\$|\{([A-Za-z0-9_]*)\}|[A-Za-z0-9_]+)?/g, (whole, ref: string | undefined, braced: string | undefined) => {
    if (ref === undefined || braced === '') return whole;
    if (ref === '$') return '$';
    const name = braced ?? ref;
    return /^\d+$/.test(name) && Number(name) === 0 ? match : '';
  });
}

export function trimPrefix(pattern: string, value: string, greedy: boolean): string {
  const re = patternRegex(pattern, greedy, true);
  re.lastIndex = 0;
  const m = re.exec(value);
  return m === null ? value : value.slice(m[0].length);
}

/** Reverses a pattern by characters, keeping each `\x` pair in its order. */
function reversePattern(pattern: string): string {
  const chars = Array.from(pattern);
  const out: string[] = [];
  for (let i = 0; i < chars.length; ) {
    if (chars[i] === '\\' && i !== chars.length - 1) {
      out.push(chars[i + 1]!, '\\');
      i += 2;
    } else out.push(chars[i++]!);
  }
  return out.reverse().join('');
}

const reverse = (s: string): string => Array.from(s).reverse().join('');

export function trimSuffix(pattern: string, value: string, greedy: boolean): string {
  return reverse(trimPrefix(reversePattern(pattern), reverse(value), greedy));
}

