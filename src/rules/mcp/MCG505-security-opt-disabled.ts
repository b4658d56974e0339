import type { RuleHit, RuleMeta } from '../../core/types.js';
import { allFlags } from '../../core/docker-run/argv.js';
import type { McpRule } from './types.js';
import { disablesConfinement, dockerLaunches, launchKey } from './util.js';

const meta: RuleMeta = {
  id: 'MCG505',
  name: 'security-opt-disabled',
  title: 'MCP server turns off seccomp, AppArmor, SELinux labels or no-new-privileges',
  severity: 'high',
  kind: 'mcp',
  description: '`--security-opt` is `seccomp=unconfined`, `apparmor=unconfined`, `label=disable`, `systempaths=unconfined` or `no-new-privileges=false` (`:` works as `=`).',
  rationale: 'These profiles are what stands between a compromised process and the kernel\'s attack surface; turning them off removes the confinement Docker gives every container by default.',
  fix: 'Remove the option. Keep Docker\'s default seccomp and AppArmor profiles and add `--security-opt no-new-privileges`.',
  tags: ['security', 'mcp', 'seccomp', 'apparmor'],
  precision: 'very-high',
};

export const rule: McpRule = {
  meta,
  check: (ctx) =>
    dockerLaunches(ctx).flatMap((l): RuleHit[] =>
      allFlags(l.docker, 'security-opt')
        .filter((f) => disablesConfinement(f.value))
        .map((f) => ({ line: f.line, key: launchKey(l, `security-opt[${f.value.trim().toLowerCase()}]`), message: `MCP server "${l.name}" runs with ${f.spelled} ${f.value.trim()}: a default confinement is off.` })),
    ),
};
