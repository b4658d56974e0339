import { mcpRuleTable, vscodeDocker } from '../../support/mcp-rule-table.js';
import { rule } from '../../../src/rules/mcp/MCG505-security-opt-disabled.js';

// MCG505
mcpRuleTable(rule, {
  fires: [
    { name: 'seccomp unconfined', text: vscodeDocker(['run', '-i', '--security-opt', 'seccomp=unconfined', 'ghcr.io/o/s:1.0.0@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa']), lines: [8] },
    { name: 'apparmor with colon', text: vscodeDocker(['run', '-i', '--security-opt=apparmor:unconfined', 'ghcr.io/o/s:1.0.0@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa']), lines: [8] },
    { name: 'no-new-privileges=false', text: vscodeDocker(['run', '-i', '--security-opt', 'no-new-privileges=false', 'ghcr.io/o/s:1.0.0@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa']), lines: [8] },
  ],
  passes: [
    { name: 'no-new-privileges', text: vscodeDocker(['run', '-i', '--security-opt', 'no-new-privileges', 'ghcr.io/o/s:1.0.0@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa']) },
    { name: 'custom seccomp profile', text: vscodeDocker(['run', '-i', '--security-opt', 'seccomp=./profile.json', 'ghcr.io/o/s:1.0.0@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa']) },
    { name: 'no option', text: vscodeDocker(['run', '-i', 'ghcr.io/o/s:1.0.0@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa']) },
  ],
});
