/**
 * The build context as Docker sends it: which files are in it after .dockerignore.
 * Matching is @balena/dockerignore, a port of Docker's own implementation.
 */
import ignoreModule from '@balena/dockerignore';

/** The build context as Docker would send it. */
export interface BuildContextInfo {
  /** Repository-relative directory ('.' for the root). */
  dir: string;
  exists: boolean;
  /** Files below the context, POSIX paths relative to it (directories end with '/'), capped. */
  files: readonly string[];
  /** The .dockerignore in force, when there is one. */
  dockerignore?: { path: string; lines: string[] };
  /** True when Docker would leave the path out of the context. */
  ignored(relPath: string): boolean;
}

// CommonJS module: under NodeNext its default import is the module object, whose `default` is the factory.
type Factory = (o?: { ignorecase?: boolean }) => { add(p: string[]): { ignores(p: string): boolean } };
const ignore: Factory =
  typeof ignoreModule === 'function' ? (ignoreModule as unknown as Factory) : (ignoreModule as unknown as { default: Factory }).default;

export function makeBuildContext(
  dir: string,
  files: readonly string[],
  dockerignore?: { path: string; text: string },
  exists = true,
): BuildContextInfo {
  const lines = dockerignore ? dockerignore.text.split(/\r?\n/) : [];
  // a context without a .dockerignore (most) ignores nothing: no matcher is built for it
  const ig = lines.some((l) => l.trim() !== '') ? ignore({ ignorecase: false }).add(lines) : undefined;
  return {
    dir,
    exists,
    files,
    dockerignore: dockerignore ? { path: dockerignore.path, lines } : undefined,
    ignored(rel: string): boolean {
      const p = rel.replace(/^\.\//, '').replace(/\/+$/, '');
      if (p === '' || p === '.' || ig === undefined) return false;
      return ig.ignores(p);
    },
  };
}
