/**
 * Bad input through the CLI's scan entry (issue #16, "Speed and bad input"): an empty, a binary, an
 * invalid-UTF-8, a NUL-holding and a 10 MB Dockerfile, next to one normal Dockerfile with a known
 * finding. Each bad file is checked, or is a failing MCG991 with file:line and the reason (and the
 * ledger says so); the normal file's finding is always still reported.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.js';
import type { Report } from '../../../src/core/types.js';

const BAD: Record<string, Buffer> = {
  'empty/Dockerfile': Buffer.alloc(0),
  'binary/Dockerfile': Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)),
  'invalid-utf8/Dockerfile': Buffer.concat([Buffer.from('FROM alpine:3.20\nRUN echo '), Buffer.from([0xff, 0xfe, 0xc3, 0x28]), Buffer.from('\nUSER 10001\n')]),
  'nul/Dockerfile': Buffer.from('FROM alpine:3.20\nRUN echo a\u0000b\nUSER 10001\n'),
  'huge/Dockerfile': Buffer.from('FROM alpine:3.20\n' + 'RUN echo 0123456789abcdef0123456789abcdef\n'.repeat(Math.ceil((10 * 1024 * 1024) / 41))),
};
const GOOD = 'FROM python:3.12-slim\nENV DB_PASSWORD=hunter2\nUSER 10001\nCMD ["python", "-m", "server"]\n';

let code = -1;
let report: Report;
let table = '';

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'mcg-bad-input-'));
  mkdirSync(join(dir, '.git'));
  for (const [p, body] of Object.entries({ ...BAD, 'good/Dockerfile': Buffer.from(GOOD) })) {
    mkdirSync(join(dir, p, '..'), { recursive: true });
    writeFileSync(join(dir, p), body);
  }
  const io = (sink: (s: string) => void) => ({ stdout: sink, stderr: () => undefined, env: {}, cwd: dir, isTTY: false });
  let json = '';
  code = await main(['scan', dir, '--no-build', '--format', 'json'], io((s) => void (json += s)));
  report = JSON.parse(json) as Report;
  await main(['scan', dir, '--no-build', '--no-color'], io((s) => void (table += s)));
}, 120_000);

describe('bad Dockerfiles never hide the other files', () => {
  it('the normal file is still checked and its finding reported; the run fails', () => {
    expect(report.findings.some((f) => f.ruleId === 'MCG009' && f.location.path === 'good/Dockerfile' && f.location.startLine === 2)).toBe(true);
    expect(report.coverage.find((c) => c.path === 'good/Dockerfile')?.status).toBe('checked');
    expect(code).toBe(1);
    expect(table).toMatch(/^Result: FAIL/m);
  });

  it.each(Object.keys(BAD))('%s is checked, or a failing MCG991 with file:line and the reason', (path) => {
    const entry = report.coverage.find((c) => c.path === path);
    expect(entry, `${path} is in the ledger`).toBeDefined();
    const notChecked = report.findings.filter((f) => f.ruleId === 'MCG991' && f.location.path === path);
    if (entry!.status === 'checked') {
      expect(notChecked).toEqual([]);
      return;
    }
    expect(['partial', 'not-checked']).toContain(entry!.status);
    expect(entry!.reason ?? '').not.toBe('');
    expect(notChecked.length, `${path}: MCG991 for a file ${entry!.status}`).toBeGreaterThan(0);
    for (const f of notChecked) {
      expect(f.failing).toBe(true);
      expect(f.location.startLine).toBeGreaterThanOrEqual(1);
      expect(f.message.length).toBeGreaterThan(10);
    }
    expect(table).toContain(`${entry!.status === 'partial' ? 'partly checked' : 'not checked'}  ${path} — `);
  });

  it('what the reader cannot read is said where it is', () => {
    const at = (path: string) => report.findings.find((f) => f.ruleId === 'MCG991' && f.location.path === path);
    // a NUL byte, when not read, is reported on its own line (Docker builds such a file: checking it is also right)
    const nul = at('nul/Dockerfile');
    if (nul) expect(nul.location.startLine).toBe(2);
    else expect(report.coverage.find((c) => c.path === 'nul/Dockerfile')?.status).toBe('checked');
    expect(at('binary/Dockerfile')?.location.startLine).toBe(1);
    expect(at('huge/Dockerfile')?.message).toMatch(/MiB/);
  });
});
