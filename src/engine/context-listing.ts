/**
 * The build contexts of the scan's Dockerfiles: one listing per context directory (kept across
 * Dockerfiles that share it), walked only when a rule reads it.
 */
import { existsSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { listContext, readTextFile, repoPath, type Listings } from '../core/files.js';
import { makeBuildContext, type BuildContextInfo } from '../core/build-context.js';

interface ContextListing {
  /** undefined: the context is not a directory. */
  files: string[] | undefined;
  names: Set<string>;
}

/** Where a build context is: its directory and the Dockerfile it builds (both absolute). */
export interface ContextSite {
  contextAbs: string;
  dockerfileAbs: string;
}

export class ContextLister {
  private readonly cache = new Map<string, ContextListing>();
  constructor(
    private readonly root: string,
    private readonly listings: Listings,
  ) {}

  /** The build context of one Dockerfile, its listing deferred until a rule reads it. */
  info(site: ContextSite): BuildContextInfo {
    const { contextAbs, dockerfileAbs } = site;
    const dir = repoPath(this.root, contextAbs);
    // the Dockerfile was just read from its own directory: that context exists without a stat
    const exists =
      contextAbs === dirname(dockerfileAbs) ||
      (this.cache.has(contextAbs) ? this.cache.get(contextAbs)!.files !== undefined : statSync(contextAbs, { throwIfNoEntry: false })?.isDirectory() === true);
    if (!exists) return makeBuildContext(dir, [], undefined, false);
    return new LazyContext(this, dir, site);
  }

  /** The context listed (once per directory) with the .dockerignore in force. */
  listed(dir: string, site: ContextSite): BuildContextInfo {
    const { contextAbs, dockerfileAbs } = site;
    let listing = this.cache.get(contextAbs);
    if (!listing) {
      // one listing per context; the listing also tells which .dockerignore files exist
      const isDir = this.listings.dirs.has(contextAbs) || statSync(contextAbs, { throwIfNoEntry: false })?.isDirectory() === true;
      const files = isDir ? listContext(contextAbs, undefined, this.listings) : undefined;
      listing = { files, names: new Set(files) };
      this.cache.set(contextAbs, listing);
    }
    if (!listing.files) return makeBuildContext(dir, [], undefined, false);
    // BuildKit: <Dockerfile>.dockerignore next to the Dockerfile wins over the context's .dockerignore
    const own = `${dockerfileAbs}.dockerignore`;
    const ownRel = dirname(own) === contextAbs ? basename(own) : undefined;
    const ownExists = ownRel !== undefined ? listing.names.has(ownRel) : existsSync(own);
    const igPath = ownExists ? own : listing.names.has('.dockerignore') ? join(contextAbs, '.dockerignore') : undefined;
    let ig: { path: string; text: string } | undefined;
    if (igPath) {
      const r = readTextFile(igPath, 1024 * 1024);
      if (r.ok) ig = { path: repoPath(this.root, igPath), text: r.text };
    }
    return makeBuildContext(dir, listing.files, ig);
  }
}

/**
 * A build context whose listing (a walk of the context) and .dockerignore are only built when a
 * rule reads them (MCG014, on a whole-context COPY): most Dockerfiles never need it. A class, so
 * that every context has one shape: an object literal with getters got a shape of its own per
 * file, and the rule's reads of it went the slow way.
 */
class LazyContext implements BuildContextInfo {
  readonly exists = true;
  private built: BuildContextInfo | undefined = undefined;
  constructor(
    private readonly lister: ContextLister,
    readonly dir: string,
    private readonly site: ContextSite,
  ) {}
  private get(): BuildContextInfo {
    return (this.built ??= this.lister.listed(this.dir, this.site));
  }
  get files(): readonly string[] {
    return this.get().files;
  }
  get dockerignore(): BuildContextInfo['dockerignore'] {
    return this.get().dockerignore;
  }
  ignored(rel: string): boolean {
    return this.get().ignored(rel);
  }
}
