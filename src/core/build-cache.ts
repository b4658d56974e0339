/**
 * BuildKit's cache across runs (issue #23 item 1): the `cache-from` / `cache-to` values as BuildKit
 * takes them (`type=NAME,key=value,…`, one CSV record per value, each passed as one argv word after
 * `--cache-from` / `--cache-to`, never through a shell), and the defaults on GitHub: the Actions
 * cache backend scoped per Dockerfile and target, `mode=max` on the default branch, nothing for a
 * pull request from a fork (its token cannot write the cache) or for the plain `docker` driver
 * (which cannot export a cache). Pure.
 */

/** The exporters/importers BuildKit knows (moby/buildkit, `cache/remotecache`). */
export const CACHE_TYPES = ['registry', 'local', 'inline', 'gha', 's3', 'azblob'] as const;

/** One direction's setting: `auto` (the GitHub default), `off`, or the values given. */
export type CacheSetting = 'auto' | 'off' | string[];

export interface BuildCacheRequest {
  from: CacheSetting;
  to: CacheSetting;
}

export class CacheSpecError extends Error {}

/**
 * Splits one value into its CSV fields as encoding/csv (what buildx reads it with) does: commas
 * separate, a field in double quotes may hold commas, `""` inside quotes is one quote.
 */
export function csvFields(value: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i <= value.length) {
    let field = '';
    if (value[i] === '"') {
      i++;
      for (;;) {
        if (i >= value.length) throw new CacheSpecError(`unterminated quote in "${value}"`);
        if (value[i] === '"') {
          if (value[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += value[i++];
      }
      if (i < value.length && value[i] !== ',') throw new CacheSpecError(`text after a closing quote in "${value}"`);
    } else {
      while (i < value.length && value[i] !== ',') {
        if (value[i] === '"') throw new CacheSpecError(`a quote inside an unquoted field in "${value}"`);
        field += value[i++];
      }
    }
    out.push(field);
    i++;
  }
  return out;
}

export interface CacheSpec {
  type: string;
  attrs: Record<string, string>;
}

/** Validates one value as BuildKit's `type=…,key=value` record. Throws CacheSpecError saying why. */
export function parseCacheSpec(value: string): CacheSpec {
  const v = value.trim();
  if (v === '') throw new CacheSpecError('an empty value');
  if (/[\u0000-\u001f\u007f]/.test(v)) throw new CacheSpecError(`"${JSON.stringify(v).slice(1, -1)}" holds a control character`);
  const attrs: Record<string, string> = {};
  for (const f of csvFields(v)) {
    const eq = f.indexOf('=');
    if (eq <= 0) throw new CacheSpecError(`"${f}" in "${v}" is not key=value`);
    const key = f.slice(0, eq).trim().toLowerCase();
    if (!/^[a-z][a-z0-9_-]*$/.test(key)) throw new CacheSpecError(`"${key}" in "${v}" is not an attribute name`);
    if (key in attrs) throw new CacheSpecError(`"${key}" given twice in "${v}"`);
    attrs[key] = f.slice(eq + 1);
  }
  const type = attrs['type'];
  if (type === undefined) throw new CacheSpecError(`"${v}" has no type= (one of ${CACHE_TYPES.join(', ')})`);
  if (!(CACHE_TYPES as readonly string[]).includes(type)) throw new CacheSpecError(`type "${type}" is not one of ${CACHE_TYPES.join(', ')}`);
  delete attrs['type'];
  const mode = attrs['mode'];
  if (mode !== undefined && mode !== 'min' && mode !== 'max') throw new CacheSpecError(`mode "${mode}" is not min or max`);
  if (type === 'local' && attrs['src'] === undefined && attrs['dest'] === undefined) throw new CacheSpecError(`type=local needs src= (cache-from) or dest= (cache-to)`);
  if (type === 'registry' && attrs['ref'] === undefined) throw new CacheSpecError('type=registry needs ref=');
  return { type, attrs };
}

/** An input's text → its setting: empty or `auto` → auto, `none`/`off`/`false` → off, else one value per line. */
export function parseCacheSetting(text: string): CacheSetting {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
  if (lines.length === 0) return 'auto';
  if (lines.length === 1 && ['auto', 'none', 'off', 'false'].includes(lines[0]!.toLowerCase())) return lines[0]!.toLowerCase() === 'auto' ? 'auto' : 'off';
  for (const l of lines) parseCacheSpec(l);
  return lines;
}

/** `mcg-<dockerfile path slug>[-<build target>]`: the Actions cache scope of one image. */
export function cacheScope(dockerfile: string, buildTarget?: string): string {
  const slug = (s: string): string =>
    s
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '');
  const df = slug(dockerfile).slice(0, 80) || 'dockerfile';
  return buildTarget ? `mcg-${df}-${slug(buildTarget).slice(0, 40)}` : `mcg-${df}`;
}

/** Where the build runs, as far as the cache is concerned. */
export interface CacheEnvironment {
  /** The Dockerfile (repository path) and build target, for the scope. */
  dockerfile: string;
  buildTarget?: string;
  /** `docker buildx build` is used (no buildx: no cache flags at all). */
  buildx: boolean;
  /** buildx's driver (`docker`, `docker-container`, …), when known. */
  driver?: string;
  /** The GitHub Actions cache service is in the environment (ACTIONS_RUNTIME_TOKEN and a cache URL). */
  actionsCache: boolean;
  /** A pull request from a fork (or another read-only run): no cache at all by default. */
  readOnly: boolean;
  /** This run is on the repository's default branch: `mode=max`. */
  defaultBranch: boolean;
}

export interface ResolvedCache {
  from: string[];
  to: string[];
  /** What to log: why a cache is used or not. */
  notes: string[];
}

function defaults(e: CacheEnvironment, notes: string[]): { from: string[]; to: string[] } {
  const none = { from: [], to: [] };
  if (!e.actionsCache) return none;
  if (e.readOnly) {
    notes.push('BuildKit cache: off on this read-only run (pull request from a fork: its token cannot write the cache)');
    return none;
  }
  const scope = cacheScope(e.dockerfile, e.buildTarget);
  const to = `type=gha,scope=${scope},mode=${e.defaultBranch ? 'max' : 'min'}`;
  return { from: [`type=gha,scope=${scope}`], to: [to] };
}

/** The cache flags' values for one build. Pure. */
export function resolveBuildCache(req: BuildCacheRequest, e: CacheEnvironment): ResolvedCache {
  const notes: string[] = [];
  const auto = defaults(e, notes);
  const pick = (s: CacheSetting, d: string[]): string[] => (s === 'auto' ? d : s === 'off' ? [] : s);
  let from = pick(req.from, auto.from);
  let to = pick(req.to, auto.to);
  if ((from.length > 0 || to.length > 0) && !e.buildx) {
    notes.push('BuildKit cache: not used: docker buildx is not available (the classic builder takes no cache-from/cache-to)');
    return { from: [], to: [], notes };
  }
  if (to.length > 0 && e.driver === 'docker') {
    // the docker driver imports an inline cache but exports nothing but inline
    const kept = to.filter((t) => parseCacheSpec(t).type === 'inline');
    if (kept.length < to.length) notes.push('BuildKit cache: cache-to skipped: the builder uses the plain "docker" driver, which cannot export a cache (create a docker-container builder, e.g. docker/setup-buildx-action)');
    to = kept;
    if (req.from === 'auto') from = [];
  }
  const shown = (xs: string[]): string => xs.map(redactCacheValue).join(' ; ');
  if (from.length > 0 || to.length > 0) notes.push(`BuildKit cache: ${from.length > 0 ? `from ${shown(from)}` : 'no import'}; ${to.length > 0 ? `to ${shown(to)}` : 'no export'}`);
  return { from, to, notes };
}

/** A value fit for the log: credentials given as attributes (s3 `secret_access_key`, azblob `secret_access_key`, `session_token`, gha `token`) shown as `***`. */
export function redactCacheValue(value: string): string {
  try {
    const { type, attrs } = parseCacheSpec(value);
    const parts = [`type=${type}`];
    for (const [k, v] of Object.entries(attrs)) parts.push(`${k}=${/secret|token|password|key_id|access_key|credential/.test(k) ? '***' : v}`);
    return parts.join(',');
  } catch {
    return '(invalid value)';
  }
}

/** The argv words: `--cache-from V` per value, then `--cache-to V` per value. */
export function cacheArgs(c: Pick<ResolvedCache, 'from' | 'to'>): string[] {
  const out: string[] = [];
  for (const f of c.from) out.push('--cache-from', f);
  for (const t of c.to) out.push('--cache-to', t);
  return out;
}
