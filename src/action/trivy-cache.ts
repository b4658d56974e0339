/**
 * Trivy's vulnerability DB kept between runs with @actions/cache (DESIGN §7: "cache dir cached with
 * `@actions/cache` (key per day)"). Restored before Trivy runs (the pipeline starts the restore as
 * soon as Trivy is resolved, while the image builds), saved once by the post step (src/action/post.ts),
 * which runs even when the main step failed. Only the DB
 * directories are cached (`db/`, `java-db/`), never Trivy's per-image scan cache (`fanal/`), which
 * grows with every image. A cache service that errors or is absent never fails the scan: a warning
 * (or, when the runtime offers no cache service at all, an info line) and the scan goes on.
 */
import * as cache from '@actions/cache';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../core/types.js';
import type { RunContext } from './context.js';
import type { TrivyDbCache } from '../engine/pipeline.js';

export interface TrivyCacheKeyInput {
  /** Trivy's version (`0.74.0`, `v0.74.0`); unknown → `unknown`. */
  trivyVersion: string | undefined;
  /** `process.platform`, `process.arch`. */
  os: string;
  arch: string;
  /** Now; the key changes each UTC day. */
  date: Date;
}

export interface TrivyCacheKey {
  key: string;
  /** Prefix fallbacks, most specific first: an earlier day of the same Trivy version, OS and arch. */
  restoreKeys: string[];
}

function keyPart(s: string): string {
  // @actions/cache refuses commas and keys over 512 characters; keep keys plain
  return s.replace(/[^A-Za-z0-9._]+/g, '_').slice(0, 64) || 'unknown';
}

/** `mcg-trivy-<version>-<os>-<arch>-<YYYY-MM-DD>` (UTC day) with the prefix up to the day as restore key. Pure. */
export function trivyCacheKey(i: TrivyCacheKeyInput): TrivyCacheKey {
  const version = keyPart((i.trivyVersion ?? '').trim().replace(/^v(?=\d)/, ''));
  const prefix = `mcg-trivy-${version}-${keyPart(i.os)}-${keyPart(i.arch)}-`;
  const day = i.date.toISOString().slice(0, 10);
  return { key: `${prefix}${day}`, restoreKeys: [prefix] };
}

/** The directories of Trivy's cache dir that hold its databases (not its per-image scan cache). */
export function trivyCachePaths(cacheDir: string): string[] {
  return [join(cacheDir, 'db'), join(cacheDir, 'java-db')];
}

/** What @actions/cache offers; injectable for unit tests. */
export interface CacheService {
  isFeatureAvailable(): boolean;
  restoreCache(paths: string[], primaryKey: string, restoreKeys?: string[]): Promise<string | undefined>;
  saveCache(paths: string[], key: string): Promise<number>;
}

export const actionsCacheService: CacheService = {
  isFeatureAvailable: () => cache.isFeatureAvailable(),
  restoreCache: (paths, key, restoreKeys) => cache.restoreCache(paths, key, restoreKeys),
  saveCache: (paths, key) => cache.saveCache(paths, key),
};

export interface ActionTrivyCacheOptions {
  logger: Logger;
  service?: CacheService;
  now?: Date;
  os?: string;
  arch?: string;
  /** Set when this run must not write the cache (a fork pull request, pull_request_target): restore only. */
  noSaveReason?: string;
  /** Told what was restored (the main step hands it to the post step, which saves). */
  onRestored?: (state: TrivyCacheState) => void;
}

export interface SaveOutcome {
  saved: boolean;
  reason: string;
}

/**
 * What the save needs to know, plain data: the main step records it (core.saveState) and the
 * post step saves from it, even when the main step failed or was cut short.
 */
export interface TrivyCacheState {
  key: string;
  paths: string[];
  /** The key the restore matched, if any. */
  matched?: string;
  restoreFailed: boolean;
  noSaveReason?: string;
  /** Whether Trivy succeeded; undefined when the main step ended before the scan finished. */
  trivyRan?: boolean;
}

/**
 * Saves the DB under today's key unless: the exact key was restored, this run may not write
 * (fork), Trivy did not succeed, or there is no DB on disk (when it is unknown whether Trivy
 * finished, only a DB whose download completed: metadata.json is written last). Never throws.
 */
