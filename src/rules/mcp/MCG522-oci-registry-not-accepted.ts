import type { RuleHit, RuleMeta } from '../../core/types.js';
import { field, itemsOf, strOf } from '../../core/mcp/tree.js';
import type { McpRule } from './types.js';
import { launchImage, registryHost } from './util.js';

const meta: RuleMeta = {
  id: 'MCG522',
  name: 'oci-registry-not-accepted',
  title: 'server.json OCI package is on a registry the MCP registry does not accept',
  severity: 'high',
  kind: 'mcp',
  description: 'An `oci` package\'s `identifier` names an image on a host other than Docker Hub (`docker.io`), GitHub Container Registry (`ghcr.io`), Quay (`quay.io`), Google Artifact Registry (`*.pkg.dev`), Azure Container Registry (`*.azurecr.io`) or Microsoft Container Registry (`mcr.microsoft.com`), the registries the official MCP registry lists as supported.',
  rationale: 'The official registry refuses to publish packages from other hosts (private registries and mirrors are not allowed), so the release fails at the publish step.',
  fix: 'Push the image to one of the accepted registries and name it there: `ghcr.io/owner/server:1.2.0`.',
  tags: ['publishing', 'mcp', 'server-json', 'image'],
  precision: 'high',
};

/** The registry's list (its docs: package-types.mdx "Docker/OCI Images", official-registry-requirements.md). */
const ACCEPTED_HOSTS: ReadonlySet<string> = new Set(['docker.io', 'index.docker.io', 'ghcr.io', 'quay.io', 'mcr.microsoft.com']);

export function acceptedHost(host: string): boolean {
  return ACCEPTED_HOSTS.has(host) || /\.pkg\.dev$/.test(host) || /\.azurecr\.io$/.test(host);
}

export const rule: McpRule = {
  meta,
  check: (ctx) => {
    if (!ctx.model.server) return [];
    return itemsOf(field(ctx.model.server.root, 'packages')?.value).flatMap((p): RuleHit[] => {
      if (strOf(field(p, 'registryType')?.value) !== 'oci') return [];
      const id = field(p, 'identifier');
      const ref = strOf(id?.value);
      if (!id || !ref) return [];
      const r = launchImage(ref);
      const host = registryHost(r);
      if (/[{$]/.test(host) || acceptedHost(host)) return [];
      return [{ line: id.keyLine, key: `oci-host:${host}`, message: `server.json OCI package ${r.name} is on ${host}, which the MCP registry does not accept.` }];
    });
  },
};
