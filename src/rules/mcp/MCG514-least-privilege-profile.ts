import type { RuleHit, RuleMeta } from '../../core/types.js';
import type { McpContext, McpRule } from './types.js';
import { correctedArgs } from './corrected.js';
import { leastPrivilegeProfile, profileFlags, satisfies } from './profile.js';
import { dockerLaunches, launchKey, launchImage } from './util.js';

const meta: RuleMeta = {
  id: 'MCG514',
  name: 'least-privilege-profile',
  title: 'MCP server is launched without the least-privilege profile',
  severity: 'medium',
  kind: 'mcp',
  description:
    'A `docker run` line of a client config or README lacks flags of the least-privilege profile: `--read-only`, `--tmpfs /tmp`, `--cap-drop ALL`, `--security-opt no-new-privileges`, a non-root `--user`, `--memory`, `--pids-limit`, and for a stdio server `--network none`. The message lists the missing flags and gives the corrected entry, in which a conflicting flag is replaced, not joined (`--network host` becomes `--network none`, `--user root` the non-root user) and the flags MCG501–MCG512 report are removed. When the launch starts the image this repository builds and the runtime probe has proven a profile for it, that profile is used instead of the recommended one (the image is known as the scan\'s own when the user named it, or when the file sits beside the probed build and all its `docker run` lines start one image).',
  rationale: 'Docker\'s defaults leave a writable root filesystem, a dozen capabilities, setuid escalation and unbounded memory and processes. A tool call the model was tricked into making runs with all of that; the profile takes it away at no cost to a well-behaved server.',
  fix: 'Use the corrected entry of the message: the missing flags before the image, the conflicting ones gone: `docker run -i --rm --read-only --tmpfs /tmp --cap-drop ALL --security-opt no-new-privileges --user 10001:10001 --memory 512m --pids-limit 256 --network none image`.',
  tags: ['security', 'mcp', 'hardening'],
  precision: 'medium',
};

/**
 * The launch starts the image this repository builds: the reference the user named for it
 * (`--image`), or, in a file the scan tied to a probed build (ctx.profile, src/core/mcp/built-image.ts),
 * every `docker run` of the file naming this one image.
 */
function launchesOurImage(ctx: McpContext, image: string): boolean {
  const name = launchImage(image).name;
  if (ctx.image?.ref !== undefined && launchImage(ctx.image.ref).name === name) return true;
  if (!ctx.profile) return false;
  return dockerLaunches(ctx).every((l) => l.docker.image === undefined || launchImage(l.docker.image.value).name === name);
}

export const rule: McpRule = {
  meta,
  check: (ctx) =>
    dockerLaunches(ctx).flatMap((l): RuleHit[] => {
      if (!l.fullCommand || !l.docker.image || l.docker.errors.length > 0) return [];
      const ours = launchesOurImage(ctx, l.docker.image.value);
      const proven = ours ? ctx.profile : undefined;
      const missing = profileFlags(leastPrivilegeProfile(l.transport, proven)).filter((p) => !satisfies(l.docker, p.flag));
      if (missing.length === 0) return [];
      const which = proven ? 'the profile the runtime probe proved for it' : 'the recommended least-privilege profile';
      const fix = correctedArgs(l, missing);
      const entry = JSON.stringify(fix.args);
      const removed = fix.removed.length > 0 ? ` It replaces or removes ${fix.removed.join(', ')}.` : '';
      return [
        {
          line: l.command?.line ?? l.line,
          key: launchKey(l, 'profile'),
          message: `MCP server "${l.name}"${ours ? ' (the image this repository builds)' : ''} lacks ${missing.map((m) => m.text).join(', ')} of ${which}.${removed} Corrected args: ${entry.length > 600 ? `${entry.slice(0, 600)}…` : entry}`,
        },
      ];
    }),
};
