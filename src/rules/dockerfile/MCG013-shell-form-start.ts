import type { RuleHit, RuleMeta } from '../../core/types.js';
import { parseShell } from '../../core/dockerfile/shell.js';
import type { DockerfileContext, DockerfileRule } from '../types.js';
import { insKey, stageLabel } from './util.js';
import { startupOf, type Placed } from './runtime.js';

const meta: RuleMeta = {
  id: 'MCG013',
  name: 'shell-form-start',
  title: 'CMD/ENTRYPOINT in shell form',
  severity: 'low',
  kind: 'dockerfile',
  description:
    'The CMD or ENTRYPOINT in force for the final stage is written in shell form (`CMD node server.js`) instead of exec form (`CMD ["node", "server.js"]`), and its command is not started with `exec`.',
  rationale:
    'Shell form runs `/bin/sh -c "<command>"`: the shell can stay PID 1 while the server is its child, so the SIGTERM of `docker stop` or a Kubernetes rollout is not forwarded and the server is killed without a graceful shutdown after the grace period (open MCP sessions and in-flight tool calls are cut). A shell-form ENTRYPOINT also ignores CMD and the arguments of `docker run`, and the image needs a shell at all.',
  fix: 'Write the command in exec form, `CMD ["node", "server.js"]`. When a shell is needed (variable expansion), start the last command with `exec` so that it replaces the shell: `CMD exec node server.js --port "$PORT"`.',
  tags: ['reliability', 'container', 'signals'],
  precision: 'high',
};

/**
 * True when the shell script hands PID 1 to a program with `exec`: its first command
 * (`exec node a.js`) or its last one (`cd /app && exec node a.js`).
 */
export function endsInExec(script: string): boolean {
  const cmds = parseShell(script);
  const isExec = (i: number): boolean => {
    const c = cmds[i];
    return c !== undefined && c.argv[0] === 'exec' && c.argv.length > 1;
  };
  return isExec(0) || isExec(cmds.length - 1);
}

export const rule: DockerfileRule = {
  meta,
  check(ctx: DockerfileContext): RuleHit[] {
    const stage = ctx.final;
    if (!stage) return [];
    const { entrypoint, cmd } = startupOf(ctx.model, stage);
    const hits: RuleHit[] = [];
    const check = (p: Placed | undefined, why: string): void => {
      if (!p || p.ins.json || p.ins.rest.trim() === '' || endsInExec(p.ins.rest)) return;
      hits.push({
        line: p.ins.line,
        endLine: p.ins.endLine,
        key: insKey(p.stage, p.ins),
        message: `${p.ins.keyword} of the final stage (${stageLabel(stage)}) is in shell form: ${why}`,
      });
    };
    check(entrypoint, '/bin/sh -c becomes PID 1, SIGTERM does not reach the server, and CMD and docker run arguments are ignored.');
    // A shell-form ENTRYPOINT ignores CMD: only an exec-form (or absent) ENTRYPOINT lets CMD run.
    if (!entrypoint || entrypoint.ins.json) {
      check(cmd, entrypoint ? 'it is passed to the ENTRYPOINT as "/bin/sh -c <command>", so a shell runs the server and SIGTERM may not reach it.' : '/bin/sh -c becomes PID 1 and SIGTERM does not reach the server.');
    }
    return hits;
  },
};
