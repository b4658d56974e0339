/**
 * The built image against our static reading of the final stage (MCG992). Pure.
 *
 * Config: the last USER, every ENV key the chain sets, EXPOSE ports, HEALTHCHECK, CMD/ENTRYPOINT (with CMD
 * reset by an ENTRYPOINT in the same stage) and WORKDIR, wherever the Dockerfile alone decides
 * them. History: BuildKit writes one entry per instruction (`ENV A=1`, `USER app`,
 * `RUN |1 V=2 /bin/sh -c … # buildkit`, `COPY a /b # buildkit` …), after the base image's. Aligned
 * from the end with the chain's instructions, every entry must name the same instruction, carry
 * the same text where we can predict it, and metadata instructions no layer. Only BuildKit's history
 * (comment `buildkit.dockerfile.v0`) is compared. Messages name keys and instructions, never values
 * (a build arg or ENV value may be a secret).
 */
import type { DockerfileModel, Instruction, Stage } from './dockerfile/model.js';
import { expectedBuild, type ExpectedEntry } from './builder-reading.js';

export interface BuiltConfig {
  user: string;
  env: readonly string[];
  cmd?: readonly string[];
  entrypoint?: readonly string[];
  healthcheck?: readonly string[];
  workingDir?: string;
  shell?: readonly string[];
  /** Undefined: not known, not compared. */
  exposedPorts?: readonly string[];
}

export interface BuiltHistoryEntry {
  created_by?: string;
  empty_layer?: boolean;
  comment?: string;
}

export interface BuiltImage {
  config: BuiltConfig;
  history: readonly BuiltHistoryEntry[];
}

export interface Disagreement {
  /** The instruction concerned; undefined = the final stage's FROM. */
  ins?: Instruction;
  /** Short stable name of what differs (fingerprint key part). */
  aspect: string;
  message: string;
}

export const BUILDKIT_COMMENT = 'buildkit.dockerfile.v0';

const KEYWORDS = new Set([
  'ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'HEALTHCHECK', 'LABEL', 'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL',
  'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR',
]);

function keywordOf(createdBy: string | undefined): string | undefined {
  const k = /^([A-Z]+)(?:\s|$)/.exec(createdBy ?? '')?.[1];
  return k !== undefined && KEYWORDS.has(k) ? k : undefined;
}

const sameArgv = (a: readonly string[] | undefined, b: readonly string[] | undefined): boolean =>
  (a ?? []).length === (b ?? []).length && (a ?? []).every((x, i) => x === b![i]);

const cleanDir = (p: string): string => {
  const n = p.replace(/\/+/g, '/');
  return n.length > 1 ? n.replace(/\/$/, '') : n;
};

