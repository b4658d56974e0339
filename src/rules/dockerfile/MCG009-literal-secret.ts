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
    'A value in the Dockerfile is readable by everyone who can read the repository. It is also in the image: `ENV` values are in the image config (`docker inspect`), `ARG` defaults are recorded in the history of every layer that uses them (`docker history --no-trunc`). Anyone who can pull the image can read it, forever. Placeholders such as `changeme` are no better: they end up used.',
  fix: 'Remove the value from the Dockerfile. Supply secrets when the container runs (`docker run -e`, Compose `secrets:`/`environment:` from the host, a Kubernetes `Secret`), and rotate any value that was ever committed. For a secret needed during the build, mount it: `RUN --mount=type=secret,id=api_key,env=API_KEY …`.',
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
