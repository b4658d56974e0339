/**
 * Runs the real engine with the real image pipeline against the test rig (Docker, Trivy with the
 * fixture DB, TruffleHog). Tool paths come from the rig; a missing tool FAILS the test.
 */
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scan, type ScanOptions } from '../../src/engine/scan.js';
import { createPipeline } from '../../src/engine/setup.js';
import { spawnExec } from '../../src/scanners/exec.js';
import type { Logger, Report } from '../../src/core/types.js';
import { DEFAULT_PROBE } from '../../src/core/probe/options.js';
import { mcpChecker } from '../../src/engine/mcp-engine.js';
import { rigEnv, rigValue } from './rig.js';

export const repoRoot = join(import.meta.dirname, '..', '..');

/** A private copy of the fixture Trivy cache (bbolt locks the DB: parallel scans must not share it). */
export function privateTrivyCache(): string {
  const src = rigValue('MCG_TRIVY_CACHE_DIR');
  const dst = mkdtempSync(join(tmpdir(), 'mcg-trivy-cache-'));
  cpSync(join(src, 'db'), join(dst, 'db'), { recursive: true });
  return dst;
}

export interface RigScan {
  report: Report;
  logs: string[];
}

/**
 * The runtime probe is off unless the test passes `probe` (test/e2e/probe/ is where it is tested;
 * vitest.config.ts). The MCP checks run as in the CLI, so server.json and client configs beside a
 * built image are checked with that image's labels (MCG523, MCG524).
 */
export async function rigScan(path: string, extra: Partial<ScanOptions> = {}, prepareTrivyCache?: (dir: string) => void): Promise<RigScan> {
  // fail loudly when the rig is not installed
  for (const k of ['MCG_TRIVY', 'MCG_TRUFFLEHOG', 'MCG_TRIVY_CACHE_DIR', 'DOCKER_HOST']) rigValue(k);
  const cacheDir = privateTrivyCache();
  prepareTrivyCache?.(cacheDir);
  const env = { ...rigEnv(), MCG_TRIVY_CACHE_DIR: cacheDir };
  const logs: string[] = [];
  const logger: Logger = {
    debug: (m) => logs.push(`debug: ${m}`),
    info: (m) => logs.push(`info: ${m}`),
    warning: (m) => logs.push(`warning: ${m}`),
    error: (m) => logs.push(`error: ${m}`),
  };
  const report = await scan(
    { root: repoRoot, path, build: true, scanners: { trivy: true, trufflehog: true }, offline: true, timeoutMs: 15 * 60_000, probe: { ...DEFAULT_PROBE, mode: 'false' }, ...extra },
    { logger, exec: spawnExec, mcp: mcpChecker, imagePipeline: createPipeline({ exec: spawnExec, logger, env }) },
  );
  return { report, logs };
}
