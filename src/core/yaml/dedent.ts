/**
 * Deep dedents without recursion (issue 17 item 5). The `yaml` package's parser closes block
 * collections on a dedent by recursion: each level closed pops its collection and steps the token
 * again in the parent (`pop(); step()`), one generator frame pair a level, so a key thousands of
 * levels shallower than the line before it overflows the call stack (and every token yielded
 * through those frames costs their depth). kubectl reads 10,000 levels.
 *
 * `flattenDedents` wraps one parser's `step` so that, before a content token (anything but
 * space, newline and comment) is stepped, the block collections that the parser would close for
 * it anyway are closed here, in a loop: a block map or sequence on top of the stack whose parent
 * is a block collection indented deeper than the token. The parser's own code for a content token
 * closes both then (its `indent >= map.indent` and `indent > seq.indent` branches fail for the top
 * and for the parent), and closes them the same way, by `pop()`; the last levels (the parent and
 * what it sits in) are left to the parser, so what it decides at the token's own level is its own.
 * The result is the same syntax tree, in linear time. Pure.
 */
import type { CST, Parser } from 'yaml';

type Token = CST.Token;

/** The parser's private members used here (plain JavaScript properties of the instance). */
interface ParserInternals {
  stack: Token[];
  type: string;
  indent: number;
  step: () => Generator<Token, void>;
  pop: (error?: Token) => Generator<Token, void>;
}

const NOT_CONTENT = new Set(['space', 'newline', 'comment']);

function isBlock(t: Token | undefined): t is CST.BlockMap | CST.BlockSequence {
  return t !== undefined && (t.type === 'block-map' || t.type === 'block-seq');
}

/** Closes, iteratively, the block collections the parser would close recursively for the current token. */
function* closeDeep(p: ParserInternals): Generator<Token, void> {
  if (NOT_CONTENT.has(p.type)) return;
  for (;;) {
    const n = p.stack.length;
    const top = p.stack[n - 1];
    const parent = p.stack[n - 2];
    if (n < 3 || !isBlock(top) || !isBlock(parent) || !(p.indent < parent.indent)) return;
    yield* p.pop();
  }
}

/** Makes `parser` close deep dedents in a loop (see the file comment); returns it. */
export function flattenDedents(parser: Parser): Parser {
  const p = parser as unknown as ParserInternals;
  const step = p.step;
  p.step = function* (): Generator<Token, void> {
    yield* closeDeep(p);
    yield* step.call(p);
  };
  return parser;
}
