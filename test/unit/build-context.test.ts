/**
 * makeBuildContext().ignored() against the examples of Docker's documentation
 * ("Dockerignore file" in the build context manual): matching, negation order,
 * leading/trailing slashes, path cleaning, `**`.
 */
import { describe, expect, it } from 'vitest';
import { makeBuildContext } from '../../src/core/build-context.js';

const ctx = (dockerignore: string) => makeBuildContext('.', [], { path: '.dockerignore', text: dockerignore });

describe('build context: .dockerignore semantics as documented by Docker', () => {
  it('no .dockerignore ignores nothing', () => {
    const c = makeBuildContext('.', ['a', '.env']);
    expect(c.ignored('.env')).toBe(false);
    expect(c.dockerignore).toBeUndefined();
  });

  describe('# comment, */temp*, */*/temp*, temp?', () => {
    const c = ctx('# comment\n*/temp*\n*/*/temp*\ntemp?\n');
    it.each([
      ['somedir/temporary.txt', true], // */temp*: a plain file in an immediate subdirectory
      ['somedir/temp', true], // */temp*: a directory
      ['somedir/temp/inner.txt', true], // …and what it holds
      ['somedir/subdir/temporary.txt', true], // */*/temp*
      ['tempa', true], // temp?
      ['tempb', true],
      ['temp', false], // temp? needs exactly one more character
      ['tempab', false],
      ['temporary.txt', false], // */temp* does not reach the root
      ['a/b/c/temp', false], // three levels: no pattern
      ['# comment', false], // the comment line is no pattern
    ] as const)('%s → %s', (p, expected) => {
      expect(c.ignored(p)).toBe(expected);
    });
  });

  it('**/*.go matches at any depth, including the root', () => {
    const c = ctx('**/*.go\n');
    expect(c.ignored('main.go')).toBe(true);
    expect(c.ignored('cmd/server/main.go')).toBe(true);
    expect(c.ignored('main.gox')).toBe(false);
  });

  it('*.md with !README.md: markdown files right under the root are excluded except README.md; subdirectories are not', () => {
    const c = ctx('*.md\n!README.md\n');
    expect(c.ignored('CHANGELOG.md')).toBe(true);
    expect(c.ignored('README.md')).toBe(false);
    expect(c.ignored('docs/guide.md')).toBe(false);
  });

  it('*.md, !README*.md, README-secret.md: README files other than README-secret.md are included', () => {
    const c = ctx('*.md\n!README*.md\nREADME-secret.md\n');
    expect(c.ignored('README.md')).toBe(false);
    expect(c.ignored('README-dev.md')).toBe(false);
    expect(c.ignored('README-secret.md')).toBe(true);
    expect(c.ignored('notes.md')).toBe(true);
  });

  it('*.md, README-secret.md, !README*.md: the last matching line wins, all README files are included', () => {
    const c = ctx('*.md\nREADME-secret.md\n!README*.md\n');
    expect(c.ignored('README-secret.md')).toBe(false);
    expect(c.ignored('README.md')).toBe(false);
    expect(c.ignored('notes.md')).toBe(true);
  });

  it.each(['/foo/bar/', '/foo/bar', 'foo/bar/', 'foo/bar'])('leading and trailing slashes are disregarded: %s excludes foo/bar and nothing else', (pattern) => {
    const c = ctx(`${pattern}\n`);
    expect(c.ignored('foo/bar')).toBe(true);
    expect(c.ignored('foo/bar/baz.txt')).toBe(true);
    expect(c.ignored('bar')).toBe(false);
    expect(c.ignored('foo')).toBe(false);
    expect(c.ignored('x/foo/bar')).toBe(false);
  });

  it('patterns are cleaned (. and .. removed, whitespace trimmed); the pattern "." is ignored', () => {
    expect(ctx('./foo/../bar\n').ignored('bar')).toBe(true);
    expect(ctx('foo/./baz\n').ignored('foo/baz')).toBe(true);
    expect(ctx('   spaced   \n').ignored('spaced')).toBe(true);
    expect(ctx('.\n').ignored('anything')).toBe(false);
  });

  it('* with exceptions includes only what is listed', () => {
    const c = ctx('*\n!src\n!package.json\n');
    expect(c.ignored('src/index.ts')).toBe(false);
    expect(c.ignored('package.json')).toBe(false);
    expect(c.ignored('.env')).toBe(true);
    expect(c.ignored('.git')).toBe(true);
  });

  it('accepts ./ prefixes and trailing slashes on the queried path, and never ignores the root', () => {
    const c = ctx('.git\n');
    expect(c.ignored('./.git/')).toBe(true);
    expect(c.ignored('.git/HEAD')).toBe(true);
    expect(c.ignored('.')).toBe(false);
  });
});
