/**
 * Escaping for every channel a finding's text reaches: GitHub-flavoured markdown (comment, job
 * summary, check-run summary), workflow commands (annotations in the log), and the terminal.
 *
 * Finding messages, paths, rule ids, suppression reasons and scanner errors are untrusted: they
 * come from the scanned repository (file names, Dockerfile text, YAML keys), from Trivy's
 * advisory database and from tool output. None of them may ping people, inject HTML, links or
 * markup, break a table, or drive the terminal.
 */

/** Default cap for one piece of untrusted inline text, in UTF-16 code units, before escaping. */
export const DEFAULT_TEXT_MAX = 1000;
/** Default cap for the content of one code span, in UTF-16 code units. */
export const DEFAULT_CODE_MAX = 300;

const ELLIPSIS = '…';
/** Zero-width joiner: keeps `@name` and `#123` readable while GitHub no longer links or pings them. */
const ZWJ = '\u200d';

const LINE_BREAKS = /\r\n|[\n\v\f\r\u0085\u2028\u2029]/g;
/**
 * C0/C1 controls (ESC, CSI, NUL, DEL …) and bidirectional overrides/isolates (the "Trojan
 * Source" characters): removed. Tab becomes a space separately.
 */
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000e-\u001f\u007f-\u0084\u0086-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const LONE_SURROGATES = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Untrusted text → one safe line of plain text: well-formed UTF-16, line breaks folded to
 * spaces, tabs to spaces, control and bidi-override characters removed, trimmed, and capped at
 * `max` code units (an ellipsis marks the cut). Safe to print to a terminal.
 */
export function plainText(input: unknown, max = DEFAULT_TEXT_MAX): string {
  let s = typeof input === 'string' ? input : input === undefined || input === null ? '' : String(input);
  const limit = Math.max(1, Math.floor(max));
  let cut = false;
  // Cut first (cheap on 100 KB messages), then clean; a little slack for what cleaning removes.
  if (s.length > limit + 64) {
    s = s.slice(0, limit + 64);
    cut = true;
  }
  s = s.replace(LONE_SURROGATES, '\ufffd').replace(LINE_BREAKS, ' ').replace(/\t/g, ' ').replace(CONTROLS, '').trim();
  if (s.length > limit) {
    s = s.slice(0, limit);
    cut = true;
  }
  if (cut) {
    // Never leave half a surrogate pair behind.
    if (/[\ud800-\udbff]$/.test(s)) s = s.slice(0, -1);
    s = s.trimEnd() + ELLIPSIS;
  }
  return s;
}

/** ASCII punctuation that starts or ends markdown syntax anywhere in a line. */
const MD_PUNCT = new Set(['\\', '`', '*', '_', '[', ']', '(', ')', '!', '|', '~', '$', '{', '}', ':']);

export interface TextOptions {
  /** Cap on the input, in UTF-16 code units, before escaping (default 1000). */
  max?: number;
}

/**
 * Untrusted text → inert inline GitHub-flavoured markdown, safe inside a table cell, a list item,
 * a heading or a `<summary>`:
 * - `&`, `<`, `>` become entities: no raw HTML, no `<autolink>`;
 * - markdown punctuation is backslash-escaped: no emphasis, code, links (`](javascript:…)`),
 *   images, strike-through, math (`$`), footnotes, autolink literals (`https:`, `www.`); `|`
 *   cannot end a table cell (GFM keeps a pipe in the cell whenever a backslash is right before it);
 * - `@` and `#` get a zero-width joiner after them: no `@user`/`@org/team` ping, no issue
 *   cross-reference;
 * - a leading `-`, `+`, `=` or `1.` cannot start a list or a heading underline;
 * - line breaks folded, control characters removed, length capped ({@link plainText}).
 */
export function escapeMarkdownText(input: unknown, opts: TextOptions = {}): string {
  const s = plainText(input, opts.max ?? DEFAULT_TEXT_MAX);
  let out = '';
  for (const ch of s) {
    switch (ch) {
      case '&':
        out += '&amp;';
        break;
      case '<':
        out += '&lt;';
        break;
      case '>':
        out += '&gt;';
        break;
      case '"':
        out += '&quot;';
        break;
      case '@':
        out += '@' + ZWJ;
        break;
      case '#':
        out += '\\#' + ZWJ;
        break;
      default:
        out += MD_PUNCT.has(ch) ? '\\' + ch : ch;
    }
  }
  // Block starters only matter at the very start: the text is always one line. `www.` would
  // become an autolink literal (`http:` ones are already broken by the escaped colon).
  return out
    .replace(/^([-+=])/, '\\$1')
    .replace(/^(\d{1,9})([.])/, '$1\\$2')
    .replace(/(www)\./gi, '$1\\.');
}

