import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { checkRunName, INPUT_DEFAULTS, InputError, readInputs, reportTarget, secretVerification } from '../../../src/action/inputs.js';

const actionYml = parse(readFileSync(new URL('../../../action.yml', import.meta.url), 'utf8')) as {
  runs: { using: string; main: string };
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, unknown>;
};

/** Reads inputs the way the runner does: the action.yml default unless the workflow set a value. */
function reader(set: Record<string, string> = {}): (name: string) => string {
  return (name) => {
    if (!(name in actionYml.inputs)) throw new Error(`reading an input action.yml does not declare: ${name}`);
    return set[name] ?? (actionYml.inputs[name]?.default === '${{ github.token }}' ? 'ghs_test' : (actionYml.inputs[name]?.default ?? ''));
  };
}

function inputError(set: Record<string, string>): InputError {
  try {
    readInputs(reader(set));
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('no error');
}

describe('action.yml', () => {
  it('runs dist/index.js on node24, and dist/post.js after the job whatever happened', () => {
    expect(actionYml.runs).toEqual({ using: 'node24', main: 'dist/index.js', post: 'dist/post.js', 'post-if': 'always()' });
  });

  it('declares exactly the inputs the code reads, with the same defaults', () => {
    expect(Object.keys(actionYml.inputs).sort()).toEqual(Object.keys(INPUT_DEFAULTS).sort());
    for (const [k, v] of Object.entries(INPUT_DEFAULTS)) expect(String(actionYml.inputs[k]?.default ?? ''), k).toBe(v);
  });

  it('declares the contract outputs', () => {
    expect(Object.keys(actionYml.outputs).sort()).toEqual(
      ['result', 'total', 'new', 'critical', 'high', 'medium', 'low', 'info', 'sarif-file', 'report-file', 'vex-file', 'sbom-cyclonedx-file', 'sbom-spdx-file', 'image-digest', 'image-size', 'comment-url', 'check-run-url', 'matrix', 'count', 'skipped'].sort(),
    );
  });
});

describe('readInputs', () => {
  it('reads the defaults into a typed record', () => {
    const i = readInputs(reader());
    expect(i).toMatchObject({
      githubToken: 'ghs_test',
      build: true,
      scanners: { trivy: true, trufflehog: true },
      severityThreshold: 'high',
      failOn: 'new',
      uploadSarif: 'auto',
      checkRun: true,
      annotations: true,
      comment: 'auto',
      summary: true,
      mode: 'full',
      artifactDir: 'mcg-results',
      verifySecrets: 'false',
      offline: false,
      timeoutMinutes: 20,
      dockerfiles: [],
    });
  });

  it('parses lists, build args and scanner choices', () => {
    const i = readInputs(reader({ dockerfile: 'a/Dockerfile, b/Dockerfile\n', 'build-args': 'A=1\n# c\nB=x=y\n', scanners: 'trivy', 'severity-threshold': 'MEDIUM', build: 'false' }));
    expect(i.dockerfiles).toEqual(['a/Dockerfile', 'b/Dockerfile']);
    expect(i.buildArgs).toEqual({ A: '1', B: 'x=y' });
    expect(i.scanners).toEqual({ trivy: true, trufflehog: false });
    expect(i.severityThreshold).toBe('medium');
    expect(i.build).toBe(false);
    expect(readInputs(reader({ scanners: 'none' })).scanners).toEqual({ trivy: false, trufflehog: false });
  });

  it.each([
    [{ 'fail-on': 'sometimes' }, 'fail-on', /new, any, never/],
    [{ 'severity-threshold': 'urgent' }, 'severity-threshold', /critical, high, medium, low, info/],
    [{ build: 'yes' }, 'build', /true or false/],
    [{ comment: 'sometimes' }, 'comment', /auto, always, never/],
    [{ mode: 'publish' }, 'mode', /full, scan, report/],
    [{ 'upload-sarif': 'maybe' }, 'upload-sarif', /auto, true, false/],
    [{ scanners: 'grype' }, 'scanners', /unknown scanner "grype"/],
    [{ 'trivy-version': 'latest' }, 'trivy-version', /refused/],
    [{ 'trufflehog-version': '3.x' }, 'trufflehog-version', /exact version/],
    [{ 'timeout-minutes': '0' }, 'timeout-minutes', /between 1 and 360/],
    [{ 'build-args': 'not a name=1' }, 'build-args', /NAME=value/],
    [{ image: 'a', 'image-tar': 'b.tar' }, 'image-tar', /not both/],
    [{ category: 'a b' }, 'category', /letters, digits/],
    [{ 'github-token': '' }, 'github-token', /github\.token/],
  ])('%j is refused naming %s and the fix', (set, input, fix) => {
    const e = inputError(set as Record<string, string>);
    expect(e.input).toBe(input);
    expect(e.message).toContain(`Input "${input}"`);
    expect(e.message).toMatch(fix);
  });

  it('accepts an empty token when nothing needs to write', () => {
    expect(() => readInputs(reader({ 'github-token': '', 'check-run': 'false', comment: 'auto', 'upload-sarif': 'auto' }))).not.toThrow();
    expect(() => readInputs(reader({ 'github-token': '', mode: 'scan' }))).not.toThrow();
  });
});

describe('names', () => {
  it('keeps the check name stable and distinct per Dockerfile', () => {
    expect(checkRunName({ dockerfiles: [] })).toBe('MCP Container Guard');
    expect(checkRunName({ dockerfiles: ['Dockerfile'] })).toBe('MCP Container Guard');
    expect(checkRunName({ dockerfiles: ['servers/a/Dockerfile'] })).toBe('MCP Container Guard (servers/a/Dockerfile)');
    expect(checkRunName({ dockerfiles: ['x'], checkName: 'Mine' })).toBe('Mine');
  });

  it('names the comment target', () => {
    expect(reportTarget({ dockerfiles: ['a/Dockerfile'] }, 'acme/x')).toBe('a/Dockerfile');
    expect(reportTarget({ dockerfiles: [], image: 'img:1' }, 'acme/x')).toBe('img:1');
    expect(reportTarget({ dockerfiles: [] }, 'acme/x')).toBe('acme/x');
  });
});

describe('secretVerification', () => {
  it.each([
    ['false', false, false, false],
    ['false', true, false, false],
    ['true', false, true, false],
    ['auto', false, true, false],
    ['true', true, false, true],
    ['auto', true, false, true],
  ] as const)('verify-secrets: %s, read-only %s → verify %s (notice %s)', (input, readOnly, verify, notice) => {
    const r = secretVerification(input, readOnly);
    expect(r.verify).toBe(verify);
    expect(r.notice !== undefined).toBe(notice);
  });

  it('is off unless asked for: the default input does not verify', () => {
    expect(INPUT_DEFAULTS['verify-secrets']).toBe('false');
    expect(secretVerification(INPUT_DEFAULTS['verify-secrets'] as 'false', false).verify).toBe(false);
  });
});

describe('SBOM and dependency-snapshot inputs', () => {
  it('default to cyclonedx and auto, and refuse what they do not know', () => {
    expect(readInputs(reader())).toMatchObject({ sbomFormat: 'cyclonedx', dependencySnapshot: 'auto' });
    expect(readInputs(reader({ 'sbom-format': 'both', 'dependency-snapshot': 'false' }))).toMatchObject({ sbomFormat: 'both', dependencySnapshot: 'false' });
    expect(() => readInputs(reader({ 'sbom-format': 'syft' }))).toThrow(/sbom-format/);
    expect(() => readInputs(reader({ 'dependency-snapshot': 'maybe' }))).toThrow(/dependency-snapshot/);
  });
});

describe('cache and Trivy DB inputs (issue #23)', () => {
  it('defaults: cache auto, no mirrors, no age limit', () => {
    const i = readInputs(reader());
    expect([i.cacheFrom, i.cacheTo, i.dbRepositories, i.javaDbRepositories, i.maxDbAge]).toEqual(['auto', 'auto', [], [], undefined]);
  });
  it('values as given, in order', () => {
    const i = readInputs(reader({ 'cache-from': 'type=gha,scope=a\ntype=local,src=/c', 'cache-to': 'none', 'db-repository': 'm1.example/db:2\nm2.example/db:2', 'max-db-age': '48' }));
    expect(i.cacheFrom).toEqual(['type=gha,scope=a', 'type=local,src=/c']);
    expect(i.cacheTo).toBe('off');
    expect(i.dbRepositories).toEqual(['m1.example/db:2', 'm2.example/db:2']);
    expect(i.maxDbAge).toBe(48);
  });
  it.each([
    ['cache-from', 'type=ftp', /Input "cache-from": type "ftp" is not one of .*type=NAME,key=value/],
    ['cache-to', 'type=gha,mode=all', /Input "cache-to": mode "all"/],
    ['db-repository', 'https://m.example/db', /Input "db-repository": "https:\/\/m.example\/db" is not an OCI repository/],
    ['max-db-age', 'soon', /Input "max-db-age": "soon" is not a number of hours/],
  ])('%s: %j is refused, naming the input', (name, value, why) => expect(inputError({ [name]: value }).message).toMatch(why));
});
