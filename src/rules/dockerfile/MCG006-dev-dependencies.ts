import type { RuleHit, RuleMeta } from '../../core/types.js';
import type { Instruction } from '../../core/dockerfile/model.js';
import { chainInstructions, commandsOf, variablesAt } from '../../core/dockerfile/model.js';
import type { ShellCommand } from '../../core/dockerfile/shell.js';
import { effectiveArgv, programName } from '../../core/dockerfile/shell.js';
import type { DockerfileContext, DockerfileRule } from '../types.js';
import { insKey, stageLabel } from './util.js';

const meta: RuleMeta = {
  id: 'MCG006',
  name: 'dev-dependencies',
  title: 'Final image installs development dependencies',
  severity: 'medium',
  kind: 'dockerfile',
  description:
    'A RUN in the final stage (or a stage it is built FROM) installs development dependencies: npm ci/install without --omit=dev or NODE_ENV=production, yarn/pnpm install without their production flag, pip install of requirements-dev*.txt or a [dev] extra, poetry install with the dev group, uv sync without --no-dev. Build stages that are only copied from are not reported.',
  rationale:
    'Test runners, linters, bundlers and type checkers are not needed to run the server, but in the runtime image they are code that can be reached, hundreds of packages whose vulnerabilities count against the image, and megabytes to pull on every start.',
  fix: 'Install production dependencies only in the runtime stage (`npm ci --omit=dev`, `pnpm install --prod`, `yarn workspaces focus --production`, `poetry install --only main`, `uv sync --no-dev`), or build in a separate stage and copy only the result.',
  tags: ['security', 'attack-surface', 'size'],
  precision: 'high',
};

/** Where a dev-dependency install was found. */
interface DevInstall {
  tool: string;
  what: string;
}

/** True when one of the options is given, alone or as `--name=value`. */
function hasFlag(args: readonly string[], ...names: string[]): boolean {
  return args.some((a) => names.some((n) => a === n || a.startsWith(`${n}=`)));
}

/** Value of `--name=v` or `--name v` (every occurrence). */
function flagValues(args: readonly string[], name: string): string[] {
  const out: string[] = [];
  args.forEach((a, i) => {
    if (a === name && args[i + 1] !== undefined) out.push(args[i + 1]!);
    else if (a.startsWith(`${name}=`)) out.push(a.slice(name.length + 1));
  });
  return out;
}

/** The positional arguments after the subcommand (no options). */
function positionals(args: readonly string[]): string[] {
  return args.filter((a) => !a.startsWith('-'));
}

/** Environment a command runs with: variables of the stage, `export`s earlier in the RUN, inline assignments. */
type Env = Map<string, string | undefined>;

function truthy(v: string | undefined): boolean {
  return v !== undefined && /^(1|true|yes|on)$/i.test(v.trim());
}

function nodeProduction(env: Env): boolean {
  return (
    env.get('NODE_ENV')?.trim() === 'production' ||
    truthy(env.get('NPM_CONFIG_PRODUCTION') ?? env.get('npm_config_production')) ||
    /(^|,)\s*dev\s*(,|$)/.test(env.get('NPM_CONFIG_OMIT') ?? env.get('npm_config_omit') ?? '')
  );
}

function npmDev(args: readonly string[], env: Env): DevInstall | undefined {
  const sub = args[0];
  if (sub !== 'ci' && sub !== 'install' && sub !== 'i' && sub !== 'isntall') return undefined;
  const rest = args.slice(1);
  if (hasFlag(rest, '-g', '--global', '--location')) return undefined;
  // `npm install <pkg>` adds a named package; only a bare install reads package.json's devDependencies
  if (sub !== 'ci' && positionals(rest).length > 0) return undefined;
  if (flagValues(rest, '--omit').some((v) => v.split(',').includes('dev'))) return undefined;
  if (hasFlag(rest, '--production', '--prod')) return undefined;
  if (flagValues(rest, '--only').some((v) => /^prod(uction)?$/.test(v))) return undefined;
  if (nodeProduction(env)) return undefined;
  const typo = rest.find((a) => /^--(omit-dev|no-dev|only-prod(uction)?)$/.test(a));
  return { tool: 'npm', what: `npm ${sub}${typo ? ` (${typo} is not an npm option; use --omit=dev)` : ''} without --omit=dev or NODE_ENV=production` };
}

