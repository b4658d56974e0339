import type { RuleHit, RuleMeta } from '../../core/types.js';
import { allFlags, boolFlag, lastFlag, type DockerRun } from '../../core/docker-run/argv.js';
import type { Launch } from '../../core/mcp/model.js';
import type { McpRule } from './types.js';
import { isSecretName } from '../../core/secret-names.js';
import { dockerLaunches, isReference, launchKey, launchImage } from './util.js';

const meta: RuleMeta = {
  id: 'MCG514',
  name: 'least-privilege-profile',
  title: 'MCP server is launched without the least-privilege profile',
  severity: 'medium',
  kind: 'mcp',
  description:
    'A `docker run` line of a client config or README lacks flags of the least-privilege profile: `--read-only`, `--tmpfs /tmp`, `--cap-drop ALL`, `--security-opt no-new-privileges`, a non-root `--user`, `--memory`, `--pids-limit`, and for a stdio server `--network none`. The message lists the missing flags and gives the corrected entry. When the runtime probe has proven a profile for the image, that profile is used instead of the recommended one.',
  rationale: 'Docker\'s defaults leave a writable root filesystem, a dozen capabilities, setuid escalation and unbounded memory and processes. A tool call the model was tricked into making runs with all of that; the profile takes it away at no cost to a well-behaved server.',
  fix: 'Add the missing flags before the image, as the corrected entry in the message shows: `docker run -i --rm --read-only --tmpfs /tmp --cap-drop ALL --security-opt no-new-privileges --user 10001:10001 --memory 512m --pids-limit 256 --network none image`.',
  tags: ['security', 'mcp', 'hardening'],
  precision: 'medium',
};

interface Need {
  flag: string;
  has(d: DockerRun): boolean;
}

const NEEDS: readonly Need[] = [
  { flag: '--read-only', has: (d) => boolFlag(d, 'read-only') },
  { flag: '--tmpfs /tmp', has: (d) => allFlags(d, 'tmpfs').length > 0 || allFlags(d, 'mount').some((f) => /type=tmpfs/.test(f.value)) },
  { flag: '--cap-drop ALL', has: (d) => allFlags(d, 'cap-drop').some((f) => f.value.split(',').some((c) => c.trim().toUpperCase() === 'ALL')) },
  { flag: '--security-opt no-new-privileges', has: (d) => allFlags(d, 'security-opt').some((f) => /^no-new-privileges([=:]true)?$/i.test(f.value.trim())) },
  { flag: '--user 10001:10001', has: (d) => { const u = lastFlag(d, 'user'); return u !== undefined && !/^(0|root)(:.*)?$/i.test(u.value.trim()); } },
  { flag: '--memory 512m', has: (d) => lastFlag(d, 'memory') !== undefined },
  { flag: '--pids-limit 256', has: (d) => lastFlag(d, 'pids-limit') !== undefined },
];
const NETWORK_NONE: Need = { flag: '--network none', has: (d) => lastFlag(d, 'network')?.value.trim() === 'none' };

/** Server arguments with the values of secret-like options replaced (`--token x` → `--token <redacted>`). */
function redactArgs(args: readonly string[]): string[] {
  return args.map((a, i) => {
    const m = /^--?([A-Za-z][\w-]*)=(.*)$/.exec(a);
    if (m && isSecretName(m[1]!.replace(/-/g, '_')) && !isReference(m[2]!)) return `${a.slice(0, a.indexOf('=') + 1)}<redacted>`;
    const prev = /^--?([A-Za-z][\w-]*)$/.exec(args[i - 1] ?? '');
    if (prev && !a.startsWith('-') && isSecretName(prev[1]!.replace(/-/g, '_')) && !isReference(a)) return '<redacted>';
    return a;
  });
}

/** The corrected `args` of the entry: `run -i --rm`, the flags kept (env by name only), the missing ones, the image, its arguments. */
export function correctedArgs(l: Launch & { docker: DockerRun }, missing: readonly string[]): string[] {
  const out = ['run'];
  if (l.transport === 'stdio') out.push('-i');
  out.push('--rm');
  for (const f of l.docker.flags) {
    if (f.name === 'interactive' || f.name === 'rm' || f.name === 'tty') continue;
    if (f.value === 'true' && !f.spelled.includes('=')) out.push(`--${f.name}`);
    else out.push(`--${f.name}`, f.name === 'env' ? f.value.split('=')[0]! : f.value);
  }
  for (const m of missing) out.push(...m.split(' '));
  out.push(l.docker.image!.value, ...redactArgs(l.docker.args.map((a) => a.value)));
  return out;
}

export const rule: McpRule = {
  meta,
  check: (ctx) =>
    dockerLaunches(ctx).flatMap((l): RuleHit[] => {
      if (!l.fullCommand || !l.docker.image || l.docker.errors.length > 0) return [];
      const needs = ctx.profile ? ctx.profile.map((flag): Need => NEEDS.find((n) => n.flag.split(' ')[0] === flag.split(' ')[0]) ?? { flag, has: () => false }) : [...NEEDS, ...(l.transport === 'stdio' ? [NETWORK_NONE] : [])];
      const missing = needs.filter((n) => !n.has(l.docker)).map((n) => n.flag);
      if (missing.length === 0) return [];
      const ours = ctx.image?.ref !== undefined && launchImage(ctx.image.ref).name === launchImage(l.docker.image.value).name;
      const which = ctx.profile ? 'the profile the runtime probe proved' : 'the recommended least-privilege profile';
      const entry = JSON.stringify(correctedArgs(l, missing));
      return [
        {
          line: l.command?.line ?? l.line,
          key: launchKey(l, 'profile'),
          message: `MCP server "${l.name}"${ours ? ' (the image this repository builds)' : ''} lacks ${missing.join(', ')} of ${which}. Corrected args: ${entry.length > 600 ? `${entry.slice(0, 600)}…` : entry}`,
        },
      ];
    }),
};
