/**
 * The real-world corpus lives outside the repository (../shared/corpus/real-mcp) and is read in
 * place. Without it (an outside contributor's clone) the corpus tests say loudly that they did not
 * run; with MCG_REQUIRE_CORPUS=1 (set by .ci/run) they fail instead.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const CORPUS_DIR = join(import.meta.dirname, '..', '..', '..', 'shared', 'corpus', 'real-mcp');

export function corpusFiles(kind: 'dockerfiles' | 'compose' | 'k8s'): string[] | undefined {
  const dir = join(CORPUS_DIR, kind);
  if (!existsSync(dir)) {
    const msg = `CORPUS NOT FOUND at ${dir}: the ${kind} corpus tests DID NOT RUN`;
    if (process.env['MCG_REQUIRE_CORPUS'] === '1') throw new Error(`${msg} (MCG_REQUIRE_CORPUS=1)`);
    console.warn(`\n!!! ${msg} !!!\n`);
    return undefined;
  }
  return readdirSync(dir).filter((f) => !f.startsWith('.')).sort().map((f) => join(dir, f));
}
