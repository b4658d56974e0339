/**
 * V8 tuning for the entry points (the CLI and the action), applied before any scan runs.
 *
 * A scan runs a few hundred hot functions (the Dockerfile parser, the shell splitter, the YAML
 * parser, ~60 rules) over thousands of small files, once. Measured on the 10,000-Dockerfile bench
 * pinned to one core, TurboFan's compile work was a quarter to a third of the engine's CPU time
 * (callgrind count; V8's own compile timings), because each rule's optimised code inlines the
 * same helpers again. A smaller cumulative inlining budget
 * (200 bytes of bytecode instead of V8's 920) cut the engine's time by about 10% on Node 20 and
 * Node 24 alike, and cut instructions by 5% in a deterministic callgrind count; the code it
 * produces is a little slower per call, which a bounded run does not make up for. Turning off
 * TurboFan's loop peeling (which copies each loop's first iteration) took another ~5% of wall time
 * and 2% of instructions: the parsers' loops are short and many. Not inlining the array builtins
 * (map, filter, some, find … called as builtins instead of being copied into each caller's graph)
 * took another 2.5% of the engine's instructions: the rules call them everywhere, mostly on arrays of
 * a few elements, where the copy saved little and cost a compile.
 *
 * The flags exist in the V8 of Node 20 and of Node 24. An unknown flag would not throw: V8 would
 * only print "unrecognized flag" on stderr, so test/unit/v8-tuning.test.ts checks the flag against
 * the running Node's --v8-options and that the CLI bundle starts without a word on stderr.
 */
import { setFlagsFromString } from 'node:v8';

export const V8_FLAGS = ['--max-inlined-bytecode-size-cumulative=200', '--no-turbo-loop-peeling', '--no-turbo-inline-array-builtins'] as const;

export function tuneV8(): void {
  for (const f of V8_FLAGS) setFlagsFromString(f);
}
