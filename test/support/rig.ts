/**
 * The real-parts test rig (DESIGN §9). scripts/rig/setup.sh installs and starts everything and
 * writes KEY=VALUE lines to <cache>/rig.env; tests read tool paths from the environment or that file.
 * A tool that is missing FAILS the test with the command that provides it — it never skips.
 */
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export function rigCacheDir(): string {
  return process.env['MCG_RIG_CACHE'] ?? join(homedir(), '.cache', 'mcp-container-guard-test');
}

let fileVars: Record<string, string> | undefined;

function rigFile(): Record<string, string> {
  if (fileVars) return fileVars;
  fileVars = {};
  const p = join(rigCacheDir(), 'rig.env');
  if (existsSync(p)) {
    for (const line of readFileSync(p, 'utf8').split('\n')) {
      const m = /^([A-Z0-9_]+)=(.*)$/.exec(line.trim());
      if (m) fileVars[m[1]!] = m[2]!.replace(/^"(.*)"$/, '$1');
    }
  }
  return fileVars;
}

/** A rig value (tool path, cache dir …): from the environment, else rig.env; throws when absent. */
export function rigValue(key: string): string {
  const v = process.env[key] ?? rigFile()[key];
  if (!v) {
    throw new Error(`${key} is not set and not in ${join(rigCacheDir(), 'rig.env')}: run \`bash scripts/rig/setup.sh\` (npm test does this) to install the test rig`);
  }
  return v;
}

/** Environment for child processes with the rig's variables (DOCKER_HOST …) applied. */
export function rigEnv(): Record<string, string> {
  return { ...(process.env as Record<string, string>), ...rigFile() };
}
