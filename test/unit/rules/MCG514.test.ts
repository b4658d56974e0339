import { HARDENED, mcpRuleTable, vscodeDocker } from '../../support/mcp-rule-table.js';
import { rule } from '../../../src/rules/mcp/MCG514-least-privilege-profile.js';

const A = `ghcr.io/o/a:1.0.0@sha256:${'a'.repeat(64)}`;
const B = `ghcr.io/o/b:1.0.0@sha256:${'b'.repeat(64)}`;
const two = `{\n  "servers": {\n    "a": {"command": "docker", "args": ["run", "-i", "--rm", "--read-only", "--cap-drop", "ALL", "${A}"]},\n    "b": {"command": "docker", "args": ["run", "-i", "--rm", "--read-only", "--cap-drop", "ALL", "${B}"]}\n  }\n}\n`;

// MCG514
mcpRuleTable(rule, {
  fires: [
    { name: 'plain -i --rm', text: vscodeDocker(['run', '-i', '--rm', 'ghcr.io/o/s:1.0.0@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa']), lines: [4], message: 'Corrected args: ["run","-i","--rm","--read-only"' },
    { name: 'one flag missing', text: vscodeDocker([...HARDENED.filter((a) => a !== '--read-only'), 'ghcr.io/o/s:1.0.0@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa']), lines: [4], message: 'lacks --read-only of' },
    { name: 'proven profile passed in', text: vscodeDocker(['run', '-i', '--rm', 'ghcr.io/o/s:1.0.0@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa']), message: 'proved', profile: ['--read-only', '--cap-drop ALL'] },
    { name: 'proven profile: the launch is named as the image this repository builds', text: vscodeDocker(['run', '-i', '--rm', A]), message: '"s" (the image this repository builds) lacks --read-only, --cap-drop ALL of the profile the runtime probe proved for it', profile: ['--read-only', '--cap-drop ALL'] },
    { name: 'proven profile, but the file launches two images: neither is known as ours, both held to the recommended profile', text: two, lines: [3, 4], message: 'of the recommended least-privilege profile', profile: ['--read-only', '--cap-drop ALL'] },
    { name: 'host network is replaced, not joined by --network none', text: vscodeDocker(['run', '-i', '--rm', '--network', 'host', 'ghcr.io/o/s:1.0.0@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa']), message: 'It replaces or removes --network host. Corrected args: ["run","-i","--rm","--read-only"' },
    { name: 'secret values stay out of the corrected entry', text: vscodeDocker(['run', '-i', '-e', 'API_KEY=sk-123', 'ghcr.io/o/s:1.0.0@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', '--token', 't0k']), message: '<redacted>' },
  ],
  passes: [
    { name: 'hardened', text: vscodeDocker([...HARDENED, 'ghcr.io/o/s:1.0.0@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa']) },
    { name: 'proven profile satisfied', text: vscodeDocker(['run', '-i', '--rm', '--read-only', '--cap-drop', 'ALL', 'ghcr.io/o/s:1.0.0@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa']), profile: ['--read-only', '--cap-drop ALL'] },
    { name: 'not docker', text: '{"servers": {"s": {"command": "node", "args": ["x.js"]}}}\n' },
  ],
});
