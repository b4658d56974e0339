/**
 * The kubectl oracle (test/tools/kubectl-oracle, built by scripts/rig/oracles.sh, named in rig.env
 * as MCG_ORACLE_KUBECTL): k8s.io/apimachinery's YAMLOrJSONDecoder, as `kubectl apply -f` reads a
 * file. Absent: the caller reports it; under CI=true or MCG_REQUIRE_CORPUS=1 a missing oracle fails.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rigValue } from './rig.js';

export interface OracleResult {
  docs: unknown[];
  error?: string;
}

/** The oracle's path, or undefined (with the reason) when it is not built; throws under CI. */
export function kubectlOracle(): string | undefined {
  let p: string | undefined;
  try {
    p = rigValue('MCG_ORACLE_KUBECTL');
  } catch {
    p = undefined;
  }
  if (p && existsSync(p)) return p;
  const msg = `the kubectl oracle is not built (MCG_ORACLE_KUBECTL${p ? ` = ${p} is missing` : ' not set'}): run \`bash scripts/rig/oracles.sh\``;
  if (process.env['CI'] === 'true' || process.env['MCG_REQUIRE_CORPUS'] === '1') throw new Error(msg);
  console.warn(`\n!!! ${msg}; the kubectl differential tests DID NOT RUN !!!\n`);
  return undefined;
}

/** Reads many texts with the oracle in one process (files in a temporary directory). */
export function readWithKubectl(oracle: string, texts: readonly string[]): OracleResult[] {
  const dir = mkdtempSync(join(tmpdir(), 'mcg-kubectl-'));
  try {
    const paths = texts.map((t, i) => {
      const p = join(dir, `${i}.yaml`);
      writeFileSync(p, t);
      return p;
    });
    const out = execFileSync(oracle, [], { input: paths.join('\n') + '\n', maxBuffer: 1 << 30, encoding: 'utf8' });
    const lines = out.split('\n').filter((l) => l !== '');
    if (lines.length !== texts.length) throw new Error(`kubectl oracle answered ${lines.length} lines for ${texts.length} files`);
    return lines.map((l) => {
      const r = JSON.parse(l) as { docs: unknown[]; error?: string };
      return r.error !== undefined ? { docs: r.docs, error: r.error } : { docs: r.docs };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
