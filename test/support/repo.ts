/** Temporary repositories for engine tests: files written under a fresh directory with a .git marker. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { scan, type ScanDeps, type ScanOptions } from '../../src/engine/scan.js';
import type { Exec, Logger, Report } from '../../src/core/types.js';
import { cliExtensions } from '../../src/cli/extensions.js';

export function makeRepo(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'mcg-repo-'));
  mkdirSync(join(dir, '.git'));
  for (const [p, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, p)), { recursive: true });
    writeFileSync(join(dir, p), content);
  }
  return dir;
}

export const silentLogger: Logger = { debug() {}, info() {}, warning() {}, error() {} };

/** A static scan starts no process: a unit test that reached for one would fail here (test/tiers.ts). */
export const noProcess: Exec = (file, args) => Promise.reject(new Error(`a static scan started a process: ${file} ${args.join(' ')}`));

/** A static scan (no build) with the same engine parts the CLI wires in, and no process runner. */
export function staticScan(root: string, over: Partial<ScanOptions> = {}, deps: Partial<ScanDeps> = {}): Promise<Report> {
  return scan(
    { root, build: false, scanners: { trivy: false, trufflehog: false }, now: new Date('2026-11-23T12:00:00Z'), ...over },
    { logger: silentLogger, exec: noProcess, ...cliExtensions(), ...deps },
  );
}
