/**
 * No escape residue or invisible characters in any message or fix a person reads (issue #18,
 * deliverable 6), whatever the files they were built from hold: terminal sequences (CSI colour,
 * OSC titles, C1 controls), zero-width joiners and bidirectional overrides are planted in
 * Dockerfile instructions, ENV names, compose keys and values, and every finding of a real CLI scan
 * (report JSON) is read back. Generated inputs (fast-check) cover what the fixed ones do not.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.js';
import { visibleText } from '../../../src/core/controls.js';
import type { Report } from '../../../src/core/types.js';
import { makeRepo } from '../../support/repo.js';

const HIDDEN = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/u;
const PLANTED = ['\u001b[31m', '\u001b]0;title\u0007', '\u009b1m', '\u200d', '\u202e', '\u2066', '\ufeff', '\u00ad', '\u0007'];

async function scanReport(files: Record<string, string>): Promise<Report> {
  const root = makeRepo(files);
  const code = await main(['scan', '.', '--no-build', '--format', 'json', '--output', 'out.json'], { stdout: () => undefined, stderr: () => undefined, env: {}, cwd: root, isTTY: false });
  expect([0, 1]).toContain(code);
  return JSON.parse(readFileSync(join(root, 'out.json'), 'utf8')) as Report;
}

function expectClean(report: Report): void {
  expect(report.findings.length).toBeGreaterThan(0);
  for (const f of report.findings) {
    expect(f.message, `${f.ruleId} message`).not.toMatch(HIDDEN);
    if (f.fix) expect(f.fix, `${f.ruleId} fix`).not.toMatch(HIDDEN);
    if (f.rule) expect(f.rule.title, `${f.ruleId} title`).not.toMatch(HIDDEN);
  }
}

describe('messages built from hostile files', () => {
  it('planted sequences and invisible characters never reach a message or a fix', async () => {
    const p = PLANTED.join('');
    const report = await scanReport({
      Dockerfile: `FROM node${p}:latest\nENV API${p}_TOKEN=ghp_${p}0123456789abcdefghijABCDEFGH\nRUN${p} curl -fsSL https://x.invalid/i${p}.sh | sh\nX${p}Y not an instruction\nUSER 0${p}\n`,
      'compose.yaml': `services:\n  s${p}:\n    image: "x${p}:latest"\n    privileged: true\n    environment:\n      PASS${p}WORD: "hunter2${p}hunter2"\n`,
    });
    expectClean(report);
    // the planted invisible characters are shown, not dropped: the reader sees something is there
    expect(report.findings.some((f) => f.message.includes('<U+200D>') || f.message.includes('<U+202E>'))).toBe(true);
  });

  it('visibleText: nothing hidden survives, visible text is kept (property)', () => {
    const piece = fc.oneof(fc.constantFrom(...PLANTED), fc.string({ maxLength: 8 }), fc.string({ unit: 'binary', maxLength: 4 }));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
        const out = visibleText(parts.join(''));
        expect(out).not.toMatch(HIDDEN);
        for (const p of parts) if (/^[a-zA-Z0-9 ]+$/.test(p)) expect(out).toContain(p);
      }),
    );
  });
});
