import type { RuleHit, RuleMeta } from '../../core/types.js';
import { allFlags, lastFlag } from '../../core/docker-run/argv.js';
import type { DockerRun } from '../../core/docker-run/argv.js';
import type { Launch } from '../../core/mcp/model.js';
import type { McpRule } from './types.js';
import { dockerLaunches, launchKey } from './util.js';
import { hostMountDanger } from './host-paths.js';

const meta: RuleMeta = {
  id: 'MCG502',
  name: 'host-mount',
  title: 'MCP server mounts the Docker socket, the host root or a home directory',
  severity: 'high',
  kind: 'mcp',
  description:
    'A launch mounts the Docker (or containerd/Podman) socket, the host\'s `/`, or a whole home directory (`~`, `$HOME`, `/root`, `/home/<user>`, `/Users/<user>`) with `-v`/`--volume`, `--mount type=bind,source=…`, `--use-api-socket` or a catalog entry\'s `volumes`.',
  rationale:
    'The socket is root on the host; the host root or a home directory holds SSH keys, cloud credentials and browser profiles. A prompt-injected tool call of the server can read or change all of it.',
  fix: 'Mount only the directory the server works on, read-only where it can (`-v "$PWD/data:/data:ro"`). Never mount the engine socket; use a filtering socket proxy if containers must be managed.',
  tags: ['security', 'mcp', 'docker-socket', 'mounts'],
  precision: 'high',
};

/** `--use-api-socket` bind-mounts the engine socket (and the caller's registry credentials). */
function apiSocket(l: Launch & { docker: DockerRun }): RuleHit[] {
  const f = lastFlag(l.docker, 'use-api-socket');
  if (!f || !/^(true|1|t)$/i.test(f.value)) return [];
  return [{ line: f.line, key: launchKey(l, 'use-api-socket'), message: `MCP server "${l.name}" mounts the container engine socket with ${f.spelled}.` }];
}

export const rule: McpRule = {
  meta,
  check: (ctx) =>
    dockerLaunches(ctx).flatMap((l): RuleHit[] => [
      ...apiSocket(l),
      ...[...allFlags(l.docker, 'volume'), ...allFlags(l.docker, 'mount')].flatMap((f) => {
        const danger = hostMountDanger(f);
        if (!danger) return [];
        const { src, what } = danger;
        return [{ line: f.line, key: launchKey(l, `${f.name}[${src}]`), message: `MCP server "${l.name}" mounts ${what} (${src}) with ${f.spelled}.` }];
      }),
    ]),
};
