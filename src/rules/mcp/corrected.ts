/**
 * The corrected `args` MCG514 gives for a `docker run` launch: the profile's missing flags put in,
 * and every flag that conflicts with them or that MCG501–MCG512 report taken out — never a second
 * value beside the first (`--network host` is replaced by `--network none`, not joined by it). A
 * single-valued flag given twice keeps its last value, as Docker does. Pure.
 */
import type { DockerFlag, DockerRun } from '../../core/docker-run/argv.js';
import { BOOL_FLAGS, REPEATABLE_FLAGS } from '../../core/docker-run/flags.js';
import type { Launch } from '../../core/mcp/model.js';
import { isSecretName } from '../../core/secret-names.js';
import { DANGEROUS_CAPABILITIES, normalizeCapability } from '../../core/yaml/policy.js';
import { hostMountDanger } from './host-paths.js';
import type { ProfileFlag } from './profile.js';
import { disablesConfinement, isReference, isRootUser, launchImage } from './util.js';
import { appendAll } from '../../core/arrays.js';

type DockerLaunch = Launch & { docker: DockerRun };

/** Flags Docker refuses beside `--network none` ("conflicting options"). */
const NETWORK_NONE_CONFLICTS: readonly string[] = ['publish', 'publish-all', 'network-alias', 'ip', 'ip6', 'link', 'link-local-ip', 'mac-address'];
const on = (v: string): boolean => /^(true|1|t)$/i.test(v.trim());

/** Why a flag must leave the corrected entry (a finding of MCG501–MCG512), or undefined. */
function unsafe(f: DockerFlag, l: DockerLaunch): string | undefined {
  const v = f.value.trim();
  if ((f.name === 'privileged' || f.name === 'use-api-socket') && on(v)) return 'MCG501/MCG502';
  if ((f.name === 'volume' || f.name === 'mount') && hostMountDanger(f)) return 'MCG502';
  if ((f.name === 'network' || f.name === 'pid' || f.name === 'ipc') && v.toLowerCase() === 'host') return 'MCG503';
  if (f.name === 'security-opt' && disablesConfinement(v)) return 'MCG505';
  if (f.name === 'user' && isRootUser(v)) return 'MCG506';
  const img = launchImage(l.docker.image!.value);
  if (f.name === 'pull' && v.toLowerCase() === 'always' && !img.digest && !img.templated) return 'MCG509';
  // Docker refuses --restart with --rm; a stdio server in the background (-d) has no stdin
  if (f.name === 'restart' || f.name === 'tty' || (f.name === 'detach' && l.transport === 'stdio')) return 'conflict';
  return undefined;
}

/** The words a kept flag is written as; env values that are secrets by name only (MCG510). */
function words(f: DockerFlag): string[] {
  if (BOOL_FLAGS.has(f.name)) return on(f.value) ? [`--${f.name}`] : [`--${f.name}=false`];
  if (f.name === 'env') {
    const eq = f.value.indexOf('=');
    const name = eq < 0 ? f.value : f.value.slice(0, eq);
    if (eq >= 0 && isSecretName(name) && !isReference(f.value.slice(eq + 1))) return ['--env', name];
  }
  if (f.name === 'cap-add') {
    const keep = f.value.split(',').filter((c) => c.trim() !== '' && !DANGEROUS_CAPABILITIES.has(normalizeCapability(c)));
    return keep.length === 0 ? [] : ['--cap-add', keep.join(',')];
  }
  return [`--${f.name}`, f.value];
}

/** Server arguments with the values of secret-like options replaced (`--token x` → `--token <redacted>`). */
export function redactArgs(args: readonly string[]): string[] {
  return args.map((a, i) => {
    const m = /^--?([A-Za-z][\w-]*)=(.*)$/.exec(a);
    if (m && isSecretName(m[1]!.replace(/-/g, '_')) && !isReference(m[2]!)) return `${a.slice(0, a.indexOf('=') + 1)}<redacted>`;
    const prev = /^--?([A-Za-z][\w-]*)$/.exec(args[i - 1] ?? '');
    if (prev && !a.startsWith('-') && isSecretName(prev[1]!.replace(/-/g, '_')) && !isReference(a)) return '<redacted>';
    return a;
  });
}

export interface Correction {
  args: string[];
  /** Flags taken out, as written (`--network host`), values of secrets never shown. */
  removed: string[];
}

/** The corrected `args` of the entry: `run -i --rm`, the flags kept, the missing profile flags, the image, its arguments. */
export function correctedArgs(l: DockerLaunch, missing: readonly ProfileFlag[]): Correction {
  const replaced = new Set<string>();
  for (const m of missing) {
    if (!REPEATABLE_FLAGS.has(m.flag.name) || m.flag.name === 'network' || m.flag.name === 'cap-drop') replaced.add(m.flag.name);
    if (m.flag.name === 'network' && m.flag.value.trim() === 'none') for (const c of NETWORK_NONE_CONFLICTS) replaced.add(c);
  }
  const flags = l.docker.flags;
  const out = ['run', ...(l.transport === 'stdio' ? ['-i'] : []), '--rm'];
  const removed: string[] = [];
  flags.forEach((f, i) => {
    if (f.name === 'interactive' || f.name === 'rm') return;
    const shown = BOOL_FLAGS.has(f.name) ? f.spelled : `${f.spelled} ${f.name === 'env' ? f.value.split('=')[0] : f.value.slice(0, 80)}`;
    if (replaced.has(f.name) || unsafe(f, l)) {
      if (!(BOOL_FLAGS.has(f.name) && !on(f.value))) removed.push(shown);
      return;
    }
    // single-valued: Docker keeps the last one
    if (!REPEATABLE_FLAGS.has(f.name) && flags.slice(i + 1).some((g) => g.name === f.name)) return;
    const w = words(f);
    if (w.length === 0) removed.push(shown);
    appendAll(out, w);
  });
  for (const m of missing) appendAll(out, m.words);
  out.push(l.docker.image!.value);
  appendAll(out, redactArgs(l.docker.args.map((a) => a.value)));
  return { args: out, removed: [...new Set(removed)] };
}
