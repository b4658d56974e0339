import type { RuleHit, RuleMeta } from '../../core/types.js';
import { resolveInImage } from '../../core/image/model.js';
import type { LayerSite } from '../../core/image/layer-map.js';
import { siteOfPath, type ImageRule, type ImageRuleContext } from './types.js';

const meta: RuleMeta = {
  id: 'MCG052',
  name: 'shell-or-package-manager',
  title: 'Runtime image carries a shell, package manager or downloader',
  severity: 'low',
  kind: 'image',
  description: 'The final image contains /bin/sh, a package manager (apt, apt-get, apk, dpkg) or a downloader (curl, wget).',
  rationale:
    'An MCP server process that is compromised (prompt injection into a tool, a vulnerable dependency) uses whatever the image offers: a shell to chain commands, a package manager or curl/wget to fetch more tools. A runtime image without them leaves far less to work with and has fewer packages to patch.',
  fix: 'Build in one stage and copy only the application into a minimal runtime base (distroless, Chainguard, scratch for static binaries). If the shell must stay, at least remove the downloaders and the package manager in the final stage.',
  tags: ['security', 'attack-surface', 'image'],
  precision: 'high',
};

const BIN_DIRS = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'];
export const TOOLS: { name: string; what: string; paths: string[] }[] = [
  { name: 'sh', what: 'shell', paths: ['/bin/sh'] },
  { name: 'apt', what: 'package manager', paths: BIN_DIRS.map((d) => `${d}/apt`) },
  { name: 'apt-get', what: 'package manager', paths: BIN_DIRS.map((d) => `${d}/apt-get`) },
  { name: 'apk', what: 'package manager', paths: BIN_DIRS.map((d) => `${d}/apk`) },
  { name: 'dpkg', what: 'package manager', paths: BIN_DIRS.map((d) => `${d}/dpkg`) },
  { name: 'curl', what: 'downloader', paths: BIN_DIRS.map((d) => `${d}/curl`) },
  { name: 'wget', what: 'downloader', paths: BIN_DIRS.map((d) => `${d}/wget`) },
];

export const rule: ImageRule = {
  meta,
  check(ctx: ImageRuleContext): RuleHit[] {
    const bySite = new Map<string, { site: LayerSite; tools: string[]; paths: string[] }>();
    for (const t of TOOLS) {
      for (const p of t.paths) {
        const e = resolveInImage(ctx.image.files, p);
        if (!e || e.type === 'dir') continue;
        const site = siteOfPath(ctx, e.layer);
        const g = bySite.get(site.key) ?? { site, tools: [], paths: [] };
        g.tools.push(`${t.name} (${t.what})`);
        g.paths.push(p);
        bySite.set(site.key, g);
        break;
      }
    }
    return [...bySite.values()].map(({ site, tools, paths }) => ({
      line: site.line,
      endLine: site.endLine,
      key: `${site.key}|shell-or-package-manager`,
      message: `The runtime image carries ${tools.join(', ')}: ${site.base ? 'from the base image' : `added by ${site.keyword} on this line`}.`,
      evidence: paths.join(' '),
    }));
  },
};
