import type { RuleHit, RuleMeta } from '../../core/types.js';
import type { Word } from '../../core/docker-run/argv.js';
import type { McpRule } from './types.js';
import { launchKey } from './util.js';

const meta: RuleMeta = {
  id: 'MCG513',
  name: 'fetch-at-launch',
  title: 'MCP server package is fetched unpinned at every start',
  severity: 'medium',
  kind: 'mcp',
  description: 'The launch command is `npx -y <pkg>`, `uvx <pkg>`, `uv tool run <pkg>` or `pipx run <pkg>` and the package has no exact version (`pkg@1.2.3`, `pkg==1.2.3`; `@latest` is not a version).',
  rationale: 'The runner resolves the package again at every start and runs whatever version is newest: code no one reviewed or scanned, and one hijacked publish away from running on every user\'s machine.',
  fix: 'Pin the exact version (`npx -y @scope/server@1.4.2`, `uvx mcp-server-fetch==2025.4.7`), or run a digest-pinned image.',
  tags: ['supply-chain', 'mcp', 'packages'],
  precision: 'high',
};

/** Options of the runners that take a value. */
const VALUE_OPTS = new Set(['--from', '--with', '--python', '-p', '--package', '--spec', '--index-url', '--index', '-c', '--call', '--directory']);

function prog(w: string): string {
  return w.replace(/^.*[/\\]/, '').replace(/\.(cmd|exe)$/i, '');
}

/** The package spec a runner fetches, or undefined when the words are no such runner. */
function fetched(words: readonly Word[]): Word | undefined {
  const p = prog(words[0]?.value ?? '');
  let i = 1;
  if (p === 'uv' && words[1]?.value === 'tool' && words[2]?.value === 'run') i = 3;
  else if (p === 'pipx' && words[1]?.value === 'run') i = 2;
  else if (p !== 'npx' && p !== 'uvx') return undefined;
  let yes = p !== 'npx';
  let from: Word | undefined;
  for (; i < words.length; i++) {
    const a = words[i]!.value;
    if (a === '-y' || a === '--yes') yes = true;
    if (!a.startsWith('-')) break;
    const eq = a.indexOf('=');
    const opt = eq < 0 ? a : a.slice(0, eq);
    if (opt === '--from' || opt === '--spec' || opt === '--package' || (p === 'npx' && opt === '-p')) from = eq < 0 ? words[i + 1] : { value: a.slice(eq + 1), line: words[i]!.line };
    if (VALUE_OPTS.has(opt) && eq < 0) i++;
  }
  if (!yes) return undefined;
  return from ?? words[i];
}

export function pinned(spec: string): boolean {
  if (/\$|\{[A-Za-z_]|<</.test(spec) || /^[./~]|^(git\+|https?:|file:)/.test(spec)) return true;
  const py = /==\s*[0-9][^,;*]*$/.exec(spec);
  if (py) return true;
  const at = spec.lastIndexOf('@');
  if (at <= 0) return false;
  const v = spec.slice(at + 1);
  return /^v?\d+\.\d+\.\d+([-+][\w.-]+)?$/.test(v) || /^\d+(\.\d+)*$/.test(v);
}

export const rule: McpRule = {
  meta,
  check: (ctx) =>
    ctx.model.launches.flatMap((l): RuleHit[] => {
      if (!l.command || l.docker) return [];
      const spec = fetched([l.command, ...l.args]);
      if (!spec || pinned(spec.value)) return [];
      return [{ line: spec.line, key: launchKey(l, `fetch[${spec.value.replace(/@[^@]*$/, '')}]`), message: `MCP server "${l.name}" runs ${prog(l.command.value)} ${spec.value} without an exact version: newer code is fetched at each start.` }];
    }),
};
