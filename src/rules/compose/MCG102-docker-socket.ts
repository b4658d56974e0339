import type { RuleHit, RuleMeta } from '../../core/types.js';
import { get, items, str } from '../../core/yaml/ast.js';
import { DOCKER_SOCKETS, isSocketPath, normalizeHostPath } from '../../core/yaml/policy.js';
import type { ComposeRule } from '../yaml-types.js';
import { shortVolume } from '../../core/yaml/compose-syntax.js';
import { eachService, key } from './util.js';

const meta: RuleMeta = {
  id: 'MCG102',
  name: 'docker-socket',
  title: 'Compose service mounts the Docker socket',
  severity: 'high',
  kind: 'compose',
  description: 'A volume of a compose service mounts the Docker engine socket (`/var/run/docker.sock` or `/run/docker.sock`), in short or long syntax.',
  rationale:
    'Whoever can talk to the Docker socket can start a privileged container with the host filesystem mounted: the socket is root on the host. A compromised MCP server with the socket owns the machine.',
  fix: 'Do not mount the socket. If the service must manage containers, put a filtering socket proxy in between that allows only the API calls it needs, or use rootless Docker.',
  tags: ['security', 'compose', 'docker-socket'],
  precision: 'very-high',
};

export const rule: ComposeRule = {
  meta,
  check: (ctx) =>
    eachService(ctx, (s) => {
      const hits: RuleHit[] = [];
      for (const it of items(s.y, key(s, 'volumes')?.value)) {
        const short = str(s.y, it.node);
        const source = short !== undefined ? shortVolume(short).source : (str(s.y, get(s.y, it.node, 'source')?.value) ?? '');
        if (source === '' || !isSocketPath(source, DOCKER_SOCKETS)) continue;
        hits.push({
          line: it.line,
          key: `${s.key}.volumes[${normalizeHostPath(source)}]`,
          message: `Service "${s.name}" mounts the Docker socket ${normalizeHostPath(source)}: anything in the container controls the host's Docker engine.`,
        });
      }
      return hits;
    }),
};
