import type { RuleHit, RuleMeta } from '../../core/types.js';
import { entries, isMap, items } from '../../core/yaml/ast.js';
import { writtenText } from '../../core/yaml/compose-interpolate.js';
import { isLiteralSecret } from '../../core/secret-names.js';
import type { ComposeRule } from '../yaml-types.js';
import { eachService, key } from './util.js';

const meta: RuleMeta = {
  id: 'MCG109',
  name: 'env-secret-literal',
  title: 'Secret written into a compose file',
  severity: 'high',
  kind: 'compose',
  description:
    'A compose service\'s `environment` (map or list form) gives a secret-like variable (PASSWORD, TOKEN, API_KEY, SECRET, *_ACCESS_KEY_ID, *_SECRET_ID …) a literal value instead of a `${VAR}` reference or a `_FILE` path. Empty values, switches and paths are not literal secrets.',
  rationale:
    'A value in the compose file is committed to the repository and visible to everyone who can read it, forever in its history; it also shows in `docker inspect`. References keep the value in the environment or a secret store.',
  fix: 'Write `API_KEY: ${API_KEY}` and supply the value from the environment or an untracked `.env` file, or use compose `secrets:` and point the application at `/run/secrets/<name>` (e.g. `API_KEY_FILE`).',
  tags: ['security', 'compose', 'secrets'],
  precision: 'high',
};

export const rule: ComposeRule = {
  meta,
  check: (ctx) =>
    eachService(ctx, (s) => {
      const env = key(s, 'environment');
      if (!env) return undefined;
      const found: { name: string; line: number }[] = [];
      if (isMap(s.y, env.value)) {
        for (const e of entries(s.y, env.value)) if (isLiteralSecret(e.key, writtenText(e.value))) found.push({ name: e.key, line: e.line });
      } else {
        for (const it of items(s.y, env.value)) {
          const item = writtenText(it.node);
          if (item === undefined) continue;
          const eq = item.indexOf('=');
          if (eq <= 0) continue; // `- NAME` passes the value through from the environment
          const name = item.slice(0, eq).trim();
          if (isLiteralSecret(name, item.slice(eq + 1))) found.push({ name, line: it.line });
        }
      }
      return found.map(
        (f): RuleHit => ({
          line: f.line,
          key: `${s.key}.environment.${f.name}`,
          message: `Service "${s.name}" sets the secret-like variable ${f.name} to a literal value in the compose file.`,
        }),
      );
    }),
};
