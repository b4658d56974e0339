/** Discovery and the workflow matrix (`mcg discover`), on a generated monorepo of 20 MCP servers. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discover, isDockerfileName, matrixOf, MAX_MATRIX_JOBS, parseMatrix, splitList, targetSlugs, UsageError } from '../../../src/core/discover.js';
import { makeRepo, staticScan } from '../../support/repo.js';
import { main } from '../../../src/cli/main.js';

const ARTIFACT_NAME_SAFE = /^[a-z0-9._-]{1,64}$/;

/** 20 servers in the layouts real monorepos use, plus files discovery must leave out. */
function monorepo(): string {
  const files: Record<string, string> = {};
  for (let i = 1; i <= 14; i++) files[`servers/server-${String(i).padStart(2, '0')}/Dockerfile`] = 'FROM node:22-slim\nUSER node\n';
  files['servers/Weather API/Dockerfile'] = 'FROM python:3.12-slim\n'; // space and capitals
  files['servers/weather-api/Dockerfile'] = 'FROM python:3.12-slim\n'; // collides with the one above once slugged
  files['tools/github/Containerfile'] = 'FROM alpine:3.20\n';
  files['tools/github/Dockerfile.dev'] = 'FROM node:22\n';
  files['images/gateway.Dockerfile'] = 'FROM nginx:1.27\n';
  files['Dockerfile'] = 'FROM node:22-slim\n';
  // not Dockerfiles, or not to be scanned
  files['servers/server-01/Dockerfile.md'] = '# notes\n';
  files['servers/server-01/.dockerignore'] = 'node_modules\n';
  files['node_modules/pkg/Dockerfile'] = 'FROM node\n';
  files['vendor/thing/Dockerfile'] = 'FROM node\n';
  files['.mcg.yml'] = 'exclude: ["vendor/**"]\n';
  return makeRepo(files);
}

async function cli(args: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { stdout: (s) => (out += s), stderr: (s) => (err += s), env: {}, cwd, isTTY: false });
  return { code, out, err };
}

describe('mcg discover on a monorepo of 20 servers', () => {
  it('prints a one-line matrix for fromJSON: 20 entries, path order, unique artifact-safe targets, contexts', async () => {
    const root = monorepo();
    const r = await cli(['discover'], root);
    expect(r.code, r.err).toBe(0);
    expect(r.out.endsWith('\n')).toBe(true);
    expect(r.out.trim().split('\n')).toHaveLength(1);
    const m = JSON.parse(r.out) as { include: { target: string; dockerfile: string; context: string }[] };
    expect(Object.keys(m)).toEqual(['include']);
    expect(m.include).toHaveLength(20);
    const paths = m.include.map((e) => e.dockerfile);
    expect(paths).toEqual([...paths].sort());
    expect(paths).not.toContain('vendor/thing/Dockerfile'); // .mcg.yml exclude
    expect(paths).not.toContain('node_modules/pkg/Dockerfile');
    expect(paths).not.toContain('servers/server-01/Dockerfile.md');
    const targets = m.include.map((e) => e.target);
    expect(new Set(targets).size).toBe(20);
    for (const t of targets) expect(t).toMatch(ARTIFACT_NAME_SAFE);
    expect(m.include).toContainEqual({ target: 'root', dockerfile: 'Dockerfile', context: '.' });
    expect(m.include).toContainEqual({ target: 'servers-server-07', dockerfile: 'servers/server-07/Dockerfile', context: 'servers/server-07' });
    expect(m.include).toContainEqual({ target: 'tools-github-dockerfile.dev', dockerfile: 'tools/github/Dockerfile.dev', context: 'tools/github' });
    expect(m.include).toContainEqual({ target: 'images-gateway.dockerfile', dockerfile: 'images/gateway.Dockerfile', context: 'images' });
    const weather = m.include.filter((e) => e.dockerfile.includes('eather')).map((e) => e.target);
    expect(weather).toEqual(['servers-weather-api', 'servers-weather-api-2']);
    expect(r.err).toContain('20 Dockerfiles found');
  });

  it('is stable: the same tree gives byte-identical output', async () => {
    const a = await cli(['discover'], monorepo());
    const b = await cli(['discover'], monorepo());
    expect(a.out).toBe(b.out);
  });

  it('--dockerfiles globs select the files (repeatable and comma/newline-separated)', async () => {
    const root = monorepo();
    const r = await cli(['discover', '--dockerfiles', 'servers/server-0*/Dockerfile', '--dockerfiles', 'tools/**/Containerfile,\nimages/*.Dockerfile'], root);
    expect(r.code, r.err).toBe(0);
    const m = JSON.parse(r.out) as { include: { dockerfile: string }[] };
    expect(m.include.map((e) => e.dockerfile)).toEqual([
      'images/gateway.Dockerfile',
      ...Array.from({ length: 9 }, (_, i) => `servers/server-0${i + 1}/Dockerfile`),
      'tools/github/Containerfile',
    ]);
  });

  it('a glob that matches nothing is a usage error (exit 2), not an empty pass', async () => {
    const r = await cli(['discover', '--dockerfiles', 'services/*/Dockerfile'], monorepo());
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/no file below "\." matches the Dockerfile glob/);
  });

  it('--format table lists target, Dockerfile and context', async () => {
    const r = await cli(['discover', '--format', 'table', '--dockerfiles', 'tools/**'], monorepo());
    expect(r.out.split('\n')[0]).toMatch(/^target\s+dockerfile\s+context$/);
    expect(r.out).toMatch(/^tools-github\s+tools\/github\/Containerfile\s+tools\/github$/m);
  });

  it('an empty repository gives an empty matrix', async () => {
    const r = await cli(['discover'], makeRepo({ 'README.md': 'x\n' }));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({ include: [] });
  });
});

