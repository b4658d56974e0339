/**
 * BuildKit's instruction parser (frontend/dockerfile/instructions/parse.go, instructions.Parse):
 * the checks it makes of each instruction the parser read before anything is built (arity, flags
 * and their values, ONBUILD triggers, HEALTHCHECK, RUN's --mount/--device/--network/--security,
 * heredoc destinations) and the one it makes of the file (an instruction before the first FROM
 * other than ARG). BuildKit refuses the whole file at the first error; so does the model.
 */
import { shortenSecretLike } from '../../secret-registry.js';
import { parseHeredoc } from './heredoc.js';
import { parseFlags, type FlagKind, type FlagValues } from './bflags.js';
import { csvFields, goParseBool, goParseDuration, goParseInt32 } from './go-values.js';
import type { ReadNode, ReadProblem } from './index.js';
import { goLower, trimSpace } from './text.js';

type Check = (n: ReadNode) => string | undefined;

const atLeastOne = (k: string): string => `${k} requires at least one argument`;
const exactlyOne = (k: string): string => `${k} requires exactly one argument`;
const noDestination = (k: string): string => `${k} requires at least two arguments, but only one was provided. Destination could not be determined`;

/** Go's unicode.ToUpper rune by rune (a character whose upper case is longer stays as it is). */
function goUpper(s: string): string {
  let out = '';
  for (const ch of s) {
    const up = ch.toUpperCase();
    out += [...up].length === 1 ? up : ch;
  }
  return out;
}

/** The flags against what the instruction accepts: BuildKit's error, or undefined. */
function flagsError(n: ReadNode, accepted: Readonly<Record<string, FlagKind>> = {}): string | undefined {
  const r = parseFlags(n.flags, accepted);
  return typeof r === 'string' ? r : undefined;
}

/** handleJSONArgs: the exec form as it is, the shell form joined into one string. */
function commandLine(args: readonly string[], json: boolean): string[] {
  if (args.length === 0) return [];
  return json ? [...args] : [args.join(' ')];
}

function keyValues(n: ReadNode, k: string): string | undefined {
  const f = flagsError(n);
  if (f) return f;
  if (n.args.length === 0) return atLeastOne(k);
  for (let j = 0; j < n.args.length; j += 3) if (n.args[j] === '') return `${k} names can not be blank`;
  return undefined;
}

const COPY_FLAGS: Record<string, FlagKind> = { chown: 'string', from: 'string', chmod: 'string', link: 'bool', exclude: 'strings', parents: 'bool' };
const ADD_FLAGS: Record<string, FlagKind> = { chown: 'string', chmod: 'string', link: 'bool', 'keep-git-dir': 'bool', checksum: 'string', unpack: 'bool', exclude: 'strings' };

function sourcesAndDest(n: ReadNode, k: string, accepted: Record<string, FlagKind>): string | undefined {
  if (n.args.length < 2) return noDestination(k);
  const f = flagsError(n, accepted);
  if (f) return f;
  const dest = parseHeredoc(n.args[n.args.length - 1]!);
  return dest !== undefined && !(dest instanceof Error) ? `${k} cannot accept a heredoc as a destination` : undefined;
}

/** RUN's --mount as BuildKit reads it before expansion: a CSV record whose `from` holds no variable. */
function mountError(value: string): string | undefined {
  const fields = csvFields(value);
  if (fields instanceof Error) return `failed to parse csv mounts: ${fields.message}`;
  for (const field of fields) {
    const eq = field.indexOf('=');
    if (eq < 0 || field.slice(0, eq).toLowerCase() !== 'from') continue;
    const v = field.slice(eq + 1);
    const dollar = v.indexOf('$');
    if (dollar >= 0 && dollar !== v.length - 1) return "'from' doesn't support variable expansion, define alias stage instead";
  }
  return undefined;
}

/** RUN's --device (ParseDevice): a CSV record of a name and `required`. */
function deviceError(value: string): string | undefined {
  const fields = csvFields(value);
  if (fields instanceof Error) return `failed to parse csv devices: ${fields.message}`;
  let name = '';
  for (const field of fields) {
    const eq = field.indexOf('=');
    const key = (eq < 0 ? field : field.slice(0, eq)).toLowerCase();
    const v = field.slice(eq + 1);
    if (eq < 0 && key === 'required') continue;
    if (eq >= 0 && key === 'name') {
      if (name !== '') return `device name already set to ${name}`;
      name = v;
    } else if (eq >= 0 && key === 'required') {
      if (goParseBool(v) === undefined) return `invalid value for ${key}: ${v}`;
    } else if (name === '') name = field;
    else return eq < 0 ? `invalid field '${field}' must be a key=value pair` : `unexpected key '${key}' in '${field}'`;
  }
  return undefined;
}

function runError(n: ReadNode): string | undefined {
  const r = parseFlags(n.flags, { device: 'strings', mount: 'strings', network: 'string', security: 'string' });
  if (typeof r === 'string') return r;
  for (const d of r.values.get('device') ?? []) {
    const e = deviceError(d);
    if (e) return e;
  }
  for (const m of r.values.get('mount') ?? []) {
    const e = mountError(m);
    if (e) return e;
  }
  const network = r.value.get('network') ?? 'default';
  if (!['default', 'none', 'host'].includes(network)) return `invalid network mode "${network}"`;
  const security = r.value.get('security') ?? 'sandbox';
  return ['sandbox', 'insecure'].includes(security) ? undefined : `security "${security}" is not valid`;
}

