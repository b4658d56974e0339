import type { RuleHit, RuleMeta } from '../../core/types.js';
import type { LayerSite } from '../../core/image/layer-map.js';
import { siteOfPath, type ImageRule, type ImageRuleContext } from './types.js';

const meta: RuleMeta = {
  id: 'MCG053',
  name: 'setuid-files',
  title: 'Image contains setuid or setgid files',
  severity: 'low',
  kind: 'image',
  description: 'Regular files in the final image have the setuid (04000) or setgid (02000) bit.',
  rationale:
    'A setuid/setgid program runs with its owner\'s (usually root\'s) rights whoever starts it. Inside a container that otherwise runs unprivileged, each one is a way back to root when it has a bug (su, mount, passwd, chfn have all had them). A server needs none of them.',
  fix: 'Strip the bits in the final stage: `RUN find / -xdev -perm /6000 -type f -exec chmod a-s {} +`, or start from a base without them (distroless, Chainguard). Running with `no-new-privileges` also stops them from gaining rights.',
  tags: ['security', 'least-privilege', 'image'],
  precision: 'very-high',
};

const MAX_LISTED = 8;

export const rule: ImageRule = {
  meta,
  check(ctx: ImageRuleContext): RuleHit[] {
    const bySite = new Map<string, { site: LayerSite; paths: string[] }>();
    for (const e of ctx.image.files.values()) {
      if ((e.type !== 'file' && e.type !== 'hardlink') || (e.mode & 0o6000) === 0) continue;
      const site = siteOfPath(ctx, e.layer);
      const g = bySite.get(site.key) ?? { site, paths: [] };
      g.paths.push(e.path);
      bySite.set(site.key, g);
    }
    return [...bySite.values()].map(({ site, paths }) => {
      paths.sort();
      const listed = paths.slice(0, MAX_LISTED).join(', ') + (paths.length > MAX_LISTED ? ` and ${paths.length - MAX_LISTED} more` : '');
      return {
        line: site.line,
        endLine: site.endLine,
        key: `${site.key}|setuid`,
        message: `${paths.length} setuid/setgid file(s) ${site.base ? 'from the base image' : `added by ${site.keyword} on this line`}: ${listed}.`,
        evidence: paths.slice(0, MAX_LISTED).join(' '),
      };
    });
  },
};
