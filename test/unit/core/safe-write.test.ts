/** The one safe file writer (src/core/safe-write.ts, issue #18). */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendRunnerFile, safeWriteFile, WriteError } from '../../../src/core/safe-write.js';

function ws(): string {
  return mkdtempSync(join(tmpdir(), 'mcg-sw-'));
}

describe('safeWriteFile', () => {
  it('creates the directories and replaces an existing file, leaving no temp file', () => {
    const root = ws();
    expect(safeWriteFile({ root }, 'a/b/c.txt', 'one')).toBe(join(root, 'a', 'b', 'c.txt'));
    safeWriteFile({ root }, 'a/b/c.txt', Buffer.from('two'));
    safeWriteFile({ root }, join(root, 'a/b/c.txt'), (fd) => void writeFileSync(fd, 'three'));
    expect(readFileSync(join(root, 'a/b/c.txt'), 'utf8')).toBe('three');
    expect(readdirSync(join(root, 'a/b'))).toEqual(['c.txt']);
  });

  it('refuses a path outside the workspace unless allowed, naming it', () => {
    const root = ws();
    const other = ws();
    expect(() => safeWriteFile({ root, what: 'sarif-file' }, '../x.sarif', 'x')).toThrow(/sarif-file "\.\.\/x\.sarif" is outside the workspace/);
    expect(() => safeWriteFile({ root, what: 'sarif-file' }, join(other, 'x'), 'x')).toThrow(WriteError);
    safeWriteFile({ root, allowOutside: true }, join(other, 'new', 'x'), 'x');
    expect(readFileSync(join(other, 'new', 'x'), 'utf8')).toBe('x');
  });

  it('never follows a link below the workspace: final component, a directory, a dangling one', () => {
    const root = ws();
    const outside = ws();
    symlinkSync(join(outside, 'f'), join(root, 'dangling'));
    symlinkSync(outside, join(root, 'dir'));
    mkdirSync(join(root, 'real'));
    symlinkSync(join(root, 'real'), join(root, 'inner'));
    expect(() => safeWriteFile({ root }, 'dangling', 'x')).toThrow(/"dangling" is a symbolic link/);
    expect(() => safeWriteFile({ root }, 'dir/f', 'x')).toThrow(/is a symbolic link/);
    expect(() => safeWriteFile({ root }, 'inner/f', 'x')).toThrow(/is a symbolic link/);
    // even with allowOutside (the CLI): below the workspace a link is never followed
    expect(() => safeWriteFile({ root, allowOutside: true }, 'dir/f', 'x')).toThrow(/is a symbolic link/);
    expect(readdirSync(outside)).toEqual([]);
    expect(readdirSync(join(root, 'real'))).toEqual([]);
  });

  it('refuses directories, the workspace itself, NUL bytes and pseudo-filesystems at once', () => {
    const root = ws();
    mkdirSync(join(root, 'd'));
    expect(() => safeWriteFile({ root }, 'd', 'x')).toThrow(/exists and is a directory/);
    expect(() => safeWriteFile({ root }, '.', 'x')).toThrow(/workspace directory itself/);
    expect(() => safeWriteFile({ root }, 'a\0b', 'x')).toThrow(/not a usable file path/);
    expect(() => safeWriteFile({ root, allowOutside: true }, '/proc/nope/x', 'x')).toThrow(/\/proc is a system pseudo-filesystem/);
    expect(() => safeWriteFile({ root, allowOutside: true }, '/sys/x', 'x')).toThrow(/pseudo-filesystem/);
  });

  it('removes its temp file when the content writer throws', () => {
    const root = ws();
    expect(() =>
      safeWriteFile({ root }, 'out.json', () => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(readdirSync(root)).toEqual([]);
  });
});

describe('appendRunnerFile (the job summary, outside the workspace)', () => {
  const summary = (dir: string, text = ''): string => {
    const p = join(dir, 'step_summary_1');
    writeFileSync(p, text);
    return p;
  };

  it('appends to the file the environment names, and nothing else', () => {
    const runner = ws();
    const p = summary(runner, 'earlier step\n');
    expect(appendRunnerFile({ name: 'GITHUB_STEP_SUMMARY', env: { GITHUB_STEP_SUMMARY: p }, root: ws() }, 'ours\n')).toBe(p);
    expect(readFileSync(p, 'utf8')).toBe('earlier step\nours\n');
    expect(() => appendRunnerFile({ name: 'GITHUB_OUTPUT' as 'GITHUB_STEP_SUMMARY', env: { GITHUB_OUTPUT: p } }, 'x')).toThrow(/not a file the runner names/);
    expect(() => appendRunnerFile({ name: 'GITHUB_STEP_SUMMARY', env: {} }, 'x')).toThrow(/not an absolute file path/);
    expect(() => appendRunnerFile({ name: 'GITHUB_STEP_SUMMARY', env: { GITHUB_STEP_SUMMARY: 'relative/summary.md' } }, 'x')).toThrow(/not an absolute file path/);
    expect(() => appendRunnerFile({ name: 'GITHUB_STEP_SUMMARY', env: { GITHUB_STEP_SUMMARY: '/proc/self/fd/1' } }, 'x')).toThrow(/pseudo-filesystem/);
  });

  it('never follows a link: the file itself, or a directory below the workspace', () => {
    const runner = ws();
    const victim = summary(ws(), 'precious\n');
    symlinkSync(victim, join(runner, 'link'));
    expect(() => appendRunnerFile({ name: 'GITHUB_STEP_SUMMARY', env: { GITHUB_STEP_SUMMARY: join(runner, 'link') } }, 'x')).toThrow(/symbolic link/);
    const root = ws();
    mkdirSync(join(ws(), 'd'));
    symlinkSync(runner, join(root, 'd'));
    summary(runner);
    expect(() => appendRunnerFile({ name: 'GITHUB_STEP_SUMMARY', env: { GITHUB_STEP_SUMMARY: join(root, 'd', 'step_summary_1') }, root }, 'x')).toThrow(/"[^"]*d" is a symbolic link/);
    expect(readFileSync(victim, 'utf8')).toBe('precious\n');
    expect(readFileSync(join(runner, 'step_summary_1'), 'utf8')).toBe('');
    mkdirSync(join(runner, 'dir'));
    expect(() => appendRunnerFile({ name: 'GITHUB_STEP_SUMMARY', env: { GITHUB_STEP_SUMMARY: join(runner, 'dir') } }, 'x')).toThrow(WriteError);
  });

  it('never grows the file past the limit', () => {
    const p = summary(ws(), 'x'.repeat(90));
    const f = { name: 'GITHUB_STEP_SUMMARY' as const, env: { GITHUB_STEP_SUMMARY: p }, maxBytes: 100 };
    appendRunnerFile(f, 'y'.repeat(10));
    expect(() => appendRunnerFile(f, 'z')).toThrow(/past the runner's 100-byte limit/);
    expect(readFileSync(p, 'utf8')).toBe(`${'x'.repeat(90)}${'y'.repeat(10)}`);
  });
});
