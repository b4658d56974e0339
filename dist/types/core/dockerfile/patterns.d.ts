/** A shell pattern (`*`, `?`, `\` escapes) as a regular expression, as BuildKit converts it. */
export declare function patternRegex(pattern: string, greedy: boolean, anchored: boolean): RegExp;
/** Go's ReplaceAllString: no replacement for an empty match right after a match; `$0` is the match, other `$name`s are empty. */
export declare function replaceAll(value: string, re: RegExp, replacement: string): string;
export declare function trimPrefix(pattern: string, value: string, greedy: boolean): string;
export declare function trimSuffix(pattern: string, value: string, greedy: boolean): string;
