import type { RuleHit, RuleMeta } from '../../core/types.js';
import type { Instruction } from '../../core/dockerfile/model.js';
import type { DockerfileContext, DockerfileRule } from '../types.js';
import { insKey, stageLabel } from './util.js';
import { commandsDeep, firstPositional, isPipProgram, isPythonProgram, isWholeContextCopy, pipInstallArgs, programNameOf, programOf } from './runtime.js';

const meta: RuleMeta = {
  id: 'MCG019',
  name: 'copy-before-install',
  title: 'Whole context copied before the dependency install',
  severity: 'info',
  kind: 'dockerfile',
  description:
    'In one stage, a whole-context `COPY .` comes before the dependency install (`npm ci`, `yarn`, `pnpm install`, `pip install -r`, `poetry install`, `uv sync`, `go mod download`, `bundle install`, `cargo fetch`/`cargo build` …), with no install of the same ecosystem before it.',
  rationale:
    'Docker reuses a cached layer only while everything before it is unchanged. With the whole source copied first, every code change invalidates the install layer: each build downloads and installs all dependencies again (slower CI, more registry traffic, a fresh chance to resolve a different version).',
  fix: 'Copy the dependency manifests first, install, then copy the rest: `COPY package.json package-lock.json ./` → `RUN npm ci` → `COPY . .` (likewise `requirements.txt`, `pyproject.toml` + `uv.lock` with `uv sync --no-install-project`, `go.mod` + `go.sum`, `Gemfile.lock`, `Cargo.toml` + `Cargo.lock`).',
  tags: ['performance', 'build-cache', 'dockerfile'],
  precision: 'high',
};

/** Options of npm/yarn/pnpm/pip/uv … that take the next word as their value. */
const VALUE_OPTIONS = new Set([
  '--omit', '--include', '--prefix', '-C', '--dir', '--cwd', '--registry', '--cache', '--loglevel', '--modules-folder',
  '--only', '--with', '--without', '--extra', '--group', '--python', '-p', '--target', '-t', '--index-url', '-i', '--mode', '--filter',
]);

/** The programs of the switch below; pip (and python -m pip) are the default case's. */
const INSTALLERS = new Set(['npm', 'yarn', 'pnpm', 'bun', 'poetry', 'pipenv', 'uv', 'go', 'bundle', 'cargo', 'composer']);

/** The ecosystem and command of a dependency install, or undefined. */
export function dependencyInstall(argv: readonly string[]): { eco: string; what: string } | undefined {
  // most commands are none of the installers: decide that before building their arguments
  const program = programNameOf(argv);
  if (!INSTALLERS.has(program) && !isPipProgram(program) && !isPythonProgram(program)) return undefined;
  const { name, args } = programOf(argv);
  const sub = firstPositional(args, VALUE_OPTIONS);
  const after = sub === undefined ? [] : args.slice(args.indexOf(sub) + 1);
  const firstWord = (a: readonly string[]): string | undefined => firstPositional(a, VALUE_OPTIONS);
  const global = args.some((a) => a === '-g' || a === '--global');
  switch (name) {
    case 'npm':
      if ((sub === 'ci' || sub === 'install' || sub === 'i' || sub === 'in') && !global && firstWord(after) === undefined) return { eco: 'node', what: `npm ${sub}` };
      return undefined;
    case 'yarn':
      if ((sub === undefined || sub === 'install') && !global) return { eco: 'node', what: sub ? 'yarn install' : 'yarn' };
      return undefined;
    case 'pnpm':
    case 'bun':
      if ((sub === 'install' || sub === 'i') && !global && firstWord(after) === undefined) return { eco: 'node', what: `${name} ${sub}` };
      return undefined;
    case 'poetry':
    case 'pipenv':
      return sub === 'install' ? { eco: 'python', what: `${name} install` } : undefined;
    case 'uv':
      if (sub === 'sync') return { eco: 'python', what: 'uv sync' };
      if (sub === 'pip' && after[0] === 'install' && after.some((a) => a === '-r' || a.startsWith('--requirement') || a.startsWith('-r'))) return { eco: 'python', what: 'uv pip install -r' };
      return undefined;
    case 'go':
      return sub === 'mod' && after[0] === 'download' ? { eco: 'go', what: 'go mod download' } : undefined;
    case 'bundle':
      return sub === 'install' || sub === undefined ? { eco: 'ruby', what: 'bundle install' } : undefined;
    case 'cargo':
      return sub === 'fetch' || sub === 'build' ? { eco: 'rust', what: `cargo ${sub}` } : undefined;
    case 'composer':
      return sub === 'install' ? { eco: 'php', what: 'composer install' } : undefined;
    default: {
      const pip = pipInstallArgs(argv);
      if (pip && pip.some((a) => a === '-r' || a.startsWith('--requirement') || /^-r\S/.test(a))) return { eco: 'python', what: 'pip install -r' };
      return undefined;
    }
  }
}

function installsOf(ins: Instruction): { eco: string; what: string }[] {
  return commandsDeep(ins).flatMap((c) => dependencyInstall(c.argv) ?? []);
}

export const rule: DockerfileRule = {
  meta,
  check(ctx: DockerfileContext): RuleHit[] {
    const hits: RuleHit[] = [];
    for (const stage of ctx.model.stages) {
      let copy: Instruction | undefined;
      const installedBefore = new Set<string>();
      for (const ins of stage.instructions) {
        if (!copy && isWholeContextCopy(ctx.model, ins)) {
          copy = ins;
          continue;
        }
        if (ins.keyword !== 'RUN') continue;
        const installs = installsOf(ins);
        if (!copy) {
          for (const i of installs) installedBefore.add(i.eco);
          continue;
        }
        const late = installs.find((i) => !installedBefore.has(i.eco));
        if (!late) continue;
        hits.push({
          line: copy.line,
          endLine: copy.endLine,
          key: insKey(stage, copy),
          message: `${copy.keyword} of the whole context in stage ${stageLabel(stage)} comes before the dependency install "${late.what}" (line ${ins.line}): every source change re-installs all dependencies.`,
        });
        break;
      }
    }
    return hits;
  },
};
