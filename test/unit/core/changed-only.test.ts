/**
 * core/changed-only.ts: which targets a change set reaches, as a table. Each row is a change set
 * over one small monorepo (two servers with their own directory as context, two building from
 * the root with a shared lib, one root Dockerfile), and the targets it must select.
 */
import { describe, expect, it } from 'vitest';
import { makeBuildContext } from '../../../src/core/build-context.js';
import { contextSources, parseSkipped, selectChanged, shownPath, sourceCovers, type ChangeTarget } from '../../../src/core/changed-only.js';
import { parseDockerfile } from '../../../src/core/dockerfile/model.js';

function target(name: string, dockerfile: string, context: string, opts: { ignore?: string; sources?: string[] } = {}): ChangeTarget {
  const ctx = makeBuildContext(context, [], opts.ignore ? { path: '.dockerignore', text: opts.ignore } : undefined);
  return { target: name, dockerfile, context, ignored: (p) => ctx.ignored(p), copySources: opts.sources };
}

const TARGETS: ChangeTarget[] = [
  target('a', 'servers/a/Dockerfile', 'servers/a', { ignore: '*.md\ntests/\n' }),
  target('b', 'servers/b/Dockerfile', 'servers/b'),
  // root context, copies its own directory and the shared lib
  target('c', 'servers/c/Dockerfile', '.', { sources: ['servers/c/', 'lib/'] }),
  // root context, copies only its own directory
  target('d', 'servers/d/Dockerfile', '.', { sources: ['./servers/d'] }),
  // root context, what it copies is not known
  target('e', 'servers/e/Dockerfile', '.'),
];

const CASES: { name: string; files: string[]; selected: string[]; texts?: Record<string, string> }[] = [
  { name: 'nothing changed', files: [], selected: [] },
  { name: "one server's source", files: ['servers/a/server.py'], selected: ['a', 'e'] },
  { name: "a server's Dockerfile", files: ['servers/b/Dockerfile'], selected: ['b', 'e'] },
  { name: 'a file its .dockerignore leaves out', files: ['servers/a/README.md', 'servers/a/tests/t.py'], selected: ['e'] },
  { name: 'its .dockerignore itself', files: ['servers/a/.dockerignore'], selected: ['a', 'e'] },
  { name: 'a Dockerfile-specific .dockerignore', files: ['servers/b/Dockerfile.dockerignore'], selected: ['b', 'e'] },
  { name: 'the shared lib', files: ['lib/util.js'], selected: ['c', 'e'] },
  { name: 'a root file nobody copies by name', files: ['docs/x.md'], selected: ['e'] },
  { name: "another root-context server's file", files: ['servers/d/index.js'], selected: ['d', 'e'] },
  { name: 'a compose file naming a server', files: ['deploy/compose.yaml'], texts: { 'deploy/compose.yaml': 'services:\n  b:\n    build: ../servers/b\n' }, selected: ['b', 'e'] },
  { name: 'a deleted manifest beside a Dockerfile', files: ['servers/b/k8s.yaml'], selected: ['b', 'e'] },
  { name: 'a manifest naming nothing', files: ['deploy/other.yaml'], texts: { 'deploy/other.yaml': 'kind: ConfigMap\n' }, selected: ['e'] },
  { name: 'the configuration', files: ['servers/a/x', '.mcg.yml'], selected: ['a', 'b', 'c', 'd', 'e'] },
];

describe('selectChanged', () => {
  it.each(CASES)('$name', ({ files, selected, texts }) => {
    const sel = selectChanged(TARGETS, { ok: true, files, source: 'test' }, { configPaths: ['.mcg.yml'], manifestTexts: new Map(Object.entries(texts ?? {})) });
    expect(sel.selected.map((s) => s.target)).toEqual(selected);
    expect(sel.skipped.map((s) => s.target).sort()).toEqual(TARGETS.map((t) => t.target).filter((t) => !selected.includes(t)));
    for (const d of [...sel.selected, ...sel.skipped]) expect(d.reason.length).toBeGreaterThan(10);
  });

  it('an unknown file list selects everything, saying why', () => {
    const sel = selectChanged(TARGETS, { ok: false, reason: 'the list is cut' }, { configPaths: ['.mcg.yml'] });
    expect(sel.skipped).toEqual([]);
    expect(sel.selected).toHaveLength(TARGETS.length);
    expect(sel.all).toContain('the list is cut');
  });

  it('a hostile file name is quoted in the reason (no newline, no workflow command at a line start)', () => {
    const evil = 'servers/a/x\n::error::pwned`$(id)`.py';
    const sel = selectChanged(TARGETS, { ok: true, files: [evil], source: 'test' }, { configPaths: ['.mcg.yml'] });
    const a = sel.selected.find((s) => s.target === 'a')!;
    expect(a.reason).not.toContain('\n');
    expect(a.reason).toContain(shownPath(evil));
  });
});

describe('sourceCovers', () => {
  it.each([
    ['.', 'anything/at/all', true],
    ['/', 'x', true],
    ['lib', 'lib/a.js', true],
    ['lib/', 'lib/a.js', true],
    ['./lib', 'library/a.js', false],
    ['*.json', 'package.json', true],
    ['src/*', 'src/deep/file.ts', true],
    ['pkg*', 'lib/pkg.json', false],
  ] as const)('%s covers %s: %s', (src, rel, want) => expect(sourceCovers(src, rel)).toBe(want));
});

describe('contextSources', () => {
  it('COPY/ADD from the context, bind mounts; not --from, not remote sources', () => {
    const df = [
      'FROM node:22 AS build',
      'COPY package.json ./',
      'COPY --from=other /x /y',
      'ADD https://example.test/a.tgz /tmp/',
      'RUN --mount=type=bind,source=lib,target=/lib true',
      'FROM node:22',
      'COPY --from=build /app /app',
      'COPY servers/s1/ /app/',
    ].join('\n');
    expect(contextSources(parseDockerfile('Dockerfile', df))).toEqual(['package.json', 'lib', 'servers/s1/']);
  });
  it('a source that needs a build argument is not known', () => {
    expect(contextSources(parseDockerfile('Dockerfile', 'FROM a\nARG DIR\nCOPY ${DIR} /x\n'))).toBeUndefined();
  });
});

describe('parseSkipped', () => {
  it('reads the well-formed entries of an untrusted matrix', () => {
    const text = JSON.stringify({ include: [], skipped: [{ target: 'a', dockerfile: 'servers/a/Dockerfile', reason: 'not rescanned: x' }, { target: 'BAD target', dockerfile: 'x', reason: 'y' }, 'junk'] });
    expect(parseSkipped(text)).toEqual([{ target: 'a', dockerfile: 'servers/a/Dockerfile', reason: 'not rescanned: x' }]);
    expect(parseSkipped('not json')).toEqual([]);
    expect(parseSkipped('{"include":[]}')).toEqual([]);
  });
});
