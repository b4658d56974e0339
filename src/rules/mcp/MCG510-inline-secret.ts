import type { RuleHit, RuleMeta } from '../../core/types.js';
import type { Word } from '../../core/docker-run/argv.js';
import type { KV } from '../../core/mcp/model.js';
import { isSecretName } from '../../core/secret-names.js';
import type { McpRule } from './types.js';
import { isReference, launchKey } from './util.js';

const meta: RuleMeta = {
  id: 'MCG510',
  name: 'inline-secret',
  title: 'Secret value written inline in an MCP launch config',
  severity: 'high',
  kind: 'mcp',
  description:
    'A secret-like environment variable (`-e NAME=value`, `env`, `environmentVariables`), an `Authorization`/API-key header or a secret-like server argument (`--token=…`) holds a literal value instead of a reference (`${input:…}`, `${env:…}`, `${VAR}`, `{var}`, a name-only `-e NAME`). The value is never shown.',
  rationale: 'A config in the repository is read by everyone who can read the repository, kept in its history forever and copied into every clone. A token written there is leaked.',
  fix: 'Pass the name only (`-e GITHUB_TOKEN`) and let the client fill it in: VS Code `${input:token}` with `"password": true`, `${env:TOKEN}`, or the registry\'s `isSecret` variables. Rotate the leaked value.',
  tags: ['security', 'mcp', 'secrets'],
  precision: 'high',
};

const SECRET_HEADER = /^(authorization|proxy-authorization|x-api-key|api-key|x-auth-token|cookie)$/i;

function kvHit(l: { name: string }, kv: KV, key: string): RuleHit[] {
  if (kv.value === undefined || isReference(kv.value)) return [];
  const secret = kv.via === 'headers' ? SECRET_HEADER.test(kv.name) || isSecretName(kv.name) : isSecretName(kv.name);
  if (!secret) return [];
  return [{ line: kv.line, key, message: `MCP server "${l.name}": ${kv.via} ${kv.name} holds a literal value (redacted): pass a reference instead.` }];
}

/** `--token=v`, `--api-key v` in the server's own arguments. */
function argHits(name: string, words: readonly Word[], key: (w: string) => string): RuleHit[] {
  const out: RuleHit[] = [];
  for (let i = 0; i < words.length; i++) {
    const m = /^--?([A-Za-z][\w-]*)(=(.*))?$/.exec(words[i]!.value);
    if (!m || !isSecretName(m[1]!.replace(/-/g, '_'))) continue;
    const value = m[3] ?? (words[i + 1] && !words[i + 1]!.value.startsWith('-') ? words[i + 1]!.value : undefined);
    if (value === undefined || isReference(value)) continue;
    out.push({ line: words[i]!.line, key: key(m[1]!), message: `MCP server "${name}": argument --${m[1]} holds a literal value (redacted): pass a reference instead.` });
  }
  return out;
}

export const rule: McpRule = {
  meta,
  check: (ctx) =>
    ctx.model.launches.flatMap((l): RuleHit[] => [
      ...l.env.flatMap((kv) => kvHit(l, kv, launchKey(l, `env[${kv.name}]`))),
      ...l.headers.flatMap((kv) => kvHit(l, { ...kv, via: 'headers' }, launchKey(l, `headers[${kv.name}]`))),
      ...argHits(l.name, l.docker ? l.docker.args : l.args, (n) => launchKey(l, `args[${n}]`)),
    ]),
};
