import type { RuleHit, RuleMeta } from '../../core/types.js';
import type { DockerfileContext, DockerfileRule } from '../types.js';
import { scopeText, secretVars } from './secret-vars.js';

const meta: RuleMeta = {
  id: 'MCG010',
  name: 'secret-build-arg',
  title: 'Secret passed as a build argument',
  severity: 'medium',
  kind: 'dockerfile',
  description:
    'An ARG (in any stage, or a global ARG) has a secret-like name (PASSWORD, SECRET, TOKEN, API_KEY, ACCESS_KEY, *_ACCESS_KEY_ID, *_SECRET_ID, PRIVATE_KEY, CREDENTIAL …; not *_FILE, *_PATH, *_URL …), so a secret is meant to be passed with --build-arg.',
  rationale:
    'Build arguments are not secret: every RUN that can see the ARG records its value in the image history (`docker history --no-trunc`), and build tools print them in logs and provenance attestations. Anyone who can pull the image can read the value.',
  fix: 'Use a BuildKit secret mount instead: `RUN --mount=type=secret,id=npm_token,env=NPM_TOKEN npm ci` and build with `docker build --secret id=npm_token,env=NPM_TOKEN .`.',
  tags: ['security', 'secrets'],
  precision: 'high',
  trivy: 'DS-0031',
};

export const rule: DockerfileRule = {
  meta,
  check(ctx: DockerfileContext): RuleHit[] {
    return secretVars(ctx.model, ['ARG']).map((v) => ({
      line: v.prop.line,
      endLine: v.ins.endLine,
      key: `${v.scope}|ARG ${v.prop.name}`,
      message: `ARG ${v.prop.name} in ${scopeText(v)} looks like a secret; build arguments are recorded in the image history. Use RUN --mount=type=secret instead.`,
    }));
  },
};
