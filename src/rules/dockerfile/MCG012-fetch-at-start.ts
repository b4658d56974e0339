import type { RuleHit, RuleMeta } from '../../core/types.js';
import type { ShellCommand } from '../../core/dockerfile/shell.js';
import type { DockerfileContext, DockerfileRule } from '../types.js';
import { insKey, stageLabel } from './util.js';
import { commandsDeep, firstPositional, pipInstallArgs, programOf, startupOf, type Placed } from './runtime.js';

const meta: RuleMeta = {
  id: 'MCG012',
  name: 'fetch-at-start',
  title: 'Packages fetched at container start',
  severity: 'medium',
  kind: 'dockerfile',
  description:
    'The CMD/ENTRYPOINT of the final stage downloads packages when the container starts: `npx [-y] pkg`, `uvx pkg`, `pipx run`, `pip install`, `npm install`, `bunx`, `pnpm dlx`, `yarn dlx` and the like.',
  rationale:
    'Code fetched at start was never part of the image: no image scan, SBOM, signature or review saw it. Unless the command pins an exact version, each start may resolve a different one, so two replicas of one image can run different code, and a hijacked or typo-squatted package reaches production without a build. It also makes the server depend on registry availability and egress at every start, and slows cold starts.',
  fix: 'Install the package at build time (`npm ci --omit=dev`, `npm install -g pkg@x.y.z`, `uv tool install pkg==x.y.z`, `pip install --no-cache-dir pkg==x.y.z`) and start the installed executable directly.',
  tags: ['security', 'supply-chain', 'reproducibility'],
  precision: 'high',
};

const NPX_VALUE = new Set(['-p', '--package', '-c', '--call', '--cache', '--registry', '--userconfig']);
const UVX_VALUE = new Set(['--from', '--with', '--python', '-p', '--index', '--index-url', '--extra-index-url', '--cache-dir', '--directory']);

/** A plain description of what the command fetches, or undefined when it fetches nothing. */
export function fetchAtStart(argv: readonly string[]): string | undefined {
  const { name, args } = programOf(argv);
  const pkg = (p: string | undefined, what: string): string => (p ? `${what} ${p}` : what);
  const pkgFlag = (flag: string): string | undefined => {
    const i = args.findIndex((a) => a === flag || a.startsWith(`${flag}=`));
    if (i < 0) return undefined;
    return args[i]!.includes('=') ? args[i]!.slice(args[i]!.indexOf('=') + 1) : args[i + 1];
  };
  switch (name) {
    case 'npx':
    case 'pnpx': {
      if (args.some((a) => a === '--no-install' || a === '--offline' || a === '--no')) return undefined;
      return pkg(pkgFlag('--package') ?? pkgFlag('-p') ?? firstPositional(args, NPX_VALUE), name);
    }
    case 'bunx':
      return pkg(firstPositional(args, NPX_VALUE), 'bunx');
    case 'uvx':
      return pkg(pkgFlag('--from') ?? firstPositional(args, UVX_VALUE), 'uvx');
    case 'uv': {
      const sub = firstPositional(args, UVX_VALUE);
      if (sub === 'tool' && args[args.indexOf('tool') + 1] === 'run') return pkg(firstPositional(args.slice(args.indexOf('tool') + 2), UVX_VALUE), 'uv tool run');
      if (sub === 'pip' && args[args.indexOf('pip') + 1] === 'install') return 'uv pip install';
      if (sub === 'run' && args.some((a) => a === '--with' || a.startsWith('--with='))) return pkg(pkgFlag('--with'), 'uv run --with');
      return undefined;
    }
    case 'pipx': {
      if (firstPositional(args, new Set(['--spec', '--python'])) !== 'run') return undefined;
      const rest = args.slice(args.indexOf('run') + 1);
      return pkg(pkgFlag('--spec') ?? firstPositional(rest, new Set(['--spec', '--python', '--pip-args'])), 'pipx run');
    }
    case 'npm': {
      const sub = firstPositional(args, new Set(['--prefix', '-C', '--registry', '--userconfig']));
      if (sub === 'install' || sub === 'i' || sub === 'add' || sub === 'ci' || sub === 'isntall' || sub === 'in') return `npm ${sub}`;
      if (sub === 'exec' || sub === 'x') {
        if (args.some((a) => a === '--no-install' || a === '--offline' || a === '--no')) return undefined;
        return pkg(pkgFlag('--package') ?? firstPositional(args.slice(args.indexOf(sub) + 1), NPX_VALUE), `npm ${sub}`);
      }
      return undefined;
    }
    case 'pnpm':
    case 'yarn': {
      const sub = firstPositional(args, new Set(['--dir', '-C', '--cwd']));
      if (sub === 'dlx') return pkg(firstPositional(args.slice(args.indexOf('dlx') + 1), NPX_VALUE), `${name} dlx`);
      if (sub === 'add') return `${name} add`;
      if (name === 'pnpm' && (sub === 'install' || sub === 'i')) return 'pnpm install';
      return undefined;
    }
    case 'bun': {
      const sub = firstPositional(args, new Set(['--cwd']));
      if (sub === 'x') return pkg(firstPositional(args.slice(args.indexOf('x') + 1), NPX_VALUE), 'bun x');
      if (sub === 'add' || sub === 'install' || sub === 'i') return `bun ${sub}`;
      return undefined;
    }
    default: {
      const pip = pipInstallArgs(argv);
      return pip ? 'pip install' : undefined;
    }
  }
}

function findFetch(cmds: readonly ShellCommand[]): string | undefined {
  for (const c of cmds) {
    const what = fetchAtStart(c.argv);
    if (what) return what;
  }
  return undefined;
}

export const rule: DockerfileRule = {
  meta,
  check(ctx: DockerfileContext): RuleHit[] {
    const stage = ctx.final;
    if (!stage) return [];
    const { entrypoint, cmd } = startupOf(ctx.model, stage);
    // A shell-form ENTRYPOINT ignores CMD entirely.
    const cmdInForce = entrypoint && !entrypoint.ins.json ? undefined : cmd;
    const hits: RuleHit[] = [];
    const report = (p: Placed, what: string): void => {
      hits.push({
        line: p.ins.line,
        endLine: p.ins.endLine,
        key: insKey(p.stage, p.ins),
        message: `${p.ins.keyword} of the final stage (${stageLabel(stage)}) runs "${what}" at container start: the package is fetched from a registry on every start and was never in the scanned image.`,
      });
    };
    const epWhat = entrypoint ? findFetch(commandsDeep(entrypoint.ins)) : undefined;
    if (entrypoint && epWhat) report(entrypoint, epWhat);
    const cmdWhat = cmdInForce ? findFetch(commandsDeep(cmdInForce.ins)) : undefined;
    if (cmdInForce && cmdWhat) report(cmdInForce, cmdWhat);
    // ENTRYPOINT ["npx", "-y"] + CMD ["pkg"]: only the two together say what is fetched
    if (!epWhat && !cmdWhat && entrypoint?.ins.json && cmdInForce?.ins.json) {
      const joined = findFetch([{ argv: [...entrypoint.ins.json, ...cmdInForce.ins.json], assignments: [], op: '' }]);
      if (joined) report(entrypoint, joined);
    }
    return hits;
  },
};
