import type { RuleHit, RuleMeta } from '../../core/types.js';
import { chainInstructions, rootImage } from '../../core/dockerfile/model.js';
import { userValue } from '../../core/dockerfile/values.js';
import type { ImageRef } from '../../core/dockerfile/model.js';
import type { DockerfileContext, DockerfileRule } from '../types.js';
import { fromKey, insKey, isRootUser, stageLabel } from './util.js';

const meta: RuleMeta = {
  id: 'MCG001',
  name: 'root-user',
  title: 'Container runs as root',
  severity: 'high',
  kind: 'dockerfile',
  description: 'The final stage runs as root: it has no USER instruction, or its last USER is root as the runtime reads it: `root`, UID 0 however spelled (`0`, `000`, `+0`, `-0`, `00:1000`), or, once the image is built, a name whose /etc/passwd UID is 0.',
  rationale:
    'An MCP server runs tools on behalf of a model and often handles untrusted input. As root, a compromise of the server process is a compromise of the whole container and one kernel or runtime bug away from the host. Bases that already run unprivileged (`gcr.io/distroless/*:nonroot`, Chainguard\'s non-`-dev` images) are recognised and not reported.',
  fix: 'Create an unprivileged user in the final stage and switch to it before `CMD`/`ENTRYPOINT`. A numeric UID works even where `/etc/passwd` is missing, and Kubernetes can check it with `runAsNonRoot`.',
  tags: ['security', 'container', 'least-privilege'],
  precision: 'very-high',
  trivy: 'DS-0002',
};

/** Bases whose default user is not root. */
export function knownNonRootBase(img: ImageRef | undefined): boolean {
  if (!img || img.unresolved) return false;
  const tag = img.tag ?? 'latest';
  const repo = `${img.registry ?? ''}/${img.repository}`;
  if (/gcr\.io\/distroless\//.test(repo) && /nonroot/.test(tag)) return true;
  if (img.registry === 'cgr.dev' && img.repository.startsWith('chainguard/') && !/(^|-)dev$/.test(tag)) return true;
  return false;
}

/** Who the final stage runs as, and where that is decided. */
export interface FinalUser {
  /** true: root; false: a non-root user; undefined: cannot tell (a USER whose expansion BuildKit rejects). */
  root: boolean | undefined;
  /** The USER value as BuildKit expands it (core/dockerfile/values.ts) or the image config User; undefined when none is set. */
  user?: string;
  decidedBy: 'image' | 'user' | 'base' | 'default';
  where: { line: number; endLine: number; key: string };
}

/** The effective user of the final stage: the built image's config User, else the last USER of the chain, else the base. */
export function finalUser(ctx: DockerfileContext): FinalUser | undefined {
  const stage = ctx.final;
  if (!stage) return undefined;
  const users = chainInstructions(ctx.model, stage).filter((i) => i.keyword === 'USER');
  const last = users[users.length - 1];
  const owner = last ? ctx.model.stages[last.stageIndex]! : stage;
  const where = last
    ? { line: last.line, endLine: last.endLine, key: insKey(owner, last) }
    : { line: stage.from.line, endLine: stage.from.endLine, key: `${fromKey(stage)}|no-user` };
  if (ctx.image) {
    // The built image decides: its config User is what really runs.
    const u = ctx.image.user;
    return { root: isRootUser(u, ctx.image.passwd), user: u, decidedBy: 'image', where };
  }
  if (last) {
    // as BuildKit reads it: quotes removed, an unset variable empty; an expansion BuildKit stops at cannot be told
    const value = userValue(ctx.model, owner, last);
    if (!value.ok) return { root: undefined, user: last.rest, decidedBy: 'user', where };
    return { root: isRootUser(value.value), user: value.value, decidedBy: 'user', where };
  }
  if (knownNonRootBase(rootImage(ctx.model, stage))) return { root: false, decidedBy: 'base', where };
  return { root: true, decidedBy: 'default', where };
}

export const rule: DockerfileRule = {
  meta,
  check(ctx: DockerfileContext): RuleHit[] {
    const stage = ctx.final;
    const u = finalUser(ctx);
    if (!stage || !u || u.root !== true) return [];
    const where = u.where;
    if (u.decidedBy === 'image') {
      return [{ ...where, message: `The image runs as root (its config User is ${u.user === '' ? 'empty' : `"${u.user}"`}) in stage ${stageLabel(stage)}.` }];
    }
    if (u.decidedBy === 'user') return [{ ...where, message: `The last USER of the final stage is "${u.user}": the container runs as root.` }];
    return [{ ...where, message: `The final stage (${stageLabel(stage)}) sets no USER, so the container runs as root.` }];
  },
};
