/**
 * The flags of `docker run` / `docker container run` as the Docker CLI defines them
 * (cli/command/container/run.go and opts.go, the reference page `docker container run`): which
 * take a value, which are booleans, their one-letter shorthands and their aliases. Pure data.
 */
/** Flags that are booleans (`--rm`, `--rm=false`, grouped shorthands `-it`). */
export declare const BOOL_FLAGS: ReadonlySet<string>;
/** Flags that take a value (`--name v`, `--name=v`, `-e v`, `-ev`, `-e=v`). */
export declare const VALUE_FLAGS: ReadonlySet<string>;
/** One-letter shorthands. */
export declare const SHORTHANDS: ReadonlyMap<string, string>;
/** Long names the CLI also accepts for a flag (hidden aliases). */
export declare const ALIASES: ReadonlyMap<string, string>;
/**
 * Valued flags that may be given several times, each adding a value (the CLI's list, map, mount,
 * ulimit, gpu and network options); every other flag is single-valued: the last one wins.
 */
export declare const REPEATABLE_FLAGS: ReadonlySet<string>;
/** Options of the `docker` command itself that may stand before `run` and take a value. */
export declare const GLOBAL_VALUE_FLAGS: ReadonlySet<string>;
export declare const GLOBAL_SHORT_VALUE: ReadonlySet<string>;
