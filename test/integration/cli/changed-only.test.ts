/**
 * `mcg discover --changed-only` on the generated 20-server monorepo (issue #23 item 2), through
 * the real CLI bundle and real git: a change to one server selects that server alone, a change to
 * the shared lib selects exactly the servers that COPY it, a change to .mcg.yml selects all of
 * them; every skipped target carries its reason.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../support/cli-run.js';
import { LIB_USERS, monorepo, SERVERS } from '../../support/monorepo.js';

interface Out {
  include: { target: string; dockerfile: string; context: string }[];
  skipped?: { target: string; reason: string }[];
}

/** The root-context servers get --context . (what the reusable workflow's caller passes per group). */
async function discoverChanged(dir: string, base = 'main'): Promise<{ out: Out; stderr: string }> {
  const r = await runCli(['discover', '--changed-only', `--base=${base}`, '--dockerfiles', 'servers/*/Dockerfile', '--context', '.'], { cwd: dir, env: {}, timeoutMs: 60_000 });
  expect(r.code, r.stderr).toBe(0);
  return { out: JSON.parse(r.stdout) as Out, stderr: r.stderr };
}

const targetsOf = (names: readonly string[]): string[] => names.map((s) => `servers-${s}`);

describe('mcg discover --changed-only on a 20-server monorepo', () => {
  it('a PR touching one server selects exactly that one', async () => {
    const repo = monorepo();
    repo.change('one', { 'servers/s12/server.js': '// changed\n' });
    const { out, stderr } = await discoverChanged(repo.dir);
    expect(out.include.map((e) => e.target)).toEqual(['servers-s12']);
    expect(out.skipped).toHaveLength(19);
    expect(out.skipped!.every((s) => /^not rescanned: none of the 1 changed file\(s\) \(git diff main\.\.\.HEAD\)/.test(s.reason))).toBe(true);
    expect(stderr).toMatch(/1 Dockerfile found, 19 skipped/);
  });

  it('a file .dockerignore leaves out selects nothing', async () => {
    const repo = monorepo();
    repo.change('docs', { 'servers/s07/README.md': '# changed\n' });
    const { out } = await discoverChanged(repo.dir);
    expect(out.include).toEqual([]);
    expect(out.skipped).toHaveLength(20);
  });

  it('a PR touching the shared lib selects the servers that COPY it', async () => {
    const repo = monorepo();
    repo.change('lib', { 'lib/util.js': 'export const greet = () => "hi";\n' });
    const { out } = await discoverChanged(repo.dir);
    expect(out.include.map((e) => e.target)).toEqual(targetsOf(LIB_USERS));
    expect(out.skipped!.map((s) => s.target)).toEqual(targetsOf(SERVERS.filter((s) => !LIB_USERS.includes(s))));
  });

  it('a PR touching .mcg.yml selects all twenty', async () => {
    const repo = monorepo();
    repo.change('config', { '.mcg.yml': 'ignore: []\n# changed\n' });
    const { out, stderr } = await discoverChanged(repo.dir);
    expect(out.include.map((e) => e.target)).toEqual(targetsOf(SERVERS));
    expect(out.skipped).toEqual([]);
    expect(stderr).toMatch(/every target is scanned: the configuration "\.mcg\.yml" changed/);
  });

  it('a base git does not know scans everything and says why (fail closed)', async () => {
    const repo = monorepo();
    repo.change('one', { 'servers/s03/server.js': '// changed\n' });
    const { out, stderr } = await discoverChanged(repo.dir, 'no-such-branch');
    expect(out.include).toHaveLength(20);
    expect(stderr).toMatch(/every target is scanned: git diff "no-such-branch\.\.\.HEAD" gave no file list/);
  });

  it('an option-like base is refused before git sees it', async () => {
    const repo = monorepo();
    const { out, stderr } = await discoverChanged(repo.dir, '--output=/tmp/x');
    expect(out.include).toHaveLength(20);
    expect(stderr).toMatch(/is not a plain git ref/);
  });

  it('a hostile file name reaches neither a shell nor a raw line', async () => {
    const repo = monorepo();
    const evil = 'servers/s05/$(touch pwned)\n::error::x.js';
    repo.change('evil', { [evil]: 'x\n' });
    const { out, stderr } = await discoverChanged(repo.dir);
    expect(out.include.map((e) => e.target)).toEqual(['servers-s05']);
    expect(stderr.split('\n').some((l) => l.startsWith('::error::'))).toBe(false);
    expect(existsSync(join(repo.dir, 'pwned'))).toBe(false);
  });
});
