import { mcpRuleTable, vscodeDocker } from '../../support/mcp-rule-table.js';
import { rule } from '../../../src/rules/mcp/MCG502-host-mount.js';

// MCG502
mcpRuleTable(rule, {
  fires: [
    { name: 'docker socket', text: vscodeDocker(['run', '-i', '-v', '/var/run/docker.sock:/var/run/docker.sock', 'ghcr.io/o/s:1.0.0@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa']), lines: [8] },
    { name: 'host root via --mount', text: vscodeDocker(['run', '-i', '--mount', 'type=bind,source=/,target=/host', 'ghcr.io/o/s:1.0.0@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa']), lines: [8] },
    { name: 'home directory', text: vscodeDocker(['run', '-i', '--volume=$HOME:/home/u', 'ghcr.io/o/s:1.0.0@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa']), lines: [8] },
    { name: '--use-api-socket', text: vscodeDocker(['run', '-i', '--use-api-socket', 'ghcr.io/o/s:1.0.0@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa']), lines: [8] },
    { name: 'cri-dockerd socket (the compose/Kubernetes list)', text: vscodeDocker(['run', '-i', '-v', '/run/cri-dockerd.sock:/s', 'ghcr.io/o/s:1.0.0@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa']), lines: [8] },
    { name: 'rootless docker socket', text: vscodeDocker(['run', '-i', '-v', '/run/user/1000/docker.sock:/var/run/docker.sock', 'ghcr.io/o/s:1.0.0@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa']), lines: [8] },
    { name: 'catalog volumes', text: 'name: d\ntype: poci\ntools:\n  - name: docker\n    container:\n      image: docker:cli\n      volumes:\n        - /var/run/docker.sock:/var/run/docker.sock\n', path: 'servers/d/server.yaml', lines: [8] },
  ],
  passes: [
    { name: 'project directory', text: vscodeDocker(['run', '-i', '-v', '/data/project:/data:ro', 'ghcr.io/o/s:1.0.0@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa']) },
    { name: 'named volume', text: vscodeDocker(['run', '-i', '-v', 'cache:/cache', 'ghcr.io/o/s:1.0.0@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa']) },
    { name: 'anonymous volume', text: vscodeDocker(['run', '-i', '-v', '/data', 'ghcr.io/o/s:1.0.0@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa']) },
    { name: '--use-api-socket=false', text: vscodeDocker(['run', '-i', '--use-api-socket=false', 'ghcr.io/o/s:1.0.0@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa']) },
    { name: 'kubeconfig file under home', text: vscodeDocker(['run', '-i', '-v', '~/.kube/config:/kube:ro', 'ghcr.io/o/s:1.0.0@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa']) },
  ],
});
