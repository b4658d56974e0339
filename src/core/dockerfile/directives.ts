/**
 * Parser directives as BuildKit reads them (frontend/dockerfile/parser, DirectiveParser):
 *
 * - only `syntax`, `escape` and `check` are directives (name case-insensitive);
 * - a line is one when, after its leading blanks, it is `#`, optional blanks, then
 *   `name = value` with the value trimmed of blanks at both ends;
 * - the block ends at the first line that is not a known directive (an unknown key such as
 *   `# x-generated-by=renovate`, a plain comment, an empty line, an instruction);
 * - a directive given twice, or an escape character other than `\` and `` ` ``, is an error:
 *   BuildKit refuses the file.
 *
 * Lines end at `\n` only, as in BuildKit's scanner; a `\r` before it is dropped.
 */

export interface DirectiveError {
  /** 1-based line of the directive. */
  line: number;
  message: string;
}

export interface DirectiveBlock {
  /** Directive names lower-cased, values trimmed. */
  directives: Record<string, string>;
  /** The escape character in force for the rest of the file. */
  escape: '\\' | '`';
  /** Offset of the first character after the last directive line. */
  end: number;
  errors: DirectiveError[];
}

const KNOWN = new Set(['syntax', 'escape', 'check']);

/** Blanks as Go's unicode.IsSpace sees them (what BuildKit trims at the start of a line). */
export function isGoSpace(c: number): boolean {
  if (c === 32 || (c >= 9 && c <= 13) || c === 0x85 || c === 0xa0) return true;
  if (c < 0x1680) return false;
  return c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;
}

/** Go's regexp `\s`: ASCII tab, line feed, form feed, carriage return and space (not vertical tab). */
function isRegexpSpace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\f' || ch === '\r';
}

/** `name` and `value` of a `name = value` text, or undefined when it is not of that shape. */
export function nameValue(body: string): { name: string; value: string } | undefined {
  const m = /^([A-Za-z][A-Za-z0-9]*)/.exec(body);
  if (!m) return undefined;
  let i = m[1]!.length;
  while (i < body.length && isRegexpSpace(body[i]!)) i++;
  if (body[i] !== '=') return undefined;
  i++;
  while (i < body.length && isRegexpSpace(body[i]!)) i++;
  let j = body.length;
  while (j > i && isRegexpSpace(body[j - 1]!)) j--;
  // the value is at least one character, and Go's `.` does not match a line feed
  const value = body.slice(i, j);
  if (value === '' || value.includes('\n')) return undefined;
  return { name: m[1]!, value };
}

/** Reads the directive block at the top of `text`, starting at `from` (after a byte-order mark). */
export function readDirectiveBlock(text: string, from: number): DirectiveBlock {
  const block: DirectiveBlock = { directives: {}, escape: '\\', end: from, errors: [] };
  let pos = from;
  for (let line = 1; pos < text.length; line++) {
    const nl = text.indexOf('\n', pos);
    const next = nl < 0 ? text.length : nl + 1;
    let raw = text.slice(pos, nl < 0 ? text.length : nl);
    if (raw.endsWith('\r')) raw = raw.slice(0, -1);
    let i = 0;
    while (i < raw.length && isGoSpace(raw.charCodeAt(i))) i++;
    if (raw[i] !== '#') break;
    i++;
    while (i < raw.length && isGoSpace(raw.charCodeAt(i))) i++;
    const nv = nameValue(raw.slice(i));
    const name = nv?.name.toLowerCase();
    if (nv === undefined || name === undefined || !KNOWN.has(name)) break;
    if (name in block.directives) {
      block.errors.push({ line, message: `only one "${name}" parser directive may be used; BuildKit refuses the file: remove the second "# ${name}=" line` });
      break;
    }
    if (name === 'escape' && nv.value !== '\\' && nv.value !== '`') {
      block.errors.push({ line, message: `invalid escape character "${nv.value}": BuildKit accepts only \\ or \` in "# escape="; fix the directive` });
      break;
    }
    block.directives[name] = nv.value;
    if (name === 'escape') block.escape = nv.value as '\\' | '`';
    pos = next;
    block.end = next;
  }
  return block;
}