describe('discover() is the discovery scan uses', () => {
  it('scan checks exactly the Dockerfiles discover finds', async () => {
    const root = monorepo();
    const found = discover({ root, include: [], exclude: ['vendor/**'] }).dockerfiles.map((d) => d.dockerfile);
    const report = await staticScan(root);
    expect(report.targets.map((t) => t.dockerfile)).toEqual(found);
  });

  it('scan with dockerfileGlobs checks only the matching files', async () => {
    const report = await staticScan(monorepo(), { dockerfileGlobs: ['tools/**'] });
    expect(report.targets.map((t) => t.dockerfile)).toEqual(['tools/github/Containerfile', 'tools/github/Dockerfile.dev']);
  });

  it('explicit Dockerfiles skip discovery; a missing one is a usage error', () => {
    const root = monorepo();
    expect(discover({ root, dockerfiles: ['images/gateway.Dockerfile'] }).dockerfiles.map((d) => d.dockerfile)).toEqual(['images/gateway.Dockerfile']);
    expect(() => discover({ root, dockerfiles: ['nope/Dockerfile'] })).toThrow(UsageError);
  });

  it('a shared --context applies to every Dockerfile', () => {
    const root = monorepo();
    mkdirSync(join(root, 'ctx'));
    writeFileSync(join(root, 'ctx', 'x'), '');
    const m = matrixOf(discover({ root, dockerfileGlobs: ['tools/**'], context: 'ctx' }).dockerfiles);
    expect(m.include.map((e) => e.context)).toEqual(['ctx', 'ctx']);
  });
});

describe('targetSlugs', () => {
  it('keeps labels unique across case, punctuation and earlier suffixes', () => {
    expect(targetSlugs(['a-b/Dockerfile', 'a/b/Dockerfile', 'A/B/Dockerfile', 'a-b-2/Dockerfile'])).toEqual(['a-b', 'a-b-2', 'a-b-3', 'a-b-2-2']);
  });

  it('shortens long paths to 64 characters with a hash, still unique', () => {
    const long = `${'deep/'.repeat(30)}Dockerfile`;
    const [a, b] = targetSlugs([long, long.replace('deep/Dockerfile', 'deeq/Dockerfile')]);
    expect(a!.length).toBeLessThanOrEqual(64);
    expect(a).toMatch(ARTIFACT_NAME_SAFE);
    expect(a).not.toBe(b);
  });

  it('never yields an empty or dot-led label', () => {
    expect(targetSlugs(['Dockerfile', '.hidden/Dockerfile', '···/Dockerfile'])).toEqual(['root', 'hidden', 'root-2']);
  });
});

describe('matrix limits and parsing', () => {
  it(`refuses more than ${MAX_MATRIX_JOBS} Dockerfiles (GitHub's matrix limit) with advice`, () => {
    const many = Array.from({ length: MAX_MATRIX_JOBS + 1 }, (_, i) => ({ name: `s${i}/Dockerfile`, dockerfile: `s${i}/Dockerfile`, context: `s${i}` }));
    expect(() => matrixOf(many)).toThrow(/at most 256 jobs/);
    expect(matrixOf(many.slice(0, MAX_MATRIX_JOBS)).include).toHaveLength(MAX_MATRIX_JOBS);
  });

  it('parseMatrix reads discover output back and refuses unsafe entries', () => {
    const m = matrixOf([{ name: 'a/Dockerfile', dockerfile: 'a/Dockerfile', context: 'a' }]);
    expect(parseMatrix(JSON.stringify(m))).toEqual(m.include);
    for (const bad of [
      '{"include":[{"target":"../x","dockerfile":"a/Dockerfile","context":"a"}]}',
      '{"include":[{"target":"a","dockerfile":"../../etc/passwd","context":"a"}]}',
      '{"include":[{"target":"a","dockerfile":"/abs/Dockerfile","context":"a"}]}',
      '{"include":"x"}',
      'not json',
    ]) {
      expect(() => parseMatrix(bad), bad).toThrow(UsageError);
    }
  });

  it('splitList takes repeated values, commas, newlines and skips comments', () => {
    expect(splitList(['a, b', 'c\n# note\n\n d'])).toEqual(['a', 'b', 'c', 'd']);
  });
});

