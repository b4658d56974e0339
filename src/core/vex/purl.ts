/**
 * Package URLs as VEX statements name products: `pkg:type/namespace/name@version?qualifiers#subpath`.
 * Matching follows what VEX consumers do for a package: type, namespace and name must be equal
 * (case-insensitively for the type), the version only when the statement gives one, and every
 * qualifier the statement gives must be present with the same value (extra qualifiers on the
 * scanned package, such as `arch` or `distro`, do not stop a match).
 */

export interface Purl {
  type: string;
  namespace: string;
  name: string;
  version?: string;
  qualifiers: ReadonlyMap<string, string>;
}

function decode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

export function parsePurl(text: string): Purl | undefined {
  if (!text.startsWith('pkg:')) return undefined;
  let rest = text.slice(4).replace(/^\/+/, '');
  const hash = rest.indexOf('#');
  if (hash >= 0) rest = rest.slice(0, hash);
  const qualifiers = new Map<string, string>();
  const q = rest.indexOf('?');
  if (q >= 0) {
    for (const pair of rest.slice(q + 1).split('&')) {
      const eq = pair.indexOf('=');
      if (eq > 0) qualifiers.set(pair.slice(0, eq).toLowerCase(), decode(pair.slice(eq + 1)));
    }
    rest = rest.slice(0, q);
  }
  let version: string | undefined;
  const at = rest.lastIndexOf('@');
  if (at > rest.lastIndexOf('/')) {
    version = decode(rest.slice(at + 1));
    rest = rest.slice(0, at);
  }
  const parts = rest.split('/').filter((p) => p !== '');
  if (parts.length < 2) return undefined;
  const type = parts[0]!.toLowerCase();
  const name = decode(parts[parts.length - 1]!);
  const namespace = parts.slice(1, -1).map(decode).join('/');
  return { type, namespace, name, version: version === '' ? undefined : version, qualifiers };
}

/** Whether `statement` (what a VEX document names) covers `scanned` (a package found in the image). */
export function purlCovers(statement: Purl, scanned: Purl): boolean {
  if (statement.type !== scanned.type || statement.name !== scanned.name) return false;
  if (statement.namespace.toLowerCase() !== scanned.namespace.toLowerCase()) return false;
  if (statement.version !== undefined && statement.version !== scanned.version) return false;
  for (const [k, v] of statement.qualifiers) if (scanned.qualifiers.get(k) !== v) return false;
  return true;
}
