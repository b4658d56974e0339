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
import type { Parser } from 'yaml';
/** Makes `parser` close deep dedents in a loop (see the file comment); returns it. */
export declare function flattenDedents(parser: Parser): Parser;
