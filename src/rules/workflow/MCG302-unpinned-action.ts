import type { RuleHit, RuleMeta } from '../../core/types.js';
import type { WorkflowRule } from '../yaml-types.js';
import { buildSteps, parseUses } from './util.js';

const meta: RuleMeta = {
  id: 'MCG302',
  name: 'unpinned-action',
  title: 'Image workflow uses a third-party action by tag',
  severity: 'medium',
  kind: 'workflow',
  description:
    'In a workflow that builds or pushes an image, a third-party action or reusable workflow (anything outside `actions/` and `github/`) is referenced by a tag or branch instead of a full 40-character commit SHA.',
  rationale:
    'Tags and branches are mutable: whoever controls the action\'s repository (or steals its maintainer\'s token, as in the tj-actions/changed-files compromise) can change the code your image build runs, with your registry credentials in reach.',
  fix: 'Pin the full commit SHA and keep the version in a comment: `uses: docker/build-push-action@<40-hex sha> # v6.9.0`; Dependabot and Renovate update such pins.',
  tags: ['security', 'workflow', 'supply-chain'],
  precision: 'very-high',
};

const FIRST_PARTY = new Set(['actions', 'github']);

export const rule: WorkflowRule = {
  meta,
  check: (ctx) => {
    if (buildSteps(ctx).length === 0) return [];
    const hits: RuleHit[] = [];
    const refs = ctx.jobs.flatMap((j) => [
      ...(j.uses ? [{ uses: j.uses, key: `jobs.${j.id}.uses` }] : []),
      ...j.steps.filter((s) => s.uses).map((s) => ({ uses: s.uses!, key: `${s.key}.uses` })),
    ]);
    for (const r of refs) {
      const u = parseUses(r.uses.value);
      if (!u || FIRST_PARTY.has(u.owner) || /^[0-9a-f]{40}$/i.test(u.ref)) continue;
      hits.push({
        line: r.uses.line,
        key: `${r.key}|${u.action}`,
        message: u.ref ? `The third-party action ${u.action} is referenced by the mutable ref "${u.ref}", not a commit SHA.` : `The third-party action ${u.action} has no ref pinned to a commit SHA.`,
      });
    }
    return hits;
  },
};