export async function saveTrivyDb(s: TrivyCacheState, o: { logger: Logger; service?: CacheService }): Promise<SaveOutcome> {
  const { logger } = o;
  const service = o.service ?? actionsCacheService;
  const out = (saved: boolean, reason: string): SaveOutcome => {
    logger.debug(`Trivy DB cache: ${saved ? 'saved' : 'not saved'}: ${reason}`);
    return { saved, reason };
  };
  const db = s.paths[0] ?? '';
  if (s.matched === s.key) return out(false, `exact hit on ${s.key}`);
  if (s.noSaveReason) return out(false, s.noSaveReason);
  if (s.trivyRan === false) return out(false, 'Trivy did not succeed');
  const complete = existsSync(join(db, 'metadata.json'));
  if (!complete && (s.trivyRan === undefined || !existsSync(join(db, 'trivy.db')))) return out(false, 'no Trivy DB on disk');
  if (!available(service)) return out(false, 'no cache service');
  if (s.restoreFailed) return out(false, 'the cache service failed on restore');
  try {
    const id = await service.saveCache(s.paths, s.key);
    if (id === -1) return out(false, 'the cache service did not accept the entry');
    logger.info(`Trivy DB cache: saved as ${s.key}`);
    return out(true, s.key);
  } catch (e) {
    logger.warning(`Trivy DB cache: save failed (the scan result is unaffected): ${e instanceof Error ? e.message : String(e)}`);
    return out(false, 'save failed');
  }
}

function available(service: CacheService): boolean {
  try {
    return service.isFeatureAvailable();
  } catch {
    return false;
  }
}

/** One per action run: restores at most once; the save is the post step's (saveTrivyDb). */
export class ActionTrivyCache implements TrivyDbCache {
  private restoring?: Promise<void>;
  private key?: TrivyCacheKey;
  private paths?: string[];
  private matched?: string;
  private restoreFailed = false;
  private readonly service: CacheService;

  constructor(private readonly o: ActionTrivyCacheOptions) {
    this.service = o.service ?? actionsCacheService;
  }

  restore(trivyVersion: string | undefined, cacheDir: string): Promise<void> {
    this.restoring ??= this.doRestore(trivyVersion, cacheDir).then(() => this.o.onRestored?.(this.state()!));
    return this.restoring;
  }

  private async doRestore(trivyVersion: string | undefined, cacheDir: string): Promise<void> {
    const { logger } = this.o;
    this.key = trivyCacheKey({ trivyVersion, os: this.o.os ?? process.platform, arch: this.o.arch ?? process.arch, date: this.o.now ?? new Date() });
    this.paths = trivyCachePaths(cacheDir);
    if (!available(this.service)) {
      logger.info('Trivy DB cache: no GitHub Actions cache service in this runtime; Trivy uses what is in its cache directory');
      this.restoreFailed = true;
      return;
    }
    const t0 = Date.now();
    try {
      this.matched = await this.service.restoreCache(this.paths, this.key.key, this.key.restoreKeys);
      if (this.matched) logger.info(`Trivy DB cache: restored ${this.matched} in ${Date.now() - t0} ms`);
      else logger.info(`Trivy DB cache: no entry for ${this.key.key} (Trivy downloads its DB unless offline)`);
    } catch (e) {
      this.restoreFailed = true;
      logger.warning(`Trivy DB cache: restore failed, the scan goes on without it: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  /** What the save needs (undefined until a restore has run, i.e. when Trivy did not run). */
  state(trivyRan?: boolean): TrivyCacheState | undefined {
    if (!this.key || !this.paths) return undefined;
    return { key: this.key.key, paths: this.paths, matched: this.matched, restoreFailed: this.restoreFailed, noSaveReason: this.o.noSaveReason, trivyRan };
  }

  /** Saves now (after the restore settled); see saveTrivyDb. */
  async save(trivyRan: boolean): Promise<SaveOutcome> {
    if (!this.restoring) {
      this.o.logger.debug('Trivy DB cache: not saved: Trivy did not run');
      return { saved: false, reason: 'Trivy did not run' };
    }
    await this.restoring;
    return saveTrivyDb(this.state(trivyRan)!, { logger: this.o.logger, service: this.service });
  }
}

/**
 * Why this run must not write the cache, if it must not: a pull request from a fork (its build ran
 * code nobody reviewed yet, and GitHub gives it a read-only token), or pull_request_target (whose
 * cache entries land in the base branch's scope, shared by every later run there).
 */
export function trivyCacheNoSaveReason(ctx: Pick<RunContext, 'readOnly' | 'readOnlyReason' | 'eventName'>): string | undefined {
  if (ctx.eventName === 'pull_request_target') return 'pull_request_target: an entry would land in the base branch scope';
  if (ctx.readOnly) return `${ctx.readOnlyReason ?? 'read-only run'}: restore only`;
  return undefined;
}
