/** BuildKit cache values and defaults (issue #23 item 1): the pure part, as a table. */
import { describe, expect, it } from 'vitest';
import { cacheArgs, cacheScope, csvFields, parseCacheSetting, parseCacheSpec, resolveBuildCache, type CacheEnvironment } from '../../../src/core/build-cache.js';
import { buildArgs, parseBuildxDriver } from '../../../src/scanners/docker.js';

describe('parseCacheSpec', () => {
  const ok: [string, string, Record<string, string>][] = [
    ['type=gha', 'gha', {}],
    ['type=gha,scope=mcg-x,mode=max', 'gha', { scope: 'mcg-x', mode: 'max' }],
    ['type=local,src=/tmp/c', 'local', { src: '/tmp/c' }],
    ['type=local,dest=/tmp/c,mode=max', 'local', { dest: '/tmp/c', mode: 'max' }],
    ['type=registry,ref=example.test/app:cache', 'registry', { ref: 'example.test/app:cache' }],
    ['type=inline', 'inline', {}],
    ['"type=s3","region=eu-west-1","name=a,b"', 's3', { region: 'eu-west-1', name: 'a,b' }],
  ];
  it.each(ok)('%s', (v, type, attrs) => expect(parseCacheSpec(v)).toEqual({ type, attrs }));
  const bad: [string, RegExp][] = [
    ['', /empty/],
    ['scope=x', /no type=/],
    ['type=ftp', /not one of/],
    ['type=gha,mode=all', /not min or max/],
    ['type=local', /needs src=/],
    ['type=registry', /needs ref=/],
    ['type=gha,scope', /not key=value/],
    ['type=gha,type=local', /given twice/],
    ['type=gha,scope="x', /quote/],
    ['type=gha\n--push', /control character/],
    ['type=gha,$(id)=1', /attribute name/],
  ];
  it.each(bad)('refuses %j', (v, why) => expect(() => parseCacheSpec(v)).toThrow(why));
});

describe('csvFields', () => {
  it('reads quoted fields as encoding/csv does', () => {
    expect(csvFields('a,"b,c","d""e"')).toEqual(['a', 'b,c', 'd"e']);
    expect(csvFields('a,')).toEqual(['a', '']);
  });
});

describe('parseCacheSetting', () => {
  it.each([
    ['', 'auto'],
    ['auto', 'auto'],
    ['none', 'off'],
    ['off', 'off'],
    ['type=gha\n# note\ntype=local,src=/c\n', ['type=gha', 'type=local,src=/c']],
  ])('%j', (text, want) => expect(parseCacheSetting(text)).toEqual(want));
  it('validates every line', () => expect(() => parseCacheSetting('type=gha\nbogus')).toThrow(/key=value/));
});

describe('resolveBuildCache', () => {
  const gh: CacheEnvironment = { dockerfile: 'servers/a/Dockerfile', buildx: true, driver: 'docker-container', actionsCache: true, readOnly: false, defaultBranch: true };
  const auto = { from: 'auto', to: 'auto' } as const;
  const rows: [string, Parameters<typeof resolveBuildCache>[0], Partial<CacheEnvironment>, string[], string[], RegExp | undefined][] = [
    ['default branch: gha, mode=max', auto, {}, ['type=gha,scope=mcg-servers-a-dockerfile'], ['type=gha,scope=mcg-servers-a-dockerfile,mode=max'], /from type=gha/],
    ['other branch / same-repo PR: mode=min', auto, { defaultBranch: false }, ['type=gha,scope=mcg-servers-a-dockerfile'], ['type=gha,scope=mcg-servers-a-dockerfile,mode=min'], undefined],
    ['build target in the scope', auto, { buildTarget: 'Runtime' }, ['type=gha,scope=mcg-servers-a-dockerfile-runtime'], ['type=gha,scope=mcg-servers-a-dockerfile-runtime,mode=max'], undefined],
    ['fork PR: off', auto, { readOnly: true }, [], [], /fork/],
    ['not on GitHub: off', auto, { actionsCache: false }, [], [], undefined],
    ['plain docker driver: no export, no default import', auto, { driver: 'docker' }, [], [], /cannot export a cache/],
    ['plain docker driver keeps an explicit import and inline export', { from: ['type=registry,ref=r/a:c'], to: ['type=inline', 'type=local,dest=/c'] }, { driver: 'docker' }, ['type=registry,ref=r/a:c'], ['type=inline'], /cannot export/],
    ['no buildx: nothing', { from: ['type=local,src=/c'], to: 'off' }, { buildx: false }, [], [], /buildx is not available/],
    ['explicit values off GitHub', { from: ['type=local,src=/c'], to: ['type=local,dest=/c,mode=max'] }, { actionsCache: false }, ['type=local,src=/c'], ['type=local,dest=/c,mode=max'], undefined],
    ['off both ways', { from: 'off', to: 'off' }, {}, [], [], undefined],
  ];
  it.each(rows)('%s', (_n, req, env, from, to, note) => {
    const r = resolveBuildCache(req, { ...gh, ...env });
    expect(r.from).toEqual(from);
    expect(r.to).toEqual(to);
    if (note) expect(r.notes.join('\n')).toMatch(note);
  });
  it('scope is stable and plain', () => expect(cacheScope('./Dockerfile')).toBe('mcg-dockerfile'));
});

describe('buildx argv', () => {
  it('one word per value, after --load, before the context; never on the classic builder', () => {
    const words = cacheArgs({ from: ['type=local,src=/c d'], to: ['type=local,dest=/c d,mode=max'] });
    const bx = buildArgs({ context: '/ctx', dockerfile: '/ctx/Dockerfile', tag: 't', buildx: true, cacheArgs: words });
    expect(bx).toEqual(['buildx', 'build', '--load', '-f', '/ctx/Dockerfile', '--cache-from', 'type=local,src=/c d', '--cache-to', 'type=local,dest=/c d,mode=max', '-t', 't', '/ctx']);
    expect(buildArgs({ context: '/ctx', dockerfile: '/ctx/Dockerfile', tag: 't', cacheArgs: words })).not.toContain('--cache-from');
  });
  it('reads the driver from buildx inspect', () => {
    expect(parseBuildxDriver('Name:          default\nDriver:        docker\n')).toBe('docker');
    expect(parseBuildxDriver('Name: b\nDriver: docker-container\n')).toBe('docker-container');
    expect(parseBuildxDriver('nothing')).toBeUndefined();
  });
});

describe('redactCacheValue', () => {
  it('credentials in attributes never reach the log', () => {
    const r = resolveBuildCache({ from: ['type=s3,region=eu-west-1,bucket=b,access_key_id=AKIAEXAMPLE,secret_access_key=s3cr3t'], to: ['type=gha,token=ghs_x'] }, { dockerfile: 'Dockerfile', buildx: true, actionsCache: false, readOnly: false, defaultBranch: false });
    const log = r.notes.join('\n');
    expect(log).toContain('type=s3,region=eu-west-1,bucket=b,access_key_id=***,secret_access_key=***');
    expect(log).toContain('type=gha,token=***');
    expect(log).not.toMatch(/AKIAEXAMPLE|s3cr3t|ghs_x/);
    expect(r.from[0]).toContain('secret_access_key=s3cr3t');
  });
});