/** parseOptInterval: empty, zero, or at least a millisecond. */
function intervalError(r: FlagValues, name: string): string | undefined {
  const v = r.value.get(name) ?? '';
  if (v === '') return undefined;
  const d = goParseDuration(v);
  if (d === undefined) return `time: invalid duration "${v}"`;
  return d !== 0n && d < 1_000_000n ? `Interval "${name}" cannot be less than 1ms` : undefined;
}

function healthcheckError(n: ReadNode): string | undefined {
  if (n.args.length === 0) return atLeastOne('HEALTHCHECK');
  const type = goUpper(n.args[0]!);
  if (type === 'NONE') return n.args.length > 1 ? 'HEALTHCHECK NONE takes no arguments' : undefined;
  const r = parseFlags(n.flags, { interval: 'string', timeout: 'string', 'start-period': 'string', 'start-interval': 'string', retries: 'string' });
  if (typeof r === 'string') return r;
  if (type !== 'CMD') return `Unknown type "${type}" in HEALTHCHECK (try CMD)`;
  if (commandLine(n.args.slice(1), n.json).length === 0) return 'Missing command after HEALTHCHECK CMD';
  for (const name of ['interval', 'timeout', 'start-period', 'start-interval']) {
    const e = intervalError(r, name);
    if (e) return e;
  }
  const retries = r.value.get('retries') ?? '';
  if (retries === '') return undefined;
  const count = goParseInt32(retries);
  if (count === undefined) return `strconv.ParseInt: parsing "${retries}": invalid syntax`;
  return count < 0 ? `--retries cannot be negative (${count})` : undefined;
}

function fromError(n: ReadNode): string | undefined {
  const a = n.args;
  if (a.length === 3 && /^[aA][sS\u017f]$/u.test(a[1]!)) {
    if (!/^[a-z][a-z0-9\-_.]*$/.test(goLower(a[2]!))) return `invalid name for build stage: "${a[2]!}", name can't start with a number or contain symbols`;
  } else if (a.length !== 1) return 'FROM requires either one or three arguments';
  return flagsError(n, { platform: 'string' });
}

function onbuildError(n: ReadNode): string | undefined {
  if (!n.sub) return atLeastOne('ONBUILD');
  const f = flagsError(n);
  if (f) return f;
  const trigger = goUpper(trimSpace(n.sub.keyword));
  if (trigger === 'ONBUILD') return 'Chaining ONBUILD via `ONBUILD ONBUILD` isn\'t allowed';
  return trigger === 'MAINTAINER' || trigger === 'FROM' ? `${trigger} isn't allowed as an ONBUILD trigger` : undefined;
}

function oneArgument(k: string, flags: boolean): Check {
  return (n) => (n.args.length !== 1 ? exactlyOne(k) : flags ? flagsError(n) : undefined);
}

const CHECKS: ReadonlyMap<string, Check> = new Map<string, Check>([
  ['env', (n) => keyValues(n, 'ENV')],
  ['maintainer', oneArgument('MAINTAINER', true)],
  ['label', (n) => keyValues(n, 'LABEL')],
  ['add', (n) => sourcesAndDest(n, 'ADD', ADD_FLAGS)],
  ['copy', (n) => sourcesAndDest(n, 'COPY', COPY_FLAGS)],
  ['from', fromError],
  ['onbuild', onbuildError],
  ['workdir', oneArgument('WORKDIR', true)],
  ['run', runError],
  ['cmd', (n) => flagsError(n)],
  ['healthcheck', healthcheckError],
  ['entrypoint', (n) => flagsError(n)],
  ['expose', (n) => (n.args.length === 0 ? atLeastOne('EXPOSE') : flagsError(n))],
  ['user', oneArgument('USER', true)],
  ['volume', (n) => (n.args.length === 0 ? atLeastOne('VOLUME') : (flagsError(n) ?? (n.args.some((v) => trimSpace(v) === '') ? 'VOLUME specified can not be an empty string' : undefined)))],
  ['stopsignal', oneArgument('STOPSIGNAL', false)],
  ['arg', (n) => (n.args.length === 0 ? atLeastOne('ARG') : n.args.some((a) => a.startsWith('=')) ? 'ARG names can not be blank' : undefined)],
  ['shell', (n) => flagsError(n) ?? (commandLine(n.args, n.json).length === 0 ? atLeastOne('SHELL') : n.json ? undefined : 'SHELL requires the arguments to be in JSON form')],
]);

/** Why BuildKit's ParseInstruction refuses this instruction, or undefined when it accepts it. */
export function instructionError(n: ReadNode): string | undefined {
  const check = CHECKS.get(n.lower);
  // a pasted `.env` line is an "instruction" too: its value is shortened, never echoed
  if (!check) return `unknown instruction "${shortenSecretLike(n.keyword)}": fix the spelling or remove the line`;
  return check(n);
}

/**
 * instructions.Parse one instruction at a time: give it each instruction in file order; it answers
 * why BuildKit refuses the file at that one (the instruction's own error, or one before any FROM).
 */
export function instructionsInOrder(): (n: ReadNode) => ReadProblem | undefined {
  let stages = false;
  return (n) => {
    const message = instructionError(n);
    if (message !== undefined) return { message, line: n.line, endLine: n.endLine };
    if (n.lower === 'from') stages = true;
    else if (!stages && n.lower !== 'arg') return { message: `${n.keyword.toUpperCase()} before the first FROM: only ARG may come before FROM (no build stage in current context)`, line: n.line, endLine: n.endLine };
    return undefined;
  };
}

/** The first instruction BuildKit's instructions.Parse refuses, with its line, or undefined. */
export function firstInstructionError(nodes: readonly ReadNode[]): ReadProblem | undefined {
  const check = instructionsInOrder();
  for (const n of nodes) {
    const e = check(n);
    if (e) return e;
  }
  return undefined;
}
