import type { RuleHit, RuleMeta } from '../../core/types.js';
import type { Instruction } from '../../core/dockerfile/model.js';
import type { DockerfileContext, DockerfileRule } from '../types.js';
import { insKey, mayMention, stageLabel } from './util.js';
import { chainPlaced, commandsDeep, pipInstallArgs } from './runtime.js';
import { variablesAt } from '../../core/dockerfile/model.js';

const meta: RuleMeta = {
  id: 'MCG018',
  name: 'pip-no-cache-dir',
  title: 'pip install keeps its download cache in the image',
  severity: 'info',
  kind: 'dockerfile',
  description:
    'A RUN of the final stage (or a stage it is built FROM) runs `pip install` (`pip3 install`, `python -m pip install`) without `--no-cache-dir`, with no `PIP_NO_CACHE_DIR` set and no cache mount for pip.',
  rationale:
    'pip stores every downloaded wheel and sdist under `~/.cache/pip`. In a RUN that directory is committed to the layer: tens to hundreds of megabytes that nothing uses at run time, pulled by every node and read by every scan.',
  fix: 'Use `pip install --no-cache-dir …`, or set `ENV PIP_NO_CACHE_DIR=1` before the installs, or keep the cache out of the layer with `RUN --mount=type=cache,target=/root/.cache/pip pip install …`.',
  tags: ['size', 'python', 'dockerfile'],
  precision: 'very-high',
};

/** `--mount=type=cache,target=/root/.cache/pip` (or `…/.cache`, or the PIP_CACHE_DIR) keeps the cache out of the layer. */
function cacheMounted(ins: Instruction, pipCacheDir: string | undefined): boolean {
  for (const m of ins.flags['mount'] ?? []) {
    const opts = new Map<string, string>();
    for (const part of m.split(',')) {
      const eq = part.indexOf('=');
      opts.set((eq < 0 ? part : part.slice(0, eq)).trim().toLowerCase(), eq < 0 ? '' : part.slice(eq + 1).trim());
    }
    const type = opts.get('type');
    if (type !== 'cache' && type !== 'tmpfs') continue;
    const target = (opts.get('target') ?? opts.get('dst') ?? opts.get('destination') ?? '').replace(/\/+$/, '');
    if (/(^|\/)\.cache(\/pip)?$/.test(target)) return true;
    if (pipCacheDir && target !== '' && pipCacheDir.replace(/\/+$/, '').startsWith(target)) return true;
  }
  return false;
}

const NO_CACHE_ASSIGNMENT = /^PIP_NO_CACHE_DIR=.+/;

const PIP_NAMES = ['pip'];

function offending(ins: Instruction, envSet: boolean, pipCacheDir: string | undefined): boolean {
  if (envSet || cacheMounted(ins, pipCacheDir)) return false;
  let exported = false;
  for (const c of commandsDeep(ins)) {
    if (c.argv[0] === 'export' && c.argv.slice(1).some((w) => NO_CACHE_ASSIGNMENT.test(w))) exported = true;
    const args = pipInstallArgs(c.argv);
    if (!args) continue;
    if (exported || c.assignments.some((w) => NO_CACHE_ASSIGNMENT.test(w)) || c.argv.some((w) => NO_CACHE_ASSIGNMENT.test(w))) continue;
    if (args.some((a) => a === '--no-cache-dir' || a.startsWith('--no-cache-dir='))) continue;
    return true;
  }
  return false;
}

export const rule: DockerfileRule = {
  meta,
  check(ctx: DockerfileContext): RuleHit[] {
    const stage = ctx.final;
    if (!stage) return [];
    const hits: RuleHit[] = [];
    for (const { ins, stage: owner } of chainPlaced(ctx.model, stage)) {
      if (ins.keyword !== 'RUN') continue;
      // only a pip install can offend: a RUN that cannot name pip needs no variables
      if (!mayMention(ins, PIP_NAMES)) continue;
      // ENV and ARG values are both in the environment of a RUN
      const vars = variablesAt(ctx.model, owner, ins);
      const envValue = vars.get('PIP_NO_CACHE_DIR');
      if (!offending(ins, envValue !== undefined && envValue !== '', vars.get('PIP_CACHE_DIR'))) continue;
      hits.push({
        line: ins.line,
        endLine: ins.endLine,
        key: insKey(owner, ins),
        message: `RUN in stage ${stageLabel(owner)} runs pip install without --no-cache-dir: pip's download cache is committed to the image layer.`,
      });
    }
    return hits;
  },
};
