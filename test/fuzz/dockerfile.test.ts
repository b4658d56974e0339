/**
 * Fuzzing the Dockerfile engine: generated and mutated Dockerfiles (the real corpus with lines
 * deleted, duplicated, swapped, random bytes inserted, truncated) never crash checkDockerfile or
 * scan(), and every finding points at a line that exists in the file. Bounded: each property
 * runs a fixed number of cases well inside a few seconds.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { checkDockerfile } from '../../src/engine/engine.js';
import { dockerfileRules } from '../../src/rules/index.js';
import { scan } from '../../src/engine/scan.js';
import type { Finding, Logger } from '../../src/core/types.js';
import { corpusFiles, needCorpus } from '../support/corpus.js';
import { lineCount, mutate, mutation } from './mutate.js';

const files = corpusFiles('dockerfiles') ?? [];
const texts = files.map((f) => readFileSync(f, 'utf8'));

function expectOnExistingLines(findings: readonly Finding[], text: string, path: string): void {
  const n = lineCount(text);
  for (const f of findings) {
    expect(f.location.path, f.ruleId).toBe(path);
    expect(Number.isInteger(f.location.startLine), `${f.ruleId} line ${f.location.startLine}`).toBe(true);
    expect(f.location.startLine, `${f.ruleId}: ${f.message}`).toBeGreaterThanOrEqual(1);
    expect(f.location.startLine, `${f.ruleId}: ${f.message}`).toBeLessThanOrEqual(n);
    if (f.location.endLine !== undefined) {
      expect(f.location.endLine).toBeGreaterThanOrEqual(f.location.startLine);
      expect(f.location.endLine, `${f.ruleId} endLine`).toBeLessThanOrEqual(n);
    }
    expect(typeof f.message).toBe('string');
    expect(f.message.length).toBeGreaterThan(0);
  }
}

// Dockerfile-shaped text: instructions, flags, continuations, heredocs, JSON forms, variables, junk.
const word = fc.oneof(
  fc.constantFrom('node:22', 'python:3.12-slim', 'scratch', 'alpine', 'build', '$BASE', '${X:-y}', 'apt-get', 'install', '-y', 'curl', '|', 'sh', '&&', 'npm', 'ci', 'pip', '.', '/app', 'root', '0', '80', 'PASSWORD=x', 'TOKEN', '--from=build', '--mount=type=secret,id=x', '--chown=1:1', '<<EOF', '<<-"END"', 'AS', '["a","b"]', '[', '"', "'", '\\', '#'),
  fc.string({ maxLength: 8 }),
);
const instruction = fc
  .tuple(
    fc.constantFrom('FROM', 'RUN', 'CMD', 'ENTRYPOINT', 'COPY', 'ADD', 'ARG', 'ENV', 'USER', 'EXPOSE', 'HEALTHCHECK', 'WORKDIR', 'LABEL', 'SHELL', 'ONBUILD', 'VOLUME', 'STOPSIGNAL', 'from', 'BOGUS', '#', ''),
    fc.array(word, { maxLength: 6 }),
    fc.constantFrom('', ' \\', '\nEOF', '\nEND', '\r'),
  )
  .map(([k, ws, tail]) => `${k} ${ws.join(' ')}${tail}`);
const dockerfile = fc.array(instruction, { maxLength: 14 }).map((ls) => ls.join('\n'));

describe('Dockerfile engine under fuzzing', () => {
  it('generated Dockerfiles: no crash, findings on existing lines', () => {
    fc.assert(
      fc.property(dockerfile, (text) => {
        const res = checkDockerfile({ path: 'Dockerfile', text, target: 'Dockerfile' }, dockerfileRules);
        expectOnExistingLines(res.findings, text, 'Dockerfile');
      }),
      { numRuns: 400 },
    );
  });

  it('arbitrary strings (full Unicode, control characters): no crash, findings on existing lines', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        const res = checkDockerfile({ path: 'Dockerfile', text, target: 'Dockerfile' }, dockerfileRules);
        expectOnExistingLines(res.findings, text, 'Dockerfile');
      }),
      { numRuns: 300 },
    );
  });

  it('mutated real corpus Dockerfiles: no crash, findings on existing lines', (ctx) => {
    needCorpus(ctx, 'dockerfiles');
    fc.assert(
      fc.property(fc.nat({ max: Math.max(0, texts.length - 1) }), fc.array(mutation, { minLength: 1, maxLength: 6 }), (i, ms) => {
        const text = mutate(texts[i]!, ms);
        const res = checkDockerfile({ path: 'svc/Dockerfile', text, target: 'svc/Dockerfile' }, dockerfileRules);
        expectOnExistingLines(res.findings, text, 'svc/Dockerfile');
      }),
      { numRuns: 300 },
    );
  });

  describe('through scan()', () => {
    const root = mkdtempSync(join(tmpdir(), 'mcg-fuzz-scan-'));
    afterAll(() => rmSync(root, { recursive: true, force: true }));
    const quiet: Logger = { debug: () => {}, info: () => {}, warning: () => {}, error: () => {} };

    it('mutated corpus files written to disk (bytes, not just strings): scan never throws', async (ctx) => {
      needCorpus(ctx, 'dockerfiles');
      await fc.assert(
        fc.asyncProperty(fc.nat({ max: Math.max(0, texts.length - 1) }), fc.array(mutation, { minLength: 1, maxLength: 4 }), fc.uint8Array({ maxLength: 8 }), async (i, ms, bytes) => {
          const dir = mkdtempSync(join(root, 'case-'));
          mkdirSync(join(dir, 'svc'));
          const text = mutate(texts[i]!, ms);
          const buf = Buffer.concat([Buffer.from(text, 'utf8'), Buffer.from(bytes)]);
          writeFileSync(join(dir, 'svc', 'Dockerfile'), buf);
          const report = await scan({ root: dir, build: false, scanners: { trivy: false, trufflehog: false }, failOn: 'never' }, { logger: quiet, exec: () => Promise.reject(new Error('no exec in static scans')) });
          const decoded = new TextDecoder('utf-8').decode(buf).replace(/^\uFEFF/, '');
          for (const f of report.findings) {
            expect(f.location.path).toBe('svc/Dockerfile');
            expect(f.location.startLine).toBeGreaterThanOrEqual(1);
            expect(f.location.startLine, `${f.ruleId}: ${f.message}`).toBeLessThanOrEqual(lineCount(decoded));
            expect(f.fingerprint).toMatch(/^[0-9a-f]{32}(:\d+)?$/);
          }
          rmSync(dir, { recursive: true, force: true });
        }),
        { numRuns: 60 },
      );
    });
  });
});
