/**
 * What BuildKit must have written into the image config and history when it built the final stage,
 * worked out from our static reading alone (MCG992). Pure.
 *
 * Only what the stage's own instructions decide is predicted: a value that depends on the base
 * image (an ENV that reads `$PATH`, a relative WORKDIR on a base whose WorkingDir we do not know,
 * a shell-form CMD under an inherited SHELL) is `undefined`, "not known", and is not compared.
 * Variables follow BuildKit: build args override ARG defaults (a stage `ARG X` without a default
 * takes the global one), an ENV of the same name beats a later ARG, and every property of one ENV
 * instruction is expanded with the variables in force before it (`ENV A=1 B=$A` gives B the old A).
 */
import { posix } from 'node:path';
import { expand, stageChain, type DockerfileModel, type Instruction, type Stage } from './dockerfile/model.js';

export const DEFAULT_SHELL: readonly string[] = ['/bin/sh', '-c'];

/** One history entry the stage's instruction should have left. */
export interface ExpectedEntry {
  ins: Instruction;
  keyword: string;
  /** BuildKit may leave no entry for it (ARG in some versions, ONBUILD, MAINTAINER, a trigger). */
  optional: boolean;
  /** An ONBUILD trigger run at the start of a child stage (not an instruction of that stage). */
  trigger?: boolean;
  /** The exact `created_by` (without ` # buildkit`) when we can tell it. */
  createdBy?: string;
  /** For RUN: the command part, which follows an optional `|N K=V …` build-arg prefix. */
  runCommand?: string;
  /** Metadata instructions make no layer. */
  emptyLayer?: boolean;
}

export interface Predicted<T> {
  value: T | undefined;
  ins: Instruction;
}

export interface ExpectedBuild {
  user?: Predicted<string>;
  env: Map<string, Predicted<string>>;
  /** `value: undefined` with `reset` = ENTRYPOINT cleared an inherited CMD. */
  cmd?: Predicted<string[]> & { reset?: boolean };
  entrypoint?: Predicted<string[]>;
  healthcheck?: Predicted<string[]>;
  workingDir?: Predicted<string>;
  /** `8080/tcp` for each plain port an EXPOSE names (ranges and unknown values left out). */
  exposedPorts: Predicted<string>[];
  history: ExpectedEntry[];
}

type Vars = Map<string, string | undefined>;

const VAR_REF = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)|([A-Za-z_][A-Za-z0-9_]*))/g;

