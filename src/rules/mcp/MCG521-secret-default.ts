import type { RuleHit, RuleMeta } from '../../core/types.js';
import { entriesOf, field, itemsOf, strOf, type MNode } from '../../core/mcp/tree.js';
import type { McpRule } from './types.js';

const meta: RuleMeta = {
  id: 'MCG521',
  name: 'secret-default',
  title: 'server.json gives a secret input a default value',
  severity: 'high',
  kind: 'mcp',
  description: 'An input of a `server.json` marked `"isSecret": true` (an `environmentVariables` entry, an argument, a header or one of their `variables`) has a non-empty `default`. The value is never shown.',
  rationale: 'The registry publishes the file to everyone; a default is what clients fill in when the user gives nothing. A secret default is a published credential, and every user who skips the prompt shares it.',
  fix: 'Remove the `default` of the secret input and keep `isRequired: true`; put an example in `placeholder` or the description.',
  tags: ['security', 'mcp', 'secrets', 'server-json'],
  precision: 'very-high',
};

function walk(n: MNode | undefined, path: string, out: RuleHit[]): void {
  if (!n) return;
  if (n.t === 'arr') return n.items.forEach((it, i) => walk(it, `${path}[${i}]`, out));
  if (n.t !== 'obj') return;
  const d = field(n, 'default');
  if (strOf(field(n, 'isSecret')?.value) === 'true' && d && (strOf(d.value) ?? '') !== '') {
    const name = strOf(field(n, 'name')?.value);
    out.push({ line: d.keyLine, key: `secret-default:${path}`, message: `server.json ${path}${name ? ` (${name})` : ''} is secret but has a default value (redacted): the registry publishes it.` });
  }
  for (const e of entriesOf(n)) if (e.key !== 'default') walk(e.value, `${path}.${e.key}`, out);
}

export const rule: McpRule = {
  meta,
  check: (ctx) => {
    const out: RuleHit[] = [];
    if (ctx.model.server) for (const k of ['packages', 'remotes']) itemsOf(field(ctx.model.server.root, k)?.value).forEach((p, i) => walk(p, `$.${k}[${i}]`, out));
    return out;
  },
};
