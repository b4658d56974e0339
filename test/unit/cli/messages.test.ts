/**
 * Messages a person can act on (issue #18, deliverable 6), through the CLI entry point: no stack
 * trace for a missing --root or --matrix @file, a directory given as --dockerfile said to be one,
 * the unknown key under rules.MCG003 named with its line, impossible dates refused with the line,
 * UTF-16 config read and UTF-32 refused by name, file contents never quoted, and no invisible or
 * control characters in any rule's metadata.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.js';
import { catalog } from '../../../src/rules/index.js';
import { makeRepo } from '../../support/repo.js';

async function mcg(cwd: string, args: string[]): Promise<{ code: number; err: string }> {
  let err = '';
  const code = await main(args, { stdout: () => undefined, stderr: (s) => void (err += s), env: {}, cwd, isTTY: false });
  return { code, err };
}

const repo = (files: Record<string, string> = {}): string => makeRepo({ Dockerfile: 'FROM node:22-slim\nUSER node\n', ...files });

describe('CLI messages for user errors', () => {
  it('a missing --root, --matrix @file or --baseline is a user error naming it, no stack trace', async () => {
    const root = repo();
    for (const [args, want] of [
      [['scan', '.', '--no-build', '--root', 'nope'], '--root "nope" does not exist'],
      [['merge', '.', '--matrix', '@nope.json'], '--matrix @"nope.json": the file does not exist'],
      [['scan', '.', '--no-build', '--baseline', 'nope.json'], '--baseline "nope.json" does not exist'],
    ] as const) {
      const r = await mcg(root, [...args]);
      expect(r.code).toBe(2);
      expect(r.err).toContain(want);
      expect(r.err).not.toMatch(/internal error|\n\s+at /);
    }
  });

  it('--dockerfile <a directory> says it is a directory', async () => {
    const root = repo();
    mkdirSync(join(root, 'svc'));
    const r = await mcg(root, ['scan', '.', '--no-build', '--dockerfile', 'svc']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/svc" is a directory: pass the Dockerfile inside it/);
  });

  it('names an unknown key under rules.MCG003 with its line, and refuses 2026-11-31 with the line', async () => {
    let r = await mcg(repo({ '.mcg.yml': 'rules:\n  MCG003:\n    bogus: 1\n' }), ['scan', '.', '--no-build']);
    expect(r.err).toContain('.mcg.yml:3: unknown key "bogus" in rules.MCG003');
    r = await mcg(repo({ '.mcg.yml': 'ignore:\n  - id: MCG003\n    path: Dockerfile\n    reason: pinned elsewhere\n    expires: 2026-11-31\n' }), ['scan', '.', '--no-build']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('.mcg.yml:5: ignore[0].expires "2026-11-31" is not a real date');
  });

  it('reads a UTF-16 .mcg.yml with a byte-order mark, refuses UTF-32 and unmarked UTF-16 by name', async () => {
    const text = 'severity-threshold: critical\n';
    const root = repo();
    writeFileSync(join(root, '.mcg.yml'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    let r = await mcg(root, ['scan', '.', '--no-build']);
    expect(r.code, r.err).not.toBe(2);
    writeFileSync(join(root, '.mcg.yml'), Buffer.from(text, 'utf16le'));
    r = await mcg(root, ['scan', '.', '--no-build']);
    expect(r.err).toContain('.mcg.yml:1: the file looks UTF-16 or UTF-32 encoded');
    const u32 = Buffer.alloc(4 + text.length * 4);
    u32.set([0xff, 0xfe, 0, 0]);
    for (let i = 0; i < text.length; i++) u32.writeUInt32LE(text.charCodeAt(i), 4 + i * 4);
    writeFileSync(join(root, '.mcg.yml'), u32);
    r = await mcg(root, ['scan', '.', '--no-build']);
    expect(r.err).toContain('.mcg.yml:1: the file is UTF-32 encoded: save it as UTF-8');
  });

  it('--baseline /etc/passwd-like content is never quoted', async () => {
    const root = repo({ 'secret.txt': 'root:x:0:0:hunter2-canary:/root:/bin/bash\n' });
    const r = await mcg(root, ['scan', '.', '--no-build', '--baseline', 'secret.txt']);
    expect(r.code).toBe(2);
    expect(r.err).not.toMatch(/hunter2|root:x/);
  });
});

describe('rule metadata and fix examples', () => {
  it('hold no control, escape or invisible characters (zero-width joiner, BOM, bidi marks)', () => {
    const bad = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/u;
    const strings = (v: unknown, at: string): [string, string][] =>
      typeof v === 'string' ? [[at, v]] : v && typeof v === 'object' ? Object.entries(v).flatMap(([k, x]) => strings(x, `${at}.${k}`)) : [];
    const found = catalog.flatMap((m) => strings(m, m.id)).filter(([, s]) => bad.test(s));
    expect(found).toEqual([]);
  });
});
