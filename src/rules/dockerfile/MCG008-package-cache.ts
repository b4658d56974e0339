import type { RuleHit, RuleMeta } from '../../core/types.js';
import type { Instruction } from '../../core/dockerfile/model.js';
import { chainInstructions, commandsOf } from '../../core/dockerfile/model.js';
import type { ShellCommand } from '../../core/dockerfile/shell.js';
import { effectiveArgv, programName } from '../../core/dockerfile/shell.js';
import type { DockerfileContext, DockerfileRule } from '../types.js';
import { packageCommand } from './apt.js';
import { insKey } from './util.js';

const meta: RuleMeta = {
  id: 'MCG008',
  name: 'package-cache',
  title: 'Package index left in the image layer',
  severity: 'low',
  kind: 'dockerfile',
  description:
    'A RUN of the final image runs `apt-get update`/`install` without removing `/var/lib/apt/lists/*` in the same RUN, or `apk add` without `--no-cache` (and without removing `/var/cache/apk/*`). A cache or tmpfs mount on those directories also keeps them out of the layer. Build stages that are only copied from are not reported.',
  rationale:
    'The apt lists are tens of megabytes that the running server never reads; they sit in the layer even if a later instruction deletes them. A stale index in the image also makes `apt-get install` at run time work against outdated metadata instead of failing loudly.',
  fix: 'End the RUN with `&& rm -rf /var/lib/apt/lists/*` (Debian/Ubuntu), use `apk add --no-cache` (Alpine), or mount a cache: `RUN --mount=type=cache,target=/var/lib/apt/lists …`.',
  tags: ['size', 'apt', 'apk'],
  precision: 'high',
  trivy: 'DS-0025',
};

/** Targets of `--mount=type=cache|tmpfs,target=…` on the RUN. */
function mountedTargets(ins: Instruction): string[] {
  const out: string[] = [];
  for (const m of ins.flags['mount'] ?? []) {
    const opts = new Map<string, string>();
    for (const part of m.split(',')) {
      const eq = part.indexOf('=');
      opts.set((eq < 0 ? part : part.slice(0, eq)).trim().toLowerCase(), eq < 0 ? '' : part.slice(eq + 1).trim());
    }
    const type = opts.get('type') ?? 'bind';
    const target = opts.get('target') ?? opts.get('dst') ?? opts.get('destination');
    if ((type === 'cache' || type === 'tmpfs') && target) out.push(target.replace(/\/+$/, ''));
  }
  return out;
}

/** Paths a `rm -r…` command removes. */
function removedPaths(cmd: ShellCommand): string[] {
  const argv = effectiveArgv(cmd.argv);
  if (programName(argv[0]) !== 'rm') return [];
  const opts = argv.slice(1).filter((a) => a.startsWith('-'));
  const recursive = opts.some((o) => /^-[a-zA-Z]*[rR]/.test(o) || o === '--recursive');
  return recursive ? argv.slice(1).filter((a) => !a.startsWith('-')) : [];
}

/** True when the RUN removes (or mounts over) `dir` or everything in it. */
function clears(ins: Instruction, cmds: readonly ShellCommand[], dir: string): boolean {
  if (mountedTargets(ins).some((t) => t === dir || dir.startsWith(`${t}/`))) return true;
  const wanted = [dir, `${dir}/`, `${dir}/*`];
  return cmds.some((c) => removedPaths(c).some((p) => wanted.includes(p) || (dir.startsWith(p.replace(/\/+$/, '') + '/') && p !== '/')));
}

export const rule: DockerfileRule = {
  meta,
  check(ctx: DockerfileContext): RuleHit[] {
    const stage = ctx.final;
    if (!stage) return [];
    const hits: RuleHit[] = [];
    for (const ins of chainInstructions(ctx.model, stage)) {
      if (ins.keyword !== 'RUN') continue;
      const owner = ctx.model.stages[ins.stageIndex] ?? stage;
      const cmds = commandsOf(ins);
      const pkgs = cmds.map(packageCommand).filter((p) => p !== undefined);
      const apt = pkgs.find((p) => p.tool !== 'apk' && (p.sub === 'update' || p.sub === 'install'));
      if (apt && !clears(ins, cmds, '/var/lib/apt/lists')) {
        hits.push({
          line: ins.line,
          endLine: ins.endLine,
          key: `${insKey(owner, ins)}|apt`,
          message: `${apt.tool} ${apt.sub} leaves the package index in the layer: remove /var/lib/apt/lists/* in the same RUN.`,
        });
      }
      const apk = pkgs.find((p) => p.tool === 'apk' && p.sub === 'add' && !p.options.includes('--no-cache'));
      if (apk && !clears(ins, cmds, '/var/cache/apk')) {
        hits.push({
          line: ins.line,
          endLine: ins.endLine,
          key: `${insKey(owner, ins)}|apk`,
          message: 'apk add runs without --no-cache and leaves the package index in /var/cache/apk.',
        });
      }
    }
    return hits;
  },
};
