/**
 * Runs the BuildKit oracle (test/tools/buildkit-oracle, built by scripts/rig/oracles.sh; its path is
 * MCG_ORACLE_BUILDKIT from the rig's rig.env) once over many files. Missing oracle: undefined, and
 * under CI=true (or MCG_REQUIRE_CORPUS=1) an error, so that CI fails rather than skips.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { rigValue } from '../support/rig.js';

export interface OracleNode {
  keyword: string;
  original: string;
  startLine: number;
  endLine: number;
  flags: string[];
  args: string[];
  json: boolean;
  heredocs: { name: string; fd: number; expand: boolean; chomp: boolean; content: string }[];
  sub?: OracleNode;
}

export interface OracleResult {
  path: string;
  readError?: string;
  escape: string;
  directives: { name: string; value: string; line: number }[];
  parseError?: { message: string; startLine: number; endLine: number };
  warnings: { message: string; startLine: number }[];
  nodes: OracleNode[];
  /** Each instruction BuildKit's ParseInstruction refuses, on its own. */
  nodeErrors: { message: string; startLine: number; endLine: number }[];
  /** Where instructions.Parse refuses the file (the first refused instruction, or one before any FROM). */
  instructionError?: { message: string; startLine: number; endLine: number };
}

export function oraclePath(): string | undefined {
  let p = process.env['MCG_ORACLE_BUILDKIT'];
  if (!p) {
    try {
      p = rigValue('MCG_ORACLE_BUILDKIT');
    } catch {
      p = undefined;
    }
  }
  if (p && existsSync(p)) return p;
  const msg = `BuildKit oracle not found (MCG_ORACLE_BUILDKIT=${p ?? ''}): source the rig's rig.env; the BuildKit differential test DID NOT RUN`;
  if (process.env['CI'] === 'true' || process.env['MCG_REQUIRE_CORPUS'] === '1') throw new Error(msg);
  console.warn(`\n!!! ${msg} !!!\n`);
  return undefined;
}

export function runOracle(oracle: string, paths: readonly string[]): OracleResult[] {
  const out = execFileSync(oracle, ['-'], { input: paths.join('\n'), maxBuffer: 1 << 30, encoding: 'utf8', stdio: ['pipe', 'pipe', 'ignore'] });
  return out
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as OracleResult);
}
