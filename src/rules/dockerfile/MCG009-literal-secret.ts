import type { RuleHit, RuleMeta } from '../../core/types.js';
import { isLiteralSecretValue } from '../../core/secret-names.js';
import type { DockerfileContext, DockerfileRule } from '../types.js';
import { scopeText, secretVars } from './secret-vars.js';

const meta: RuleMeta = {
  id: 'MCG009',
  name: 'literal-secret',
  title: 'Secret-like ENV or ARG with a literal value',
  severity: 'high',
  kind: 'dockerfile',
  description:
    'An ENV or ARG (in any stage, or a global ARG) whose name looks like a secret (PASSWORD, SECRET, TOKEN, API_KEY, ACCESS_KEY, *_ACCESS_KEY_ID, *_SECRET_ID, PRIVATE_KEY, CREDENTIAL …) is given a literal value in the Dockerfile. Empty values, references such as ${OTHER}, switches (true, 0 …) and paths (/credentials/sa.json) are not literal secrets; *_FILE names hold a path, not the secret.',
  rationale:
    'A value written in the Dockerfile is in the repository for everyone who can read it, and in the image: ENV values are in the image config and ARG defaults in the build history of every layer that uses them, readable with `docker history` or `docker inspect` by anyone who can pull the image. Placeholder values are a trap too: they end up used in production.',
  fix: 'Remove the value from the Dockerfile. Pass secrets at run time (`docker run -e`, a Compose or Kubernetes secret) or, for build-time use, mount them: `RUN --mount=type=secret,id=api_key …`.',
  tags: ['security', 'secrets'],
  precision: 'high',
  trivy: 'DS-0031',
};

export const rule: DockerfileRule = {
  meta,
  check(ctx: DockerfileContext): RuleHit[] {
    return secretVars(ctx.model, ['ENV', 'ARG'])
      .filter((v) => isLiteralSecretValue(v.prop.value))
      .map((v) => ({
        line: v.prop.line,
        endLine: v.ins.endLine,
        key: `${v.scope}|${v.ins.keyword} ${v.prop.name}|literal`,
        message: `${v.ins.keyword} ${v.prop.name} in ${scopeText(v)} is set to a literal value in the Dockerfile; the value is stored in the image.`,
      }));
  },
};
