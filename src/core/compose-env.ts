/**
 * The environment compose interpolates a compose file with, as a scan sees it: the project's
 * `.env` next to the compose file (what `docker compose` reads by default), read with compose's
 * dotenv syntax (src/core/yaml/compose-dotenv.ts), and nothing else. The scanner's own process
 * environment is never used: the verdict depends on the repository, not on the machine the scan
 * runs on (a CI runner's variables are not the deployment's). No `.env` (or a directory of that
 * name, which compose skips): no variables, and unset variables read as empty.
 */
import { statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { readText, repoPath } from './files.js';
import { parseDotenv } from './yaml/compose-dotenv.js';

export interface ProjectEnv {
  env: ReadonlyMap<string, string>;
  /** Why compose refuses the project's `.env` (repository-relative path, line, message). */
  error?: { path: string; line: number; message: string };
}

const NONE: ProjectEnv = { env: new Map() };

/** One reading per directory (a scan may hold several compose files side by side). */
export class ProjectEnvs {
  private readonly cache = new Map<string, ProjectEnv>();
  constructor(private readonly root: string) {}

  /** The environment of the compose file at `composeAbs`. */
  of(composeAbs: string): ProjectEnv {
    const dir = dirname(composeAbs);
    let e = this.cache.get(dir);
    if (!e) {
      e = readProjectEnv(this.root, dir);
      this.cache.set(dir, e);
    }
    return e;
  }
}

function readProjectEnv(root: string, dir: string): ProjectEnv {
  const abs = join(dir, '.env');
  if (statSync(abs, { throwIfNoEntry: false })?.isFile() !== true) return NONE;
  const path = repoPath(root, abs);
  const r = readText(abs, 1024 * 1024);
  if (!r.ok) return { env: new Map(), error: { path, line: r.line, message: `${r.message}; compose cannot read the project's .env either` } };
  const parsed = parseDotenv(r.text);
  if (parsed.error === undefined) return { env: parsed.env };
  return {
    env: parsed.env,
    error: { path, line: parsed.errorLine ?? 1, message: `compose refuses this .env file (${parsed.error}), so \`docker compose\` will not load the project next to it; the compose files were checked with the variables read before the error` },
  };
}
