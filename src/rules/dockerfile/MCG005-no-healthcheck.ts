import type { RuleHit, RuleMeta } from '../../core/types.js';
import { chainInstructions } from '../../core/dockerfile/model.js';
import type { DockerfileContext, DockerfileRule } from '../types.js';
import { fromKey, insKey, stageLabel } from './util.js';

const meta: RuleMeta = {
  id: 'MCG005',
  name: 'no-healthcheck',
  title: 'Final stage has no HEALTHCHECK',
  severity: 'info',
  kind: 'dockerfile',
  description:
    'The final stage (with the stages it is built FROM) defines no HEALTHCHECK, or its last HEALTHCHECK is NONE. With a built image, the image config decides (a base image may define one).',
  rationale:
    'Without a health check Docker, Compose and Swarm only know that the process exists. A server that hangs keeps receiving requests and is never restarted, and Compose cannot wait for it with `depends_on: condition: service_healthy`. Kubernetes ignores `HEALTHCHECK` and uses probes instead (see MCG207), which is why this is informational.',
  fix: 'Add a HEALTHCHECK that probes the server with a tool the runtime image has, e.g. `HEALTHCHECK --interval=30s --timeout=3s CMD ["python", "-c", "import urllib.request; urllib.request.urlopen(\'http://127.0.0.1:8000/health\')"]`. For stdio-only servers, suppress this rule with a reason.',
  tags: ['reliability', 'operations'],
  precision: 'high',
  trivy: 'DS-0026',
};

function isNone(rest: string): boolean {
  return rest.trim().toUpperCase() === 'NONE';
}

export const rule: DockerfileRule = {
  meta,
  check(ctx: DockerfileContext): RuleHit[] {
    const stage = ctx.final;
    if (!stage) return [];
    const checks = chainInstructions(ctx.model, stage).filter((i) => i.keyword === 'HEALTHCHECK');
    const last = checks[checks.length - 1];
    const disabled = last !== undefined && isNone(last.rest);
    if (ctx.image) {
      // The built image decides: a base image may bring its own HEALTHCHECK.
      const test = ctx.image.healthcheck;
      if (test && test.length > 0 && test[0]?.toUpperCase() !== 'NONE') return [];
    } else if (last && !disabled) {
      return [];
    }
    if (last && disabled) {
      const owner = ctx.model.stages[last.stageIndex] ?? stage;
      return [{ line: last.line, endLine: last.endLine, key: insKey(owner, last), message: `HEALTHCHECK NONE disables the health check of the final stage (${stageLabel(stage)}).` }];
    }
    return [
      {
        line: stage.from.line,
        endLine: stage.from.endLine,
        key: `${fromKey(stage)}|no-healthcheck`,
        message: ctx.image
          ? `The image has no health check and the final stage (${stageLabel(stage)}) defines no HEALTHCHECK.`
          : `The final stage (${stageLabel(stage)}) defines no HEALTHCHECK.`,
      },
    ];
  },
};
