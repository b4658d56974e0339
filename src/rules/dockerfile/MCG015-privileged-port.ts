import type { RuleHit, RuleMeta } from '../../core/types.js';
import { blankWords, expand, variablesAt } from '../../core/dockerfile/model.js';
import type { DockerfileContext, DockerfileRule } from '../types.js';
import { insKey, stageLabel } from './util.js';
import { chainPlaced } from './runtime.js';
import { finalUser } from './MCG001-root-user.js';

const meta: RuleMeta = {
  id: 'MCG015',
  name: 'privileged-port',
  title: 'Non-root container exposes a privileged port',
  severity: 'low',
  kind: 'dockerfile',
  description: 'The final stage runs as a non-root user and EXPOSEs a port below 1024 (e.g. `EXPOSE 80`, `EXPOSE 443/tcp`, a range starting below 1024).',
  rationale:
    'On Linux, binding a port below 1024 needs the `NET_BIND_SERVICE` capability (unless the host lowers `net.ipv4.ip_unprivileged_port_start`). A non-root process only has it when the runtime grants it, and hardened deployments (`cap_drop: [ALL]`, Kubernetes `restricted` Pod Security) remove it: the server then fails to start with "permission denied" — and the usual "fix" is to run it as root or add capabilities back. The port inside the container is arbitrary; the published port can stay 80/443.',
  fix: 'Listen on a port of 1024 or above inside the container (`EXPOSE 8080`) and map it to 80/443 when publishing (`-p 80:8080`, a Service `port: 80` with `targetPort: 8080`).',
  tags: ['reliability', 'least-privilege', 'container'],
  precision: 'high',
};

/** Ports below 1024 named by one EXPOSE word (`80`, `443/tcp`, `1000-1100/udp`); [] when none or unresolved. */
export function privilegedPorts(word: string): number[] {
  const m = /^(\d+)(?:-(\d+))?(?:\/(?:tcp|udp|sctp))?$/i.exec(word.trim());
  if (!m) return [];
  const start = Number(m[1]);
  return start > 0 && start < 1024 ? [start] : [];
}

export const rule: DockerfileRule = {
  meta,
  check(ctx: DockerfileContext): RuleHit[] {
    const stage = ctx.final;
    if (!stage) return [];
    const user = finalUser(ctx);
    if (!user || user.root !== false) return [];
    const who = user.user ? `"${user.user}"` : 'a non-root user (from its base image)';
    const hits: RuleHit[] = [];
    for (const { ins, stage: owner } of chainPlaced(ctx.model, stage)) {
      if (ins.keyword !== 'EXPOSE') continue;
      const vars = variablesAt(ctx.model, owner, ins);
      const words = blankWords(expand(ins.rest, vars));
      const low = words.filter((w) => privilegedPorts(w).length > 0);
      if (low.length === 0) continue;
      hits.push({
        line: ins.line,
        endLine: ins.endLine,
        key: insKey(owner, ins),
        message: `EXPOSE ${low.join(' ')} in the final stage (${stageLabel(stage)}) names a port below 1024 while the container runs as ${who}: binding it needs NET_BIND_SERVICE.`,
      });
    }
    return hits;
  },
};
