/**
 * The compose oracle (test/tools/compose-oracle: compose-go v2.16.2 loading files the way
 * `docker compose` does), run in batch over case directories. Path from MCG_ORACLE_COMPOSE (the
 * environment, else rig.env). Missing: under CI=true (or MCG_REQUIRE_CORPUS=1) the caller fails;
 * elsewhere it says loudly that the differential DID NOT RUN.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rigCacheDir } from './rig.js';
import { readFileSync } from 'node:fs';

export interface OracleService {
  image: string;
  user: string;
  userns_mode: string;
  group_add: string[];
  devices: { source: string; target: string; permissions: string }[];
  cpus: number;
  deploy_cpus: number;
  privileged: boolean;
  read_only: boolean;
  cap_add: string[];
  cap_drop: string[];
  security_opt: string[];
  network_mode: string;
  pid: string;
  ipc: string;
  volumes: { type: string; source: string; target: string; read_only: boolean }[];
  ports: { host_ip: string; published: string; target: number; protocol: string }[];
  environment: Record<string, string | null>;
  mem_limit: number;
  deploy_memory: number;
}

export interface OracleResult {
  file: string;
  error?: string;
  services?: Record<string, OracleService>;
  env?: Record<string, string>;
}

function fromRigEnv(): string | undefined {
  const p = join(rigCacheDir(), 'rig.env');
  if (!existsSync(p)) return undefined;
  const m = /^MCG_ORACLE_COMPOSE="?([^"\n]*)"?$/m.exec(readFileSync(p, 'utf8'));
  return m?.[1];
}

/** The oracle binary, or undefined (after a loud warning) when it is absent outside CI. */
export function composeOracle(): string | undefined {
  const bin = process.env['MCG_ORACLE_COMPOSE'] || fromRigEnv();
  if (bin && existsSync(bin)) return bin;
  const msg = `the compose oracle is missing (MCG_ORACLE_COMPOSE=${bin ?? 'unset'}): run \`bash scripts/rig/oracles.sh\`; the compose differential DID NOT RUN`;
  if (process.env['CI'] === 'true' || process.env['MCG_REQUIRE_CORPUS'] === '1') throw new Error(msg);
  console.warn(`\n!!! ${msg} !!!\n`);
  return undefined;
}

export interface ComposeCase {
  label: string;
  text: string;
  /** The project's `.env`, when it has one. */
  dotenv?: string;
}

/** Writes every case into a directory of its own and loads them all with one oracle run. */
export function runOracle(bin: string, cases: readonly ComposeCase[]): OracleResult[] {
  const base = mkdtempSync(join(tmpdir(), 'mcg-compose-diff-'));
  const files = cases.map((c, i) => {
    const dir = join(base, String(i));
    mkdirSync(dir);
    writeFileSync(join(dir, 'compose.yaml'), c.text);
    if (c.dotenv !== undefined) writeFileSync(join(dir, '.env'), c.dotenv);
    return join(dir, 'compose.yaml');
  });
  const out = execFileSync(bin, [], { input: files.join('\n') + '\n', maxBuffer: 512 * 1024 * 1024, encoding: 'utf8', stdio: ['pipe', 'pipe', 'ignore'] });
  const results = out.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as OracleResult);
  if (results.length !== cases.length) throw new Error(`the oracle answered ${results.length} of ${cases.length} files`);
  return results;
}