function yarnDev(args: readonly string[], env: Env): DevInstall | undefined {
  const sub = args[0];
  if (sub === 'workspaces' && args[1] === 'focus') {
    return hasFlag(args, '--production') ? undefined : { tool: 'yarn', what: 'yarn workspaces focus without --production' };
  }
  if (sub !== undefined && sub !== 'install' && !sub.startsWith('-')) return undefined;
  if (hasFlag(args, '--production', '--prod')) return undefined;
  if (nodeProduction(env)) return undefined;
  return { tool: 'yarn', what: `yarn ${sub === 'install' ? 'install ' : ''}without --production` };
}

/** Options of pnpm that take a value as the next word. */
const PNPM_VALUED = new Set(['--filter', '-F', '--dir', '-C', '--workspace-dir', '--reporter', '--loglevel']);

function pnpmDev(args: readonly string[], env: Env): DevInstall | undefined {
  let sub: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (!a.startsWith('-')) {
      sub = a;
      break;
    }
    if (PNPM_VALUED.has(a)) i++;
  }
  if (sub !== 'install' && sub !== 'i') return undefined;
  if (hasFlag(args, '--prod', '-P', '--production')) return undefined;
  if (nodeProduction(env)) return undefined;
  return { tool: 'pnpm', what: `pnpm ${sub} without --prod` };
}

const DEV_REQUIREMENTS = /(^|\/)((requirements[-_.](dev|test|tests|testing)[^/]*)|((dev|test)[-_]requirements[^/]*)|(requirements\/(dev|test)[^/]*))\.(txt|in)$/i;
const DEV_EXTRA = /\[([^\]]*)\]$/;

function pipDev(args: readonly string[]): DevInstall | undefined {
  if (args[0] !== 'install') return undefined;
  const rest = args.slice(1);
  for (const f of [...flagValues(rest, '-r'), ...flagValues(rest, '--requirement'), ...rest.filter((a) => /^-r\S/.test(a)).map((a) => a.slice(2))]) {
    if (DEV_REQUIREMENTS.test(f)) return { tool: 'pip', what: `pip install -r ${f}` };
  }
  for (const a of rest) {
    const m = DEV_EXTRA.exec(a);
    if (m && m[1]!.split(',').some((e) => /^\s*(dev|develop|test|tests|testing)\s*$/i.test(e))) return { tool: 'pip', what: `pip install ${a}` };
  }
  if (flagValues(rest, '--group').some((g) => /^(dev|test)$/i.test(g.split(':').pop() ?? ''))) return { tool: 'pip', what: 'pip install --group dev' };
  return undefined;
}

function poetryDev(args: readonly string[]): DevInstall | undefined {
  if (args[0] !== 'install') return undefined;
  const rest = args.slice(1);
  if (hasFlag(rest, '--no-dev', '--only-root')) return undefined;
  if (flagValues(rest, '--only').some((v) => !v.split(',').includes('dev'))) return undefined;
  if (flagValues(rest, '--without').some((v) => v.split(',').map((x) => x.trim()).includes('dev'))) return undefined;
  return { tool: 'poetry', what: 'poetry install without --without dev or --only main' };
}

function uvDev(args: readonly string[], env: Env): DevInstall | undefined {
  if (args[0] === 'pip') return pipDev(args.slice(1));
  if (args[0] !== 'sync') return undefined;
  const rest = args.slice(1);
  if (hasFlag(rest, '--no-dev', '--only-group', '--no-default-groups')) return undefined;
  if (truthy(env.get('UV_NO_DEV')) || truthy(env.get('UV_NO_DEFAULT_GROUPS'))) return undefined;
  return { tool: 'uv', what: 'uv sync without --no-dev' };
}

function pipenvDev(args: readonly string[]): DevInstall | undefined {
  if ((args[0] === 'install' || args[0] === 'sync') && hasFlag(args.slice(1), '--dev', '-d')) return { tool: 'pipenv', what: `pipenv ${args[0]} --dev` };
  return undefined;
}

/** Applies `VAR=value` words to an environment. */
function assign(env: Env, words: readonly string[]): void {
  for (const w of words) {
    const eq = w.indexOf('=');
    if (eq > 0) env.set(w.slice(0, eq), w.slice(eq + 1));
  }
}

