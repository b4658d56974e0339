import type { RuleMeta } from '../../core/types.js';
import { strings } from '../../core/yaml/ast.js';
import type { ComposeRule } from '../yaml-types.js';
import { eachService, key } from './util.js';

const meta: RuleMeta = {
  id: 'MCG105',
  name: 'no-new-privileges',
  title: 'Compose service allows privilege escalation',
  severity: 'medium',
  kind: 'compose',
  description: 'A compose service\'s `security_opt` does not contain `no-new-privileges:true`, so setuid binaries in the image can raise privileges.',
  rationale:
    'With no-new-privileges set, the kernel refuses to grant more privileges across execve: setuid/setgid binaries and file capabilities stop working for an attacker who got code execution as the service user.',
  fix: 'Add `security_opt: ["no-new-privileges:true"]` to the service.',
  tags: ['security', 'compose', 'least-privilege'],
  precision: 'high',
};

/** `no-new-privileges`, `no-new-privileges:true`, `no-new-privileges=true`. */
function enables(opt: string): boolean {
  return /^no-new-privileges(\s*[:=]\s*true)?$/i.test(opt.trim());
}

export const rule: ComposeRule = {
  meta,
  check: (ctx) =>
    eachService(ctx, (s) => {
      const e = key(s, 'security_opt');
      if (e && strings(s.y, e.value).some((o) => enables(o.value))) return undefined;
      return {
        line: e?.line ?? s.line,
        key: `${s.key}.security_opt`,
        message: `Service "${s.name}" does not set no-new-privileges:true: setuid binaries can raise privileges.`,
      };
    }),
};