/** `text` with its variables expanded, or undefined when one of them is not known to us. */
export function expandKnown(text: string, vars: ReadonlyMap<string, string | undefined>): string | undefined {
  if (!text.includes('$')) return text;
  // a backslash or quote changes what the builder's lexer does with `$`: not predicted
  if (/[\\'"]/.test(text)) return undefined;
  for (const m of text.matchAll(VAR_REF)) if (vars.get((m[1] ?? m[2])!) === undefined) return undefined;
  return expand(text, vars);
}

const META = new Set(['ENV', 'ARG', 'LABEL', 'USER', 'EXPOSE', 'VOLUME', 'STOPSIGNAL', 'SHELL', 'CMD', 'ENTRYPOINT', 'HEALTHCHECK', 'MAINTAINER', 'ONBUILD']);
const MAY_LACK = new Set(['ARG', 'ONBUILD', 'MAINTAINER']);

/** Go's `%q` for the plain printable ASCII we predict; undefined for anything else. */
function goQuote(s: string): string | undefined {
  return /^[\x20-\x7e]*$/.test(s) ? JSON.stringify(s) : undefined;
}

/** BuildKit's `CMD ["a" "b"]` rendering of an argv. */
export function argvText(argv: readonly string[]): string | undefined {
  const q = argv.map(goQuote);
  return q.every((x) => x !== undefined) ? `[${q.join(' ')}]` : undefined;
}

/** The command after `CMD` in a HEALTHCHECK, as the config's Test array. */
export function healthcheckTest(ins: Instruction): string[] | undefined {
  const rest = ins.rest.trim();
  if (/^none$/i.test(rest)) return ['NONE'];
  const m = /^cmd\s+([\s\S]*)$/i.exec(rest);
  if (!m) return undefined;
  const cmd = m[1]!.trim();
  if (cmd.startsWith('[')) {
    try {
      const v: unknown = JSON.parse(cmd);
      if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return ['CMD', ...(v as string[])];
    } catch {
      /* not JSON: shell form */
    }
  }
  return ['CMD-SHELL', cmd];
}

function copyHistory(ins: Instruction, vars: Vars): string | undefined {
  if (ins.heredocs.length > 0) return undefined;
  const words = ins.json ?? (/['"]/.test(ins.rest) ? undefined : ins.rest.trim().split(/\s+/));
  if (!words || words.length < 2) return undefined;
  const ex = words.map((w) => expandKnown(w, vars));
  return ex.every((w) => w !== undefined) ? `${ins.keyword} ${ex.join(' ')}` : undefined;
}

function runCommand(ins: Instruction, shell: readonly string[] | undefined): string | undefined {
  if (ins.heredocs.length > 0) return undefined;
  if (ins.json) return ins.json.join(' ');
  return shell ? [...shell, ins.rest.trim()].join(' ') : undefined;
}

/** Walks the final stage's chain as BuildKit dispatches it. */
class Walk {
  readonly out: ExpectedBuild = { env: new Map(), exposedPorts: [], history: [] };
  vars: Vars = new Map();
  readonly envNames = new Set<string>();
  shell: readonly string[] | undefined;
  workingDir: string | undefined;
  cmdSet = false;
  private readonly globals: Vars;

  constructor(
    private readonly model: DockerfileModel,
    private readonly buildArgs: Readonly<Record<string, string>>,
    baseShell: readonly string[] | undefined,
  ) {
    this.shell = baseShell;
    const globals: Vars = new Map();
    for (const i of model.globalInstructions) {
      if (i.keyword !== 'ARG') continue;
      for (const p of i.properties) globals.set(p.name, this.buildArgs[p.name] ?? (p.value !== undefined ? expandKnown(p.value, globals) : undefined));
    }
    this.globals = globals;
  }

  stage(s: Stage, triggers: readonly Instruction[]): void {
    this.cmdSet = false;
    for (const t of triggers) this.out.history.push({ ins: t, keyword: (/^\s*([A-Za-z]+)/.exec(t.rest)?.[1] ?? '').toUpperCase(), optional: true, trigger: true });
    for (const ins of s.instructions) this.instruction(ins);
  }

  private instruction(ins: Instruction): void {
    const before = this.vars;
    const e: ExpectedEntry = { ins, keyword: ins.keyword, optional: MAY_LACK.has(ins.keyword), emptyLayer: META.has(ins.keyword) ? true : undefined };
    switch (ins.keyword) {
      case 'ARG':
        this.vars = new Map(before);
        for (const p of ins.properties) {
          if (this.envNames.has(p.name)) continue;
          const given = this.buildArgs[p.name];
          const v = given ?? (p.value !== undefined ? expandKnown(p.value, before) : this.globals.has(p.name) ? this.globals.get(p.name) : before.get(p.name));
          this.vars.set(p.name, v);
        }
        break;
      case 'ENV': {
        this.vars = new Map(before);
        const parts: (string | undefined)[] = [];
        for (const p of ins.properties) {
          const v = p.value === undefined ? undefined : expandKnown(p.value, before);
          this.vars.set(p.name, v);
          this.envNames.add(p.name);
          this.out.env.set(p.name, { value: v, ins });
          parts.push(v === undefined ? undefined : `${p.name}=${v}`);
        }
        if (parts.length > 0 && parts.every((x) => x !== undefined)) e.createdBy = `ENV ${parts.join(' ')}`;
        break;
      }
      case 'USER': {
        const v = expandKnown(ins.rest.trim(), before);
        this.out.user = { value: v, ins };
        if (v !== undefined) e.createdBy = `USER ${v}`;
        break;
      }
      case 'WORKDIR': {
        const v = expandKnown(ins.rest.trim(), before);
        const wd = v === undefined ? undefined : v.startsWith('/') ? v : this.workingDir !== undefined ? posix.join('/', this.workingDir, v) : undefined;
        this.workingDir = wd;
        this.out.workingDir = { value: wd, ins };
        if (wd !== undefined) e.createdBy = `WORKDIR ${wd}`;
        break;
      }
      case 'SHELL':
        this.shell = ins.json;
        break;
      case 'RUN':
        e.runCommand = runCommand(ins, this.shell);
        break;
      case 'COPY':
      case 'ADD':
        e.createdBy = copyHistory(ins, before);
        break;
      case 'CMD':
      case 'ENTRYPOINT': {
        const argv = ins.json ?? (this.shell ? [...this.shell, ins.rest.trim()] : undefined);
        const text = argv ? argvText(argv) : undefined;
        if (text !== undefined) e.createdBy = `${ins.keyword} ${text}`;
        if (ins.keyword === 'CMD') {
          this.cmdSet = true;
          this.out.cmd = { value: argv, ins };
        } else {
          this.out.entrypoint = { value: argv, ins };
          if (!this.cmdSet) this.out.cmd = { value: undefined, ins, reset: true };
        }
        break;
      }
      case 'EXPOSE':
        for (const w of ins.rest.trim().split(/\s+/)) {
          const v = expandKnown(w, before);
          if (v !== undefined && /^\d+(\/(tcp|udp|sctp))?$/.test(v)) this.out.exposedPorts.push({ value: v.includes('/') ? v : `${v}/tcp`, ins });
        }
        break;
      case 'HEALTHCHECK':
        this.out.healthcheck = { value: healthcheckTest(ins), ins };
        break;
      default:
        break;
    }
    this.out.history.push(e);
  }
}

export interface BaseFacts {
  /** Build args given to the builder (`--build-arg K=V`). */
  buildArgs?: Readonly<Record<string, string>>;
  /** The built image's Config.Shell: the base's when the chain has no SHELL. */
  configShell?: readonly string[];
}

/** What the build of `final` must have produced, as far as the Dockerfile alone decides it. */
export function expectedBuild(model: DockerfileModel, final: Stage, facts: BaseFacts = {}): ExpectedBuild {
  const chain = stageChain(model, final);
  const hasShell = chain.some((s) => s.instructions.some((i) => i.keyword === 'SHELL'));
  // with no SHELL in the chain, the shell in force throughout is the one the image ends with
  const baseShell = hasShell ? undefined : facts.configShell && facts.configShell.length > 0 ? facts.configShell : DEFAULT_SHELL;
  const w = new Walk(model, facts.buildArgs ?? {}, baseShell);
  // a stage on another stage starts in its WORKDIR; on an external image the base's is unknown
  const triggers: Instruction[] = [];
  chain.forEach((s, k) => {
    w.stage(s, k === 0 ? [] : triggers.splice(0));
    for (const i of s.instructions) if (i.keyword === 'ONBUILD') triggers.push(i);
  });
  return w.out;
}