describe("discovery finds every name Docker and Podman build", () => {
  const built = ['Dockerfile', 'dockerfile', 'Containerfile', 'containerfile', 'api.Dockerfile', 'api.dockerfile', 'Dockerfile.prod', 'Containerfile.dev'];
  const notBuilt = ['Dockerfile.md', 'Dockerfile.bak', '.dockerignore', 'Dockerfile.dockerignore', 'DOCKERFILE', 'dockerfile.txt', 'mydockerfile'];

  it.each(built)('%s is a Dockerfile', (name) => expect(isDockerfileName(name)).toBe(true));
  it.each(notBuilt)('%s is not', (name) => expect(isDockerfileName(name)).toBe(false));

  it('mcg discover and a scan list each of them once', async () => {
    const files: Record<string, string> = {};
    built.forEach((name, i) => (files[`s${i}/${name}`] = 'FROM node:22-slim\nUSER node\n'));
    notBuilt.forEach((name, i) => (files[`n${i}/${name}`] = 'not a dockerfile\n'));
    const root = makeRepo(files);
    const want = built.map((name, i) => `s${i}/${name}`).sort();
    expect(discover({ root }).dockerfiles.map((d) => d.dockerfile)).toEqual(want);
    const r = await cli(['discover'], root);
    expect(r.code).toBe(0);
    const matrix = JSON.parse(r.out) as { include: Array<{ dockerfile: string }> };
    expect(matrix.include.map((m) => m.dockerfile).sort()).toEqual(want);
  });
});

describe('excluded directories are not read', () => {
  it('a directory under an `x/**` exclude is never listed; `x/*` and `**/*.ext` leave deeper files in', async () => {
    const { newListings } = await import('../../../src/core/files.js');
    const root = makeRepo({
      'Dockerfile': 'FROM alpine:3.20\n',
      'vendor/a/b/Dockerfile': 'FROM node\n',
      'one/x/Dockerfile': 'FROM node\n',
      'one/x/deep/Dockerfile': 'FROM node\n',
      'gen/Dockerfile': 'FROM node\n',
    });
    const listings = newListings();
    const found = discover({ root, path: root, exclude: ['vendor/**', 'one/*', '**/*.yaml'], listings });
    expect(found.dockerfiles.map((d) => d.dockerfile)).toEqual(['Dockerfile', 'gen/Dockerfile', 'one/x/Dockerfile', 'one/x/deep/Dockerfile']);
    const read = [...listings.dirs.keys()].map((d) => d.slice(root.length + 1));
    expect(read).not.toContain('vendor');
    expect(read).toEqual(expect.arrayContaining(['one', 'one/x', 'one/x/deep', 'gen']));
  });
});

describe('nothing is left out silently', () => {
  it('the file limit is reported where it stopped the walk', async () => {
    const root = makeRepo({ 'a/Dockerfile': 'FROM node\n', 'b/Dockerfile': 'FROM node\n', 'c/Dockerfile': 'FROM node\n' });
    const found = discover({ root, path: root, walkLimit: 2 });
    expect(found.dockerfiles).toHaveLength(2);
    expect(found.unread).toHaveLength(1);
    expect(found.unread[0]!.message).toMatch(/stopped after 2 files.*not checked/);
    expect(discover({ root, path: root }).unread).toEqual([]);
  });
  it('an unreadable directory is reported, the rest still walked', async () => {
    const { walk } = await import('../../../src/core/files.js');
    const root = makeRepo({ 'ok/Dockerfile': 'FROM node\n' });
    const unread: { path: string; message: string }[] = [];
    // a directory that vanishes between its listing and its reading stands for one that cannot be read
    const files = [...walk(root, { unread, skipDir: () => false })];
    expect(files.some((f) => f.endsWith('ok/Dockerfile'))).toBe(true);
    expect(unread).toEqual([]);
    const gone = [...walk(join(root, 'missing'), { unread })];
    expect(gone).toEqual([]);
    expect(unread[0]).toMatchObject({ path: join(root, 'missing'), message: expect.stringMatching(/could not be read \(ENOENT\)/) });
  });
});
