import type { RuleHit, RuleMeta } from '../../core/types.js';
import { resolveInImage } from '../../core/image/model.js';
import type { ImageRule, ImageRuleContext } from './types.js';

const meta: RuleMeta = {
  id: 'MCG051',
  name: 'no-ca-bundle',
  title: 'Image has no CA certificate bundle',
  severity: 'medium',
  kind: 'image',
  description:
    'None of the usual CA bundles is in the image: /etc/ssl/certs/ca-certificates.crt (Debian, Ubuntu, Alpine), /etc/pki/tls/certs/ca-bundle.crt (Red Hat), /etc/ssl/cert.pem (Alpine, macOS layout).',
  rationale:
    'MCP servers call model and SaaS APIs over HTTPS. Without a CA bundle every TLS handshake fails certificate verification, and the quick "fix" people reach for is turning verification off.',
  fix: 'Install the CA bundle in the final stage (`apt-get install --no-install-recommends ca-certificates`, `apk add --no-cache ca-certificates`) or copy it from the build stage: `COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/`. Distroless and Chainguard bases already have one.',
  tags: ['reliability', 'tls', 'image'],
  precision: 'high',
};

export const CA_BUNDLES = ['/etc/ssl/certs/ca-certificates.crt', '/etc/pki/tls/certs/ca-bundle.crt', '/etc/ssl/cert.pem'];

export const rule: ImageRule = {
  meta,
  check(ctx: ImageRuleContext): RuleHit[] {
    if (CA_BUNDLES.some((p) => resolveInImage(ctx.image.files, p)?.type === 'file')) return [];
    const from = ctx.layers.from;
    return [{ line: from.line, endLine: from.endLine, key: `${from.key}|no-ca-bundle`, message: `The image has no CA certificate bundle (${CA_BUNDLES.join(', ')}): outbound TLS connections will fail to verify.` }];
  },
};
