/**
 * The inputs of issue #23: BuildKit's cache (`cache-from`, `cache-to`) and Trivy's DB
 * (`db-repository`, `java-db-repository`, `max-db-age`). Pure: the reader and the error are injected.
 */
import { CacheSpecError, parseCacheSetting, type CacheSetting } from '../core/build-cache.js';
import { DbOptionError, parseMaxDbAge, parseRepositories } from '../core/trivy-db.js';

export const CACHE_DB_INPUT_DEFAULTS: Record<string, string> = {
  'cache-from': '',
  'cache-to': '',
  'db-repository': '',
  'java-db-repository': '',
  'max-db-age': '',
};

export interface CacheDbInputs {
  /** BuildKit cache import/export (src/core/build-cache.ts): auto, off, or BuildKit's values. */
  cacheFrom: CacheSetting;
  cacheTo: CacheSetting;
  /** Trivy DB mirrors in order (OCI repositories), and the oldest DB accepted, in hours. */
  dbRepositories: string[];
  javaDbRepositories: string[];
  maxDbAge?: number;
}

export function readCacheDbInputs(get: (name: string) => string, fail: (name: string, message: string) => Error): CacheDbInputs {
  const one = <T>(name: string, read: (text: string) => T, hint: string): T => {
    try {
      return read(get(name));
    } catch (e) {
      if (e instanceof CacheSpecError || e instanceof DbOptionError) throw fail(name, `${e.message}.${hint}`);
      throw e;
    }
  };
  const cacheHint = " Give BuildKit's type=NAME,key=value (one per line), auto or none.";
  return {
    cacheFrom: one('cache-from', parseCacheSetting, cacheHint),
    cacheTo: one('cache-to', parseCacheSetting, cacheHint),
    dbRepositories: one('db-repository', parseRepositories, ''),
    javaDbRepositories: one('java-db-repository', parseRepositories, ''),
    maxDbAge: one('max-db-age', parseMaxDbAge, ''),
  };
}
