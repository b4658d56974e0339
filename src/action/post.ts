/**
 * The post step (action.yml `runs.post`, `post-if: always()`): runs after the job's steps, whether
 * the main step passed, failed or was cut short. It saves the Trivy DB cache (what the main step
 * restored and Trivy filled) and removes the containers and images this run built (by its label).
 * It never fails the job: the verdict is the main step's.
 */
import type { Exec, Logger } from '../core/types.js';
import { SecretRegistry } from '../core/secret-registry.js';
import { ActionLog } from './log.js';
import { actionsExec } from './exec.js';
import { saveTrivyDb, type CacheService } from './trivy-cache.js';
import { readPostState, RUN_LABEL_KEY, type PostState } from './post-state.js';

/** Time limit for each docker call of the clean-up. */
export const CLEANUP_TIMEOUT_MS = 120_000;

export interface Cleanup {
  exec: Exec;
  docker: string;
  label: string;
  logger: Logger;
}

async function ids(c: Cleanup, args: string[]): Promise<string[]> {
  const r = await c.exec(c.docker, [...args, '--filter', `label=${RUN_LABEL_KEY}=${c.label}`], { timeoutMs: CLEANUP_TIMEOUT_MS });
  if (r.exitCode !== 0) throw new Error(`docker ${args.join(' ')} exited with code ${r.exitCode}: ${r.stderr.trim().slice(0, 500)}`);
  return [...new Set(r.stdout.split(/\s+/).filter((s) => /^[0-9a-f:A-Za-z]+$/.test(s)))];
}

/** Removes the containers, then the images, that carry this run's label; returns how many of each. */
export async function removeLabelled(c: Cleanup): Promise<{ containers: number; images: number }> {
  const containers = await ids(c, ['ps', '-a', '-q', '--no-trunc']);
  if (containers.length > 0) await c.exec(c.docker, ['rm', '-f', '-v', ...containers], { timeoutMs: CLEANUP_TIMEOUT_MS });
  const images = await ids(c, ['images', '-q', '--no-trunc']);
  if (images.length > 0) {
    const r = await c.exec(c.docker, ['rmi', '-f', ...images], { timeoutMs: CLEANUP_TIMEOUT_MS });
    if (r.exitCode !== 0) c.logger.warning(`Could not remove every image of this run: ${r.stderr.trim().slice(0, 500)}`);
  }
  c.logger.info(`Removed ${containers.length} container(s) and ${images.length} image(s) labelled ${RUN_LABEL_KEY}=${c.label}`);
  return { containers: containers.length, images: images.length };
}

export interface PostDeps {
  env: Record<string, string | undefined>;
  state?: PostState;
  exec?: Exec;
  cache?: CacheService;
  log?: ActionLog;
}

export async function runPost(d: PostDeps = { env: process.env }): Promise<void> {
  const secrets = new SecretRegistry();
  secrets.addSecretEnv(d.env);
  const log = d.log ?? new ActionLog(secrets);
  const state = d.state ?? readPostState();
  await log.group('Save the Trivy DB cache', async () => {
    if (!state.trivy) return log.info('Trivy DB cache: Trivy did not run in this step; nothing to save');
    await saveTrivyDb(state.trivy, { logger: log, service: d.cache });
  });
  await log.group('Remove the containers and images this run built', async () => {
    if (!state.built || !state.label) return log.info('No image was built by this run; nothing to remove');
    try {
      await removeLabelled({ exec: d.exec ?? actionsExec, docker: d.env['MCG_DOCKER'] ?? 'docker', label: state.label, logger: log });
    } catch (e) {
      log.warning(`Could not remove what this run built: ${e instanceof Error ? e.message : String(e)}`);
    }
  });
}
