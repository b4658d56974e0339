import type { RuleHit, RuleMeta } from '../../core/types.js';
import type { Instruction } from '../../core/dockerfile/model.js';
import { commandsOf } from '../../core/dockerfile/model.js';
import type { DockerfileContext, DockerfileRule } from '../types.js';
import { APT_NO_RECOMMENDS_CONF, APT_NO_RECOMMENDS_OPTION, packageCommand } from './apt.js';
import { insKey, mayMention } from './util.js';

const meta: RuleMeta = {
  id: 'MCG007',
  name: 'apt-recommends',
  title: 'apt install without --no-install-recommends',
  severity: 'low',
  kind: 'dockerfile',
  description:
    'An `apt-get install` or `apt install` (in any stage) runs without `--no-install-recommends`, without `-o APT::Install-Recommends=false`, and without an `APT::Install-Recommends "false"` setting written earlier in the same RUN or in an earlier RUN of the stage.',
  rationale:
    'Recommended packages are often documentation tools, additional interpreters and libraries that the server never uses. They make the image larger, and each one adds its vulnerabilities to every scan. This applies to build stages too: they are slower to build and cache.',
  fix: 'Add `--no-install-recommends` to every `apt-get install` and install what you really need explicitly: `apt-get install -y --no-install-recommends curl ca-certificates`.',
  tags: ['size', 'attack-surface', 'apt'],
  precision: 'very-high',
  trivy: 'DS-0029',
};

/** True when the RUN writes an apt.conf setting that turns recommends off (e.g. `echo 'APT::Install-Recommends "false";' > /etc/apt/apt.conf.d/…`). */
const APT_NAMES = ['apt'];

function setsNoRecommends(ins: Instruction): boolean {
  return APT_NO_RECOMMENDS_CONF.test(ins.rest) || ins.heredocs.some((h) => APT_NO_RECOMMENDS_CONF.test(h.body));
}

export const rule: DockerfileRule = {
  meta,
  check(ctx: DockerfileContext): RuleHit[] {
    const hits: RuleHit[] = [];
    // whether a stage's image has an apt.conf snippet from a RUN of it (or of its parents): one
    // pass in file order, since a parent always comes before the stage built on it
    const configuredAtEnd: boolean[] = [];
    for (const stage of ctx.model.stages) {
      const parent = stage.parent;
      let configured = parent !== undefined && parent < stage.index && configuredAtEnd[parent] === true;
      for (const ins of stage.instructions) {
        if (ins.keyword !== 'RUN') continue;
        if (setsNoRecommends(ins)) {
          configured = true;
          continue;
        }
        if (configured) continue;
        // only apt and apt-get installs matter here
        if (!mayMention(ins, APT_NAMES)) continue;
        const bad = commandsOf(ins)
          .map(packageCommand)
          .find((p) => p !== undefined && p.tool !== 'apk' && p.sub === 'install' && !p.options.some((o) => o === '--no-install-recommends' || APT_NO_RECOMMENDS_OPTION.test(o)));
        if (!bad) continue;
        hits.push({
          line: ins.line,
          endLine: ins.endLine,
          key: insKey(stage, ins),
          message: `${bad.tool} install runs without --no-install-recommends, so recommended packages are installed too.`,
        });
      }
      configuredAtEnd[stage.index] = configured || stage.instructions.some((i) => i.keyword === 'RUN' && setsNoRecommends(i));
    }
    return hits;
  },
};
