import type { RuleHit, RuleMeta } from '../../core/types.js';
import { makeBuildContext } from '../../core/build-context.js';
import type { DockerfileContext, DockerfileRule } from '../types.js';
import { insKey, stageLabel } from './util.js';
import { isWholeContextCopy } from './runtime.js';

const meta: RuleMeta = {
  id: 'MCG014',
  name: 'context-secrets-copied',
  title: 'Whole build context copied while it holds secret-bearing files',
  severity: 'medium',
  kind: 'dockerfile',
  description:
    'A `COPY .`/`ADD .` (or `COPY *`) copies the whole build context, and the context holds secret-bearing files (`.env*`, `*.pem`, `*.key`, `id_rsa*`, `.npmrc`, `.pypirc`, `.git/`, `*.p12` …) that `.dockerignore` does not exclude.',
  rationale:
    'Whatever the context holds and `.dockerignore` lets through is written into an image layer: a local `.env` with API keys, a private key, an `.npmrc` with a registry token or the whole git history become readable by anyone who can pull the image — and stay in that layer even when a later `RUN rm` deletes them. In a builder stage they can still be inlined into build output (bundlers read `.env`).',
  fix: 'Exclude the files in `.dockerignore` (`.env*` with `!.env.example`, `*.pem`, `*.key`, `.git`, `.npmrc` …), or copy only what the image needs (`COPY package*.json ./`, `COPY src/ ./src/`). Pass build-time credentials with `RUN --mount=type=secret`.',
  tags: ['security', 'secrets', 'dockerfile'],
  precision: 'high',
};

/** Template env files that by convention hold no real values. */
const ENV_TEMPLATES = new Set(['.env.example', '.env.sample', '.env.template', '.env.dist', '.env.defaults.example']);

/** Why a context path is secret-bearing, or undefined. Directories end with '/'. */
export function secretBearing(path: string): string | undefined {
  const segs = path.split('/').filter(Boolean);
  // .git/ anywhere (a repository or submodule: history, remotes, sometimes credentials)
  const gitAt = segs.indexOf('.git');
  if (gitAt >= 0 && (gitAt < segs.length - 1 || path.endsWith('/'))) return `${segs.slice(0, gitAt + 1).join('/')}/`;
  if (path.endsWith('/')) return undefined;
  const base = segs[segs.length - 1] ?? '';
  const lower = base.toLowerCase();
  if ((lower === '.env' || lower.startsWith('.env.')) && !ENV_TEMPLATES.has(lower)) return path;
  if (/\.(pem|key|p12|pfx|jks|keystore)$/.test(lower)) return path;
  if (/^id_(rsa|dsa|ecdsa|ed25519)/.test(lower) && !lower.endsWith('.pub')) return path;
  if (['.npmrc', '.pypirc', '.netrc', '_netrc', '.git-credentials', 'credentials.json', '.htpasswd'].includes(lower)) return path;
  return undefined;
}

/** Vendored dependency trees: their test keys and fixtures are not the project's secrets. */
const VENDORED = /(^|\/)(node_modules|\.venv|venv|site-packages)\//;

export const rule: DockerfileRule = {
  meta,
  check(ctx: DockerfileContext): RuleHit[] {
    const bc = ctx.context;
    if (!bc || !bc.exists) return [];
    const hits: RuleHit[] = [];
    for (const stage of ctx.model.stages) {
      for (const ins of stage.instructions) {
        if (!isWholeContextCopy(ctx.model, ins)) continue;
        // COPY --exclude=<pattern> (Dockerfile 1.7+) leaves matching paths out, with .dockerignore syntax
        const excludes = ins.flags['exclude'] ?? [];
        const excluded = excludes.length > 0 ? makeBuildContext('.', [], { path: 'COPY --exclude', text: excludes.join('\n') }) : undefined;
        const found = new Set<string>();
        for (const f of bc.files) {
          if (VENDORED.test(f)) continue;
          const what = secretBearing(f);
          if (!what) continue;
          const probe = what.endsWith('/') ? what.slice(0, -1) : what;
          if (bc.ignored(probe) || bc.ignored(f)) continue;
          if (excluded && (excluded.ignored(probe) || excluded.ignored(f))) continue;
          found.add(what);
        }
        if (found.size === 0) continue;
        const names = [...found].sort();
        const shown = names.slice(0, 5).join(', ') + (names.length > 5 ? ` and ${names.length - 5} more` : '');
        const ignoreNote = bc.dockerignore ? `${bc.dockerignore.path} does not exclude` : 'there is no .dockerignore to exclude';
        hits.push({
          line: ins.line,
          endLine: ins.endLine,
          key: insKey(stage, ins),
          message: `${ins.keyword} in stage ${stageLabel(stage)} copies the whole build context and ${ignoreNote} secret-bearing files: ${shown}.`,
          evidence: names.slice(0, 20).join(', '),
        });
      }
    }
    return hits;
  },
};
