// MCG991 (unreadable input) and the bad-input contract of issue 2: a clear message with file:line,
// no crash, the other files still scanned.
import { describe, expect, it } from 'vitest';
import { makeRepo, staticScan } from '../../support/repo.js';

const GOOD = 'FROM python:3.12-slim\nCMD ["python", "x.py"]\n';

async function errorsFor(name: string, content: string | Buffer) {
  const root = makeRepo({ [name]: content, 'ok/Dockerfile': GOOD });
  const r = await staticScan(root);
  // the good file is always still checked
  expect(r.findings.some((f) => f.location.path === 'ok/Dockerfile' && f.ruleId === 'MCG001')).toBe(true);
  return r.findings.filter((f) => f.ruleId === 'MCG991' && f.location.path === name);
}

describe('MCG991 unreadable-input', () => {
  it.each([
    ['an empty file', '', 1, 'empty'],
    ['a comment-only file', '# nothing here\n', 1, 'empty'],
    ['a binary file', Buffer.from([0x46, 0x52, 0x4f, 0x4d, 0x0a, 0x00, 0x01, 0x02]), 2, 'binary'],
    ['invalid UTF-8', Buffer.concat([Buffer.from('FROM python:3.12-slim\nRUN echo '), Buffer.from([0xff, 0xfe]), Buffer.from('\n')]), 2, 'not valid UTF-8'],
    // BuildKit decodes no UTF-16: it reads the bytes as UTF-8 (so the mark is two invalid bytes)
    ['a UTF-16 Dockerfile with its byte-order mark', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('FROM python:3.12-slim\nUSER app\n', 'utf16le')]), 1, 'BuildKit does not decode'],
    ['a UTF-16 byte-order mark without UTF-16 text', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('FROM python:3.12-slim\nUSER app\n')]), 1, 'unknown instruction'],
    // BuildKit takes one UTF-8 mark off the first line: a second one is part of the instruction
    ['two UTF-8 byte-order marks', Buffer.from('\ufeff\ufeffFROM python:3.12-slim\nUSER app\n'), 1, 'unknown instruction'],
    ['an unknown instruction', 'FROM python:3.12-slim\nRUNN pip install x\n', 2, 'unknown instruction "RUNN"'],
    ['an unterminated heredoc', 'FROM python:3.12-slim\nRUN <<EOF\npip install x\n', 2, 'never terminated'],
    ['no FROM', 'RUN echo hi\n', 1, 'FROM'],
    ['a USER BuildKit cannot expand', 'FROM python:3.12-slim\nUSER ${APP_USER:?set APP_USER}\n', 2, 'variable expansion in USER'],
    ['a COPY source BuildKit cannot expand', 'FROM python:3.12-slim\nCOPY ${SRC:?} /app\n', 2, 'variable expansion in COPY'],
    ['an ADD --chown BuildKit cannot expand', 'FROM python:3.12-slim\nUSER app\nADD --chown=${U:?} a /b\n', 3, 'variable expansion in ADD'],
    ['a 10 MB Dockerfile', `FROM python:3.12-slim\n${'RUN echo aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n'.repeat(180_000)}`, 1, 'over the 5 MiB limit'],
  ])('fires: %s', async (_n, content, line, msg) => {
    const errs = await errorsFor('bad/Dockerfile', content as string | Buffer);
    expect(errs.length).toBeGreaterThan(0);
    expect(errs[0]!.location.startLine).toBe(line);
    expect(errs[0]!.message).toContain(`bad/Dockerfile:${line}:`);
    expect(errs[0]!.message).toContain(msg as string);
  });

  it('fires for a missing build context and still runs the other checks', async () => {
    const root = makeRepo({ 'Dockerfile': GOOD });
    const r = await staticScan(root, { dockerfiles: ['Dockerfile'], context: 'no-such-dir' });
    expect(r.findings.find((f) => f.ruleId === 'MCG991')?.message).toContain('build context "no-such-dir" does not exist');
    expect(r.findings.some((f) => f.ruleId === 'MCG001')).toBe(true);
  });

  it.each([
    ['a normal Dockerfile', GOOD],
    ['a UTF-8 BOM', `\uFEFF${GOOD}`],
    ['CRLF line endings', GOOD.replace(/\n/g, '\r\n')],
    ['a parser directive and heredoc', '# syntax=docker/dockerfile:1\nFROM python:3.12-slim\nRUN <<EOF\necho hi\nEOF\n'],
    ['USER and COPY with variables BuildKit expands', 'FROM python:3.12-slim\nARG U=app\nUSER ${U:-x}\nCOPY ${SRC:-.} /app\n'],
  ])('passes: %s', async (_n, content) => {
    expect(await errorsFor('bad/Dockerfile', content)).toEqual([]);
  });

  it('keeps the findings of the readable part of a partly broken file', async () => {
    // BuildKit reads the file; only the value it cannot expand is not checked
    const root = makeRepo({ Dockerfile: 'FROM python:3.12\nARG X=${Y:?unset}\nENV API_TOKEN=abc123\n' });
    const r = await staticScan(root);
    const ids = new Set(r.findings.map((f) => f.ruleId));
    expect(ids.has('MCG991')).toBe(true);
    expect(ids.has('MCG009')).toBe(true);
    expect(ids.has('MCG002')).toBe(true);
  });

  it('reports only MCG991 for a file BuildKit refuses (an unknown instruction), and keeps the other files', async () => {
    const root = makeRepo({ 'bad/Dockerfile': 'FROM python:3.12\nUSERR app\nENV API_TOKEN=abc123\n', 'ok/Dockerfile': GOOD });
    const r = await staticScan(root);
    const bad = r.findings.filter((f) => f.location.path === 'bad/Dockerfile');
    expect(bad.map((f) => [f.ruleId, f.location.startLine])).toEqual([['MCG991', 2]]);
    expect(r.findings.some((f) => f.location.path === 'ok/Dockerfile' && f.ruleId === 'MCG001')).toBe(true);
  });
});
