/**
 * Fitting a document under a size cap: fixed text always stays, row blocks (table rows, list
 * items) are filled in priority order and cut from their end, and every cut block says how many
 * rows it left out. Used by the comment (characters), the job summary (UTF-8 bytes) and the
 * check run (characters).
 */

export interface TextBlock {
  kind: 'text';
  text: string;
}

export interface RowsBlock {
  kind: 'rows';
  /** Lower is kept first. Blocks of equal priority fill in document order. */
  priority: number;
  /** Written before the first kept row (a heading and a table header); omitted with no rows. */
  head: string;
  rows: string[];
  /** Written after the last kept row. */
  tail: string;
  /** The note written when `n` of the rows were left out (must grow at most with the digits of n). */
  omitted: (n: number) => string;
}

export type Block = TextBlock | RowsBlock;

export type Measure = (s: string) => number;

export const measureChars: Measure = (s) => s.length;
export const measureBytes: Measure = (s) => Buffer.byteLength(s, 'utf8');

export interface Fitted {
  text: string;
  /** Rows left out, over all blocks. */
  omitted: number;
  /** False when even the fixed text and the notes did not fit (the caller falls back). */
  ok: boolean;
}

export function text(t: string): TextBlock {
  return { kind: 'text', text: t };
}

export function fitBlocks(blocks: readonly Block[], max: number, measure: Measure): Fitted {
  let fixed = 0;
  for (const b of blocks) {
    // Reserve each block's worst-case note: the real note is never longer.
    fixed += b.kind === 'text' ? measure(b.text) : b.rows.length > 0 ? measure(b.omitted(b.rows.length)) : 0;
  }
  let budget = max - fixed;
  const keep = new Map<RowsBlock, number>();
  const order = blocks
    .map((b, i) => ({ b, i }))
    .filter((x): x is { b: RowsBlock; i: number } => x.b.kind === 'rows')
    .sort((x, y) => x.b.priority - y.b.priority || x.i - y.i);
  for (const { b } of order) {
    let n = 0;
    if (b.rows.length > 0 && budget > 0) {
      const frame = measure(b.head) + measure(b.tail);
      let left = budget - frame;
      while (n < b.rows.length) {
        const cost = measure(b.rows[n] as string);
        if (cost > left) break;
        left -= cost;
        n++;
      }
      if (n > 0) budget = left;
    }
    keep.set(b, n);
  }
  let out = '';
  let omitted = 0;
  for (const b of blocks) {
    if (b.kind === 'text') {
      out += b.text;
      continue;
    }
    const n = keep.get(b) ?? 0;
    if (n > 0) out += b.head + b.rows.slice(0, n).join('') + b.tail;
    if (n < b.rows.length) {
      out += b.omitted(b.rows.length - n);
      omitted += b.rows.length - n;
    }
  }
  return { text: out, omitted, ok: budget >= 0 && measure(out) <= max };
}

/**
 * Last resort when the fixed parts alone are over the cap (only with absurdly small caps): cut
 * at a line boundary and close with `ending`, never exceeding `max`.
 */
export function hardCut(s: string, max: number, measure: Measure, ending: string): string {
  if (measure(s) <= max) return s;
  const room = max - measure(ending);
  if (room <= 0) return cutTo(ending, max, measure);
  let cut = cutTo(s, room, measure);
  const nl = cut.lastIndexOf('\n');
  if (nl > 0) cut = cut.slice(0, nl + 1);
  return cut + ending;
}

/** The longest prefix of s measuring ≤ max, never splitting a surrogate pair. */
export function cutTo(s: string, max: number, measure: Measure): string {
  if (max <= 0) return '';
  if (measure(s) <= max) return s;
  let lo = 0;
  let hi = Math.min(s.length, max);
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measure(s.slice(0, mid)) <= max) lo = mid;
    else hi = mid - 1;
  }
  let out = s.slice(0, lo);
  if (/[\ud800-\udbff]$/.test(out)) out = out.slice(0, -1);
  return out;
}
