/**
 * The action runs on `node24` (action.yml). The machine's node may be older, so the e2e tests run
 * the bundle under Node 24 from the npm package `node@24`, installed once into the test cache
 * (idempotent). A missing or wrong Node FAILS the test with the command that provides it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rigCacheDir } from './rig.js';

export const NODE_MAJOR = 24;

export function node24(): string {
  const explicit = process.env['MCG_NODE24'];
  if (explicit) return check(explicit);
  const dir = join(rigCacheDir(), 'node24');
  const bin = join(dir, 'node_modules', 'node', 'bin', 'node');
  if (!existsSync(bin)) {
    mkdirSync(dir, { recursive: true });
    if (!existsSync(join(dir, 'package.json'))) writeFileSync(join(dir, 'package.json'), '{"private":true}\n');
    try {
      execFileSync('npm', ['install', '--no-audit', '--no-fund', `node@${NODE_MAJOR}`], { cwd: dir, stdio: 'pipe', timeout: 300_000 });
    } catch (e) {
      throw new Error(`Node ${NODE_MAJOR} is needed for the action e2e tests and could not be installed: run \`npm install node@${NODE_MAJOR}\` in ${dir} (${(e as Error).message})`);
    }
  }
  return check(bin);
}

function check(bin: string): string {
  const v = execFileSync(bin, ['--version'], { encoding: 'utf8' }).trim();
  if (!v.startsWith(`v${NODE_MAJOR}.`)) throw new Error(`${bin} is ${v}, not Node ${NODE_MAJOR}`);
  return bin;
}
