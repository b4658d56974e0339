/** Appends every item of `items` to `target` in order and returns `target`. */
export declare function appendAll<T>(target: T[], items: Iterable<T>): T[];
/** The largest of `floor` and every value in `values` (`floor` when there are none). */
export declare function maxOf(floor: number, values: Iterable<number>): number;