/** `pip`, `pip3`, `pip3.12`, `python -m pip`, `python3.12 -m pip`. */
function pipArgs(argv: readonly string[]): readonly string[] | undefined {
  const prog = programName(argv[0]);
  if (/^pip(\d+(\.\d+)?)?$/.test(prog)) return argv.slice(1);
  if (/^python(\d+(\.\d+)?)?$/.test(prog)) {
    const m = argv.indexOf('-m');
    if (m > 0 && argv[m + 1] === 'pip') return argv.slice(m + 2);
  }
  return undefined;
}

/** Dev-dependency installs in one command, given the environment it runs with (read only for the tools that use it). */
function devInstall(cmd: ShellCommand, envOf: () => Env): DevInstall | undefined {
  const argv = effectiveArgv(cmd.argv);
  const prog = programName(argv[0]);
  if (prog === 'npm' || prog === 'yarn' || prog === 'pnpm' || prog === 'uv') {
    const local: Env = new Map(envOf());
    assign(local, cmd.assignments);
    // `env NODE_ENV=production npm ci`: the assignments after `env` count too
    if (programName(cmd.argv[0]) === 'env') assign(local, cmd.argv.slice(1).filter((w) => /^[A-Za-z_][A-Za-z0-9_]*=/.test(w)));
    const args = argv.slice(1);
    if (prog === 'npm') return npmDev(args, local);
    if (prog === 'yarn') return yarnDev(args, local);
    if (prog === 'pnpm') return pnpmDev(args, local);
    return uvDev(args, local);
  }
  if (prog === 'poetry') return poetryDev(argv.slice(1));
  if (prog === 'pipenv') return pipenvDev(argv.slice(1));
  const pip = pipArgs(argv);
  if (pip) return pipDev(pip);
  return undefined;
}

/** A later `npm prune --omit=dev` / `pnpm prune --prod` in the final image removes what was installed. */
function prunesDev(cmd: ShellCommand): string | undefined {
  const argv = effectiveArgv(cmd.argv);
  const prog = programName(argv[0]);
  // only npm and pnpm prune: no argument list for anything else
  if (prog !== 'npm' && prog !== 'pnpm') return undefined;
  const args = argv.slice(1);
  if (prog === 'npm' && args[0] === 'prune' && (hasFlag(args, '--production') || flagValues(args, '--omit').some((v) => v.split(',').includes('dev')))) return 'npm';
  if (prog === 'pnpm' && args[0] === 'prune' && hasFlag(args, '--prod', '--production')) return 'pnpm';
  return undefined;
}

export const rule: DockerfileRule = {
  meta,
  check(ctx: DockerfileContext): RuleHit[] {
    const stage = ctx.final;
    if (!stage) return [];
    const found: { ins: Instruction; dev: DevInstall }[] = [];
    for (const ins of chainInstructions(ctx.model, stage)) {
      if (ins.keyword !== 'RUN') continue;
      const owner = ctx.model.stages[ins.stageIndex] ?? stage;
      // the variables are computed only when a command reads or changes them
      let env: Env | undefined;
      // a copy: the commands below change it, and variablesAt's maps are shared
      const envOf = (): Env => (env ??= new Map(variablesAt(ctx.model, owner, ins)));
      for (const cmd of commandsOf(ins)) {
        const argv = effectiveArgv(cmd.argv);
        if (argv[0] === 'export') {
          assign(envOf(), argv.slice(1));
          continue;
        }
        if (argv.length === 0) {
          // a bare `VAR=value` line sets a shell variable for the rest of the RUN
          assign(envOf(), cmd.assignments);
          continue;
        }
        const p = prunesDev(cmd);
        if (p) {
          for (let k = found.length - 1; k >= 0; k--) if (found[k]!.dev.tool === p) found.splice(k, 1);
          continue;
        }
        const dev = devInstall(cmd, envOf);
        if (dev) found.push({ ins, dev });
      }
    }
    const hits: RuleHit[] = [];
    const seen = new Set<string>();
    for (const { ins, dev } of found) {
      const owner = ctx.model.stages[ins.stageIndex] ?? stage;
      const key = `${insKey(owner, ins)}|${dev.tool}`;
      if (seen.has(key)) continue;
      seen.add(key);
      hits.push({
        line: ins.line,
        endLine: ins.endLine,
        key,
        message: `The final image (stage ${stageLabel(stage)}) installs development dependencies: ${dev.what}.`,
      });
    }
    return hits;
  },
};
