/**
 * Reads a `docker run` argument list as the Docker CLI (spf13/pflag with interspersed flags off)
 * reads it: long flags (`--rm`, `--name v`, `--name=v`), shorthands (`-e v`, `-ev`, `-e=v`),
 * grouped boolean shorthands (`-it`, `-itp 80:80`), `--` ending the flags, the image as the first
 * argument that is not a flag and everything after it the server's own arguments. Pure.
 */
import { ALIASES, BOOL_FLAGS, GLOBAL_SHORT_VALUE, GLOBAL_VALUE_FLAGS, SHORTHANDS, VALUE_FLAGS } from './flags.js';

/** One argument with the line of the file it is written on. */
export interface Word {
  value: string;
  line: number;
}

export interface DockerFlag {
  /** Canonical long name (`volume` for `-v`, `network` for `--net`). */
  name: string;
  /** The value; `"true"`/`"false"` for a boolean. */
  value: string;
  line: number;
  /** How it was written (`-v`, `--volume=…`): for messages, never with the value. */
  spelled: string;
}

export interface DockerRun {
  flags: DockerFlag[];
  image?: Word;
  /** Arguments after the image: the server's own. */
  args: Word[];
  /** What Docker would refuse (unknown flag, missing value, no image), with the line. */
  errors: { line: number; message: string }[];
}

function canonical(long: string): string {
  return ALIASES.get(long) ?? long;
}

/** Reads the words after `run` (or `container run`). */
export function readDockerRun(words: readonly Word[]): DockerRun {
  const out: DockerRun = { flags: [], args: [], errors: [] };
  let i = 0;
  const take = (name: string, spelled: string, line: number, inline: string | undefined): void => {
    if (inline !== undefined) {
      out.flags.push({ name, value: inline, line, spelled });
      return;
    }
    const next = words[i + 1];
    if (!next) {
      out.errors.push({ line, message: `flag ${spelled} needs an argument (Docker: "flag needs an argument")` });
      return;
    }
    i++;
    out.flags.push({ name, value: next.value, line, spelled });
  };
  for (; i < words.length; i++) {
    const w = words[i]!;
    const a = w.value;
    if (a === '--') {
      i++;
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const long = canonical(eq < 0 ? a.slice(2) : a.slice(2, eq));
      const inline = eq < 0 ? undefined : a.slice(eq + 1);
      const spelled = eq < 0 ? a : a.slice(0, eq);
      if (BOOL_FLAGS.has(long)) out.flags.push({ name: long, value: inline ?? 'true', line: w.line, spelled });
      else if (VALUE_FLAGS.has(long)) take(long, spelled, w.line, inline);
      else out.errors.push({ line: w.line, message: `unknown flag ${spelled}: Docker refuses to run this line` });
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      // a group of shorthands: booleans until one that takes a value, which takes the rest
      for (let k = 1; k < a.length; k++) {
        const c = a[k]!;
        const long = SHORTHANDS.get(c);
        if (!long) {
          out.errors.push({ line: w.line, message: `unknown shorthand flag '${c}' in -${a.slice(1, k + 1)}: Docker refuses to run this line` });
          break;
        }
        if (BOOL_FLAGS.has(long)) {
          if (a[k + 1] === '=') {
            out.flags.push({ name: long, value: a.slice(k + 2), line: w.line, spelled: `-${c}` });
            break;
          }
          out.flags.push({ name: long, value: 'true', line: w.line, spelled: `-${c}` });
          continue;
        }
        const rest = a.slice(k + 1);
        take(long, `-${c}`, w.line, rest === '' ? undefined : rest.startsWith('=') ? rest.slice(1) : rest);
        break;
      }
      continue;
    }
    break;
  }
  const image = words[i];
  if (image) {
    out.image = image;
    out.args = words.slice(i + 1);
  } else {
    const last = words[words.length - 1];
    out.errors.push({ line: last?.line ?? 1, message: '"docker run" names no image (Docker: "requires at least 1 argument")' });
  }
  return out;
}

/**
 * Where `docker … run` starts in a command's words: the index of the first word after `run`
 * (`docker run`, `docker container run`, global options such as `--context x` before them), or
 * -1 when the words are not a `docker run` (another subcommand, another program).
 */
export function dockerRunStart(words: readonly Word[], from = 0): number {
  const prog = words[from]?.value ?? '';
  if (!/(^|[/\\])(docker|podman)(\.exe)?$/.test(prog)) return -1;
  let i = from + 1;
  while (i < words.length && words[i]!.value.startsWith('-')) {
    const a = words[i]!.value;
    const long = a.startsWith('--') ? a.slice(2) : undefined;
    const takesValue = long !== undefined ? GLOBAL_VALUE_FLAGS.has(long) : a.length === 2 && GLOBAL_SHORT_VALUE.has(a[1]!);
    i += takesValue ? 2 : 1;
  }
  if (words[i]?.value === 'run') return i + 1;
  if (words[i]?.value === 'container' && words[i + 1]?.value === 'run') return i + 2;
  return -1;
}

/** The last value of a flag (Docker: the last one wins for single-valued flags). */
export function lastFlag(run: DockerRun, name: string): DockerFlag | undefined {
  for (let k = run.flags.length - 1; k >= 0; k--) if (run.flags[k]!.name === name) return run.flags[k];
  return undefined;
}

/** True when a boolean flag is on (last occurrence decides; `--rm=false` turns it off). */
export function boolFlag(run: DockerRun, name: string): boolean {
  const f = lastFlag(run, name);
  return f !== undefined && /^(true|1|t|T|TRUE|True)$/.test(f.value);
}

export function allFlags(run: DockerRun, name: string): DockerFlag[] {
  return run.flags.filter((f) => f.name === name);
}
