import type { RuleHit, RuleMeta } from '../../core/types.js';
import { field, itemsOf, strOf } from '../../core/mcp/tree.js';
import type { McpRule } from './types.js';
import { launchImage, normVersion } from './util.js';

const meta: RuleMeta = {
  id: 'MCG524',
  name: 'version-mismatch',
  title: 'server.json version disagrees with the image tag',
  severity: 'medium',
  kind: 'mcp',
  description:
    'An `oci` package\'s `identifier` tag differs from the file\'s `version` (a leading `v` ignored; `${VERSION}`-style placeholders skipped); with a built image, also its tag or its `org.opencontainers.image.version` label.',
  rationale: 'Clients show `version` and install the identifier: when they differ, users run other code than the listing says, and the next release is easy to publish with a stale file.',
  fix: 'Bump both together (release tooling can template `${VERSION}` into both), or correct the one that is stale.',
  tags: ['publishing', 'mcp', 'server-json'],
  precision: 'high',
};

const norm = normVersion;
const templated = (v: string): boolean => /[${}<>]/.test(v);

export const rule: McpRule = {
  meta,
  check: (ctx) => {
    const s = ctx.model.server;
    if (!s?.version || templated(s.version.value)) return [];
    const want = norm(s.version.value);
    const hits: RuleHit[] = [];
    for (const p of itemsOf(field(s.root, 'packages')?.value)) {
      if (strOf(field(p, 'registryType')?.value) !== 'oci') continue;
      const id = field(p, 'identifier');
      const r = launchImage(strOf(id?.value) ?? '');
      if (!id || r.tag === undefined || templated(r.tag) || r.tag === 'latest' || norm(r.tag) === want) continue;
      hits.push({ line: id.keyLine, key: `version:${r.name}`, message: `server.json version is ${want} but OCI package ${r.name} is tagged ${r.tag}.` });
    }
    const img = ctx.image;
    if (img) {
      const label = img.labels['org.opencontainers.image.version'];
      const tag = img.ref !== undefined ? launchImage(img.ref).tag : undefined;
      for (const [what, v] of [['label org.opencontainers.image.version', label], ['tag', tag]] as const) {
        if (v !== undefined && v !== 'latest' && !templated(v) && norm(v) !== want) hits.push({ line: s.version.line, key: `version:image-${what}`, message: `server.json version is ${want} but the built image's ${what} is ${v.slice(0, 100)}.` });
      }
    }
    return hits;
  },
};