function compareConfig(model: DockerfileModel, final: Stage, img: BuiltImage, buildArgs: Readonly<Record<string, string>>): { out: Disagreement[]; history: ExpectedEntry[] } {
  const exp = expectedBuild(model, final, { buildArgs, configShell: img.config.shell });
  const out: Disagreement[] = [];
  const c = img.config;
  if (exp.user?.value !== undefined && exp.user.value !== c.user) {
    out.push({ ins: exp.user.ins, aspect: 'user', message: `The built image runs as user "${c.user}", but this USER reads as "${exp.user.value}".` });
  }
  const env = new Map<string, string>();
  for (const kv of c.env) {
    const eq = kv.indexOf('=');
    env.set(eq < 0 ? kv : kv.slice(0, eq), eq < 0 ? '' : kv.slice(eq + 1));
  }
  for (const [name, p] of exp.env) {
    if (!env.has(name)) out.push({ ins: p.ins, aspect: `env.${name}`, message: `This ENV sets ${name}, but the built image has no ${name} in its environment.` });
    else if (p.value !== undefined && env.get(name) !== p.value) out.push({ ins: p.ins, aspect: `env.${name}`, message: `The built image's ${name} is not the value this ENV reads as.` });
  }
  if (exp.healthcheck?.value !== undefined && !sameArgv(exp.healthcheck.value, c.healthcheck)) {
    out.push({ ins: exp.healthcheck.ins, aspect: 'healthcheck', message: 'The built image\'s health check is not the command this HEALTHCHECK reads as.' });
  }
  if (exp.entrypoint?.value !== undefined && !sameArgv(exp.entrypoint.value, c.entrypoint)) {
    out.push({ ins: exp.entrypoint.ins, aspect: 'entrypoint', message: 'The built image\'s Entrypoint is not the command this ENTRYPOINT reads as (exec or shell form).' });
  }
  if (exp.cmd?.reset && (c.cmd ?? []).length > 0) {
    out.push({ ins: exp.cmd.ins, aspect: 'cmd', message: 'This ENTRYPOINT resets the inherited CMD, but the built image still has a Cmd.' });
  } else if (exp.cmd?.value !== undefined && !sameArgv(exp.cmd.value, c.cmd)) {
    out.push({ ins: exp.cmd.ins, aspect: 'cmd', message: 'The built image\'s Cmd is not the command this CMD reads as (exec or shell form).' });
  }
  const wd = exp.workingDir?.value;
  if (wd !== undefined && cleanDir(wd) !== cleanDir(c.workingDir ?? '')) {
    out.push({ ins: exp.workingDir!.ins, aspect: 'workdir', message: `The built image's working directory is "${c.workingDir ?? ''}", but this WORKDIR reads as "${wd}".` });
  }
  if (c.exposedPorts) {
    const have = new Set(c.exposedPorts);
    for (const p of exp.exposedPorts) {
      if (!have.has(p.value!)) out.push({ ins: p.ins, aspect: `expose.${p.value}`, message: `This EXPOSE names ${p.value}, but the built image does not expose it.` });
    }
  }
  return { out, history: exp.history };
}

function entryDiffers(e: ExpectedEntry, h: BuiltHistoryEntry): string | undefined {
  const text = (h.created_by ?? '').replace(/ # buildkit$/, '');
  if (e.emptyLayer && h.empty_layer !== true) return `the builder recorded a filesystem layer for this ${e.keyword}, which makes none`;
  if (e.trigger) return undefined;
  if (e.createdBy !== undefined && text !== e.createdBy) return `the builder recorded this ${e.keyword} with other arguments than we read`;
  if (e.runCommand !== undefined) {
    const body = text.slice('RUN '.length);
    if (body !== e.runCommand && !(body.startsWith('|') && body.endsWith(` ${e.runCommand}`))) return 'the builder recorded this RUN with another command than we read';
  }
  return undefined;
}

/** Aligns the history's tail with the chain's instructions from the end; the first difference is reported. */
function compareHistory(expected: readonly ExpectedEntry[], history: readonly BuiltHistoryEntry[]): Disagreement | undefined {
  if (history.length === 0 || history[history.length - 1]!.comment !== BUILDKIT_COMMENT) return undefined;
  let i = history.length - 1;
  for (let j = expected.length - 1; j >= 0; j--) {
    const e = expected[j]!;
    const h = history[i];
    const k = h ? keywordOf(h.created_by) : undefined;
    if (h && k === e.keyword) {
      const why = entryDiffers(e, h);
      if (why) return { ins: e.ins, aspect: 'history', message: `The image history disagrees with this ${e.ins.keyword}: ${why}.` };
      i--;
      continue;
    }
    if (e.optional) continue;
    const found = h === undefined ? 'no entry' : k === undefined ? 'an entry of its base image' : `a ${k}`;
    return { ins: e.ins, aspect: 'history', message: `The image history disagrees with this ${e.ins.keyword}: where the builder should have recorded it, it recorded ${found}.` };
  }
  return undefined;
}

/** Every disagreement between the built image and our reading of `final` (the stage that was built). */
export function compareWithBuild(model: DockerfileModel, final: Stage, img: BuiltImage, buildArgs: Readonly<Record<string, string>> = {}): Disagreement[] {
  const { out, history } = compareConfig(model, final, img, buildArgs);
  const h = compareHistory(history, img.history);
  if (h) out.push(h);
  return out;
}
