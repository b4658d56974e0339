/**
 * BuildKit's BFlags.Parse (frontend/dockerfile/instructions/bflag.go): the flags an instruction
 * accepts, each a boolean, a string or a repeatable string, and the errors BuildKit refuses a
 * file for (an unknown flag, a flag given twice, a missing or wrong value).
 */

export type FlagKind = 'bool' | 'string' | 'strings';

export interface FlagValues {
  /** The last value of each string or boolean flag given ("true"/"false" for booleans). */
  readonly value: ReadonlyMap<string, string>;
  /** Every value of each repeatable flag, in order. */
  readonly values: ReadonlyMap<string, readonly string[]>;
}

/** Reads `flags` (as the reader split them: `--name[=value]`) against what an instruction accepts; a string is BuildKit's error. */
export function parseFlags(flags: readonly string[], accepted: Readonly<Record<string, FlagKind>>): FlagValues | string {
  const value = new Map<string, string>();
  const values = new Map<string, string[]>();
  const used = new Set<string>();
  for (const a of flags) {
    if (a === '--') break;
    if (!a.startsWith('--')) return `arg should start with -- : ${a}`;
    const eq = a.indexOf('=');
    const flagName = eq < 0 ? a : a.slice(0, eq);
    const given = eq < 0 ? undefined : a.slice(eq + 1);
    const name = flagName.slice(2);
    const kind = Object.hasOwn(accepted, name) ? accepted[name] : undefined;
    if (kind === undefined) return `unknown flag: ${flagName}`;
    if (used.has(name) && kind !== 'strings') return `duplicate flag specified: ${flagName}`;
    used.add(name);
    if (kind === 'bool') {
      if (given === '') return `missing a value on flag: ${flagName}`;
      const v = (given ?? '').toLowerCase();
      if (v !== 'true' && v !== 'false' && v !== '') return `expecting boolean value for flag ${flagName}, not: ${given ?? ''}`;
      value.set(name, v === 'false' ? 'false' : 'true');
      continue;
    }
    if (given === undefined) return `missing a value on flag: ${flagName}`;
    if (kind === 'string') value.set(name, given);
    else values.set(name, [...(values.get(name) ?? []), given]);
  }
  return { value, values };
}
