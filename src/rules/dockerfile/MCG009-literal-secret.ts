import type { RuleHit, RuleMeta } from '../../core/types.js';
import { isLiteralValue } from '../../core/secrets.js';
import type { DockerfileContext, DockerfileRule } from '../types.js';
import { scopeText, secretVars } from './secret-vars.js';

const meta: RuleMeta = {
  id: 'MCG009',
  name: 'literal-secret',
  title: 'Secret-like ENV or ARG with a literal value',
  severity: 'high',
  kind: 'dockerfile',
  description:
    'An ENV or ARG (in any stage, or a global ARG) whose name looks like a secret (PASSWORD, SECRET, TOKEN, API_KEY, ACCESS_KEY, PRIVATE_KEY, CREDENTIAL …) is given a non-empty literal value in the Dockerfile. A reference such as ${OTHER} is not a literal.',
  rationale:
    'A value written in the Dockerfile is in the repository for everyone who can read it, and in the image: ENV values are in the image config and ARG defaults in the build history of every layer that uses them, readable with `docker history` or `docker inspect` by anyone who can pull the image. Placeholder values are a trap too: they end up used in production.',
  fix: 'Remove the value from the Dockerfile. Pass secrets at run time (`docker run -e`, a Compose or Kubernetes secret) or, for build-time use, mount them: `RUN --mount=type=secret,id=api_key …`.',
  tags: ['security', 'secrets'],
  precision: 'high',
  trivy: 'DS-0031',
};

/** Switch-like values (`HF_HUB_DISABLE_IMPLICIT_TOKEN=1`, `AUTH_TOKEN_REQUIRED=false`) configure, they are not secrets. */
const SWITCH_VALUE = /^(true|false|yes|no|on|off|0|1|none|null)$/i;

export const rule: DockerfileRule = {
  meta,
  check(ctx: DockerfileContext): RuleHit[] {
    return secretVars(ctx.model, ['ENV', 'ARG'])
      .filter((v) => isLiteralValue(v.prop.value) && !SWITCH_VALUE.test(v.prop.value!.trim()))
      .map((v) => ({
        line: v.prop.line,
        endLine: v.ins.endLine,
        key: `${v.scope}|${v.ins.keyword} ${v.prop.name}|literal`,
        message: `${v.ins.keyword} ${v.prop.name} in ${scopeText(v)} is set to a literal value in the Dockerfile; the value is stored in the image.`,
      }));
  },
};
