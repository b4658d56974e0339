/**
 * The build context as Docker sends it: which files are in it after .dockerignore.
 * Matching is @balena/dockerignore, a port of Docker's own implementation.
 */
import ignoreModule from '@balena/dockerignore';
import type { BuildContextInfo } from '../rules/types.js';

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