export interface CodeSpanOptions {
  /** Cap on the content, in UTF-16 code units (default 300). */
  max?: number;
  /**
   * The span sits in a GFM table cell: each `|` is written `\|` so it cannot end the cell (GFM
   * drops that backslash again before parsing the cell, so the span shows a plain `|`).
   */
  table?: boolean;
}

/**
 * Untrusted text → one inline code span: the backtick fence is one longer than the longest run
 * of backticks inside, padded with a space when the content starts or ends with a backtick or a
 * space (CommonMark strips exactly one space on each side again). Nothing inside a code span is
 * markup: no HTML, no link, no mention. Line breaks folded, controls removed, length capped.
 */
export function codeSpan(input: unknown, opts: CodeSpanOptions = {}): string {
  let s = plainText(input, opts.max ?? DEFAULT_CODE_MAX);
  if (s === '') return '` `';
  let longest = 0;
  for (const m of s.matchAll(/`+/g)) longest = Math.max(longest, m[0].length);
  const fence = '`'.repeat(longest + 1);
  const pad = /^[` ]|[` ]$/.test(s) ? ' ' : '';
  if (opts.table) s = s.replace(/\|/g, '\\|');
  return `${fence}${pad}${s}${pad}${fence}`;
}

/**
 * Data (the message) of a workflow command `::error …::<data>`: the toolkit's `escapeData`
 * rules (`%` → `%25`, CR → `%0D`, LF → `%0A`), so the message cannot end the command or start
 * another one on a new line.
 */
export function escapeWorkflowCommandData(s: unknown): string {
  return String(s ?? '')
    .replace(/%/g, '%25')
    .replace(/\r/g, '%0D')
    .replace(/\n/g, '%0A');
}

/**
 * A property value of a workflow command (`file=`, `title=` …): the toolkit's `escapeProperty`
 * rules, i.e. the data rules plus `:` → `%3A` and `,` → `%2C`, so a value cannot end the
 * property list or inject another property.
 */
export function escapeWorkflowCommandProperty(s: unknown): string {
  return escapeWorkflowCommandData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * An http(s) URL that is safe as a markdown link destination, or undefined. Parentheses,
 * brackets, pipes, quotes, backticks, angle brackets and spaces are percent-encoded, so the URL
 * cannot close the link or the table cell early. Other schemes (`javascript:`, `data:` …) are
 * refused.
 */
export function safeHttpUrl(input: unknown): string | undefined {
  if (typeof input !== 'string' || input.length === 0 || input.length > 2048) return undefined;
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  if (url.username || url.password || url.hostname.startsWith('[')) return undefined;
  return url.href.replace(/[()[\]|"'`<>\s\\]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'));
}

/**
 * Untrusted text → inert text inside a raw HTML block such as `<summary>…</summary>`, where
 * markdown backslash escapes are not processed: entities for `& < > " '`, a zero-width joiner
 * after `@` and `#`, one line, controls removed, capped.
 */
export function escapeHtmlText(input: unknown, opts: TextOptions = {}): string {
  const s = plainText(input, opts.max ?? DEFAULT_TEXT_MAX);
  return s.replace(/[&<>"'@#]/g, (c) => {
    switch (c) {
      case '&':
        return '&amp;';
      case '<':
        return '&lt;';
      case '>':
        return '&gt;';
      case '"':
        return '&quot;';
      case "'":
        return '&#39;';
      default:
        return c + ZWJ;
    }
  });
}

/** A repository-relative path → URL path segments, each percent-encoded (and `(`, `)` too). */
export function encodePathForUrl(path: string): string {
  return path
    .split('/')
    .filter((seg) => seg !== '' && seg !== '.')
    .map((seg) => encodeURIComponent(seg).replace(/[()'!*~]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase()))
    .join('/');
}
