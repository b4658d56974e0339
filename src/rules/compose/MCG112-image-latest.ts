import type { RuleMeta } from '../../core/types.js';
import { str } from '../../core/yaml/ast.js';
import { imageTagProblem } from '../../core/yaml/policy.js';
import type { ComposeRule } from '../yaml-types.js';
import { eachService, key } from './util.js';

const meta: RuleMeta = {
  id: 'MCG112',
  name: 'image-latest',
  title: 'Compose service image is latest or untagged',
  severity: 'medium',
  kind: 'compose',
  description:
    'A compose service pulls an `image` with the `:latest` tag or no tag at all (and no digest). Services that `build:` their image are not reported: there the name only labels the local build.',
  rationale:
    'A mutable tag runs whatever was pushed last: a deployment cannot be reproduced, a rollback may not roll back, and a compromised upstream push reaches you on the next pull without any review.',
  fix: 'Pin a version tag (`postgres:16.4`) or, better, a digest (`postgres:16.4@sha256:…`) and update it deliberately (Dependabot and Renovate understand compose files).',
  tags: ['security', 'compose', 'supply-chain'],
  precision: 'very-high',
};

export const rule: ComposeRule = {
  meta,
  check: (ctx) =>
    eachService(ctx, (s) => {
      if (key(s, 'build')) return undefined;
      const e = key(s, 'image');
      const v = e ? str(s.y, e.value) : undefined;
      if (!e || v === undefined) return undefined;
      const problem = imageTagProblem(v);
      if (!problem) return undefined;
      const repo = v.trim().replace(/:latest$/, '');
      return {
        line: e.line,
        key: `${s.key}.image`,
        message: problem === 'latest' ? `Service "${s.name}" uses the mutable tag ${repo}:latest.` : `Service "${s.name}" uses the image ${repo} without a tag (that is :latest).`,
      };
    }),
};
