import type { RuleHit, RuleMeta } from '../../core/types.js';
import { chainInstructions } from '../../core/dockerfile/model.js';
import { fromKey, insKey } from '../dockerfile/util.js';
import type { ImageRule, ImageRuleContext } from './types.js';

const meta: RuleMeta = {
  id: 'MCG050',
  name: 'user-not-in-passwd',
  title: 'Image USER does not exist in /etc/passwd',
  severity: 'high',
  kind: 'image',
  description: "The built image's config User is a name that has no entry in the image's /etc/passwd (numeric users are fine).",
  rationale:
    'Docker looks the name up in the image\'s `/etc/passwd` when the container starts. A missing name makes the start fail with "unable to find user", usually only in production where the image is first run. Scratch and distroless images copied from a build stage are the usual cause.',
  fix: 'Create the user in the final stage (`RUN useradd --system --uid 10001 app`, `adduser -D -u 10001 app` on Alpine) before `USER app`, or use a numeric `USER 10001:10001`, which needs no passwd entry.',
  tags: ['security', 'container', 'least-privilege', 'image'],
  precision: 'very-high',
};

/** True when the passwd text has an entry for `name`. */
export function passwdHas(passwd: string | undefined, name: string): boolean {
  if (passwd === undefined) return false;
  return passwd.split('\n').some((l) => l.split(':')[0] === name);
}

export const rule: ImageRule = {
  meta,
  check(ctx: ImageRuleContext): RuleHit[] {
    const user = ctx.image.config.user.trim();
    if (user === '') return [];
    const name = user.split(':')[0]!;
    if (name === '' || /^\d+$/.test(name)) return [];
    if (passwdHas(ctx.image.passwd, name)) return [];
    const users = chainInstructions(ctx.model, ctx.final).filter((i) => i.keyword === 'USER');
    const last = users[users.length - 1];
    const where = last
      ? { line: last.line, endLine: last.endLine, key: `${insKey(ctx.model.stages[last.stageIndex]!, last)}|passwd` }
      : { line: ctx.final.from.line, endLine: ctx.final.from.endLine, key: `${fromKey(ctx.final)}|user-not-in-passwd` };
    const why = ctx.image.passwd === undefined ? 'the image has no /etc/passwd' : `/etc/passwd has no entry for "${name}"`;
    return [{ ...where, message: `The image runs as user "${name}", but ${why}: the container cannot start as that user.`, evidence: '/etc/passwd' }];
  },
};
