import type { RuleHit, RuleMeta } from '../../core/types.js';
import { compareWithBuild } from '../../core/builder-compare.js';
import { fromKey, insKey } from '../dockerfile/util.js';
import type { ImageRule, ImageRuleContext } from '../image/types.js';

/**
 * Raised when the image the builder made from the Dockerfile disagrees with our static reading of
 * the stage that was built (config and history; see core/builder-compare.ts), so that a reading
 * difference nobody has thought of yet still fails the run. Fail-closed (core/policy.ts).
 */
export const meta: RuleMeta = {
  id: 'MCG992',
  name: 'read-differently-from-builder',
  title: 'The Dockerfile was read differently from the builder',
  severity: 'high',
  kind: 'meta',
  description:
    "The image built from the Dockerfile disagrees with MCP Container Guard's reading of the stage that was built: its config (User, Env, Healthcheck, Cmd, Entrypoint, WorkingDir, ExposedPorts) or its history (one entry per instruction, with its arguments and whether it made a layer) is not what the instructions read as.",
  rationale:
    'A gate is only as good as its reading of the file. The static reader follows BuildKit\'s grammar, but a case nobody has thought of yet would silently let an image through. The builder\'s own record of what it built is the last word: comparing with it makes such a case fail the run instead of passing an image that was never checked. MCG992 is fail-closed like MCG990 and MCG991: it fails the run under every policy but `fail-on: never`, whatever the threshold.',
  fix: 'Rewrite the instruction so that it can be read only one way (no unusual directives, heredoc delimiters, escapes or quoting), and report the case: the reader should be taught it. The finding cannot be suppressed.',
  tags: ['reliability', 'security', 'dockerfile', 'image'],
  precision: 'very-high',
};

export const rule: ImageRule = {
  meta,
  check(ctx: ImageRuleContext): RuleHit[] {
    // only an image the pipeline built from this Dockerfile, with these build args
    if (!ctx.built) return [];
    const c = ctx.image.config;
    const found = compareWithBuild(
      ctx.model,
      ctx.final,
      { config: { user: c.user, env: c.env, cmd: c.cmd, entrypoint: c.entrypoint, healthcheck: c.healthcheck, workingDir: c.workingDir, shell: c.shell, exposedPorts: c.exposedPorts }, history: ctx.image.history },
      ctx.built.buildArgs,
    );
    return found.map((d) => {
      const stage = d.ins ? ctx.model.stages[d.ins.stageIndex] : undefined;
      const where = d.ins && stage ? { line: d.ins.line, endLine: d.ins.endLine, key: insKey(stage, d.ins) } : { line: ctx.final.from.line, endLine: ctx.final.from.endLine, key: fromKey(ctx.final) };
      return { ...where, key: `${where.key}|builder-${d.aspect}`, message: `${d.message} The checks may have judged another image than the one built.` };
    });
  },
};
