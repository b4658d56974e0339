// Array helpers that hold for any length. A spread argument (`out.push(...xs)`, `Math.max(...xs)`)
// puts every element on the call stack and throws a RangeError at roughly 100,000 elements, which a
// hostile or merely large input reaches (a pod with 20,000 containers, a Dockerfile with 200,000
// instructions). The lint (eslint.config.mjs, `spreadBans`) forbids those calls; use these instead.

/** Appends every item of `items` to `target` in order and returns `target`. */
export function appendAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}

/** The largest of `floor` and every value in `values` (`floor` when there are none). */
export function maxOf(floor: number, values: Iterable<number>): number {
  let max = floor;
  for (const v of values) if (v > max) max = v;
  return max;
}
