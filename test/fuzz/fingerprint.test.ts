/**
 * Fingerprints (DESIGN §3) survive line shifts and version bumps — checked on the real corpus:
 * blank and comment lines inserted before instructions, and FROM tags, digests and package pins
 * changed, leave the set of (rule, fingerprint) pairs unchanged.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { checkDockerfile } from '../../src/engine/engine.js';
import { assignFingerprints } from '../../src/core/fingerprint.js';
import { compareFindings } from '../../src/core/merge.js';
import { parseDockerfile } from '../../src/core/dockerfile/model.js';
import { dockerfileRules } from '../../src/rules/index.js';
import { corpusFiles, describeCorpus } from '../support/corpus.js';

const files = corpusFiles('dockerfiles') ?? [];
const texts = files.map((f) => readFileSync(f, 'utf8'));

/** The (rule, fingerprint) pairs of a Dockerfile, sorted, as merge would assign them. */
function fingerprints(text: string): string[] {
  const findings = checkDockerfile({ path: 'svc/Dockerfile', text, target: 'svc/Dockerfile' }, dockerfileRules).findings;
  findings.sort(compareFindings);
  assignFingerprints(findings);
  return findings.map((f) => `${f.ruleId} ${f.fingerprint}`).sort();
}

/** Inserts blank or comment lines before the given instructions (never inside one). */
function shiftLines(text: string, at: number[], what: string[]): string {
  const lines = text.split('\n');
  const starts = parseDockerfile('Dockerfile', text).instructions.map((i) => i.line - 1);
  if (starts.length === 0) return text;
  const chosen = at.map((a, k) => ({ line: starts[a % starts.length]!, text: what[k % what.length]! }));
  chosen.sort((a, b) => b.line - a.line);
  for (const c of chosen) lines.splice(c.line, 0, c.text);
  return lines.join('\n');
}

/** Changes every version number in FROM tags, digests and package pins (name==1.2.3, name@1.2.3, name=1.2-3, :tag). */
function bumpVersions(text: string, seed: number): string {
  const digit = (d: string): string => String((Number(d) + 1 + (seed % 7)) % 10);
  const bumpNumber = (v: string): string => v.replace(/\d/g, digit);
  const hex = '0123456789abcdef';
  return text
    .split('\n')
    .map((line) => {
      let l = line;
      // digests
      l = l.replace(/@sha256:([0-9a-f]{64})/g, (_m, h: string) => `@sha256:${[...h].map((c) => hex[(hex.indexOf(c) + 1 + seed) % 16]).join('')}`);
      // FROM <image>:<tag>: only the digits of the tag change (22-slim -> 33-slim keeps its variant)
      if (/^\s*FROM\s/i.test(l)) l = l.replace(/(FROM\s+(?:--\S+\s+)*[^\s:@$]+(?:\/[^\s:@$]+)*):([A-Za-z0-9._-]*\d[A-Za-z0-9._-]*)/i, (_m, img: string, tag: string) => `${img}:${bumpNumber(tag)}`);
      // package pins
      l = l.replace(/([A-Za-z0-9_.-]+)(==|>=|~=|@|=)(\d+(?:\.\d+)+(?:[-+~][0-9A-Za-z.]+)?)/g, (_m, name: string, op: string, v: string) => `${name}${op}${bumpNumber(v)}`);
      // COPY --from=<image>:<tag>
      l = l.replace(/(--from=[^\s:@$]+):([A-Za-z0-9._-]*\d[A-Za-z0-9._-]*)/g, (_m, img: string, tag: string) => `${img}:${bumpNumber(tag)}`);
      // versions in file names and URLs (tool-1.2.3.tar.gz)
      if (!/^\s*FROM\s/i.test(l)) l = l.replace(/-(\d+(?:\.\d+)+)\b/g, (_m, v: string) => `-${bumpNumber(v)}`);
      return l;
    })
    .join('\n');
}

describeCorpus('fingerprints on the real corpus', 'dockerfiles', () => {
  it('do not change when blank or comment lines are inserted between instructions', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: texts.length - 1 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 5 }),
        fc.array(fc.constantFrom('', '   ', '# a comment', '#', '# mcg: moved'), { minLength: 1, maxLength: 5 }),
        (i, at, what) => {
          const text = texts[i]!;
          expect(fingerprints(shiftLines(text, at, what))).toEqual(fingerprints(text));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('do not change when FROM tags, digests and package pins are bumped', () => {
    let changedSomething = 0;
    fc.assert(
      fc.property(fc.nat({ max: texts.length - 1 }), fc.nat({ max: 1000 }), (i, seed) => {
        const text = texts[i]!;
        const bumped = bumpVersions(text, seed);
        if (bumped !== text) changedSomething++;
        expect(fingerprints(bumped), files[i]).toEqual(fingerprints(text));
      }),
      { numRuns: 150 },
    );
    expect(changedSomething).toBeGreaterThan(50);
  });

  it('do not change when the pins of added install lines are bumped (the corpus has few pins on flagged lines)', () => {
    const pinned = fc.constantFrom(
      'RUN pip install requests==2.31.0 "httpx>=0.27.0"',
      'RUN apt-get update && apt-get install -y curl=7.88.1-10+deb12u5 ca-certificates=20230311',
      'RUN npm install -g @modelcontextprotocol/server-filesystem@2025.3.28',
      'RUN apk add --update python3=3.12.3-r1',
      'COPY --from=ghcr.io/astral-sh/uv:0.4.18 /uv /bin/uv',
      'ADD https://example.com/tool-1.2.3.tar.gz /opt/',
      'CMD ["npx", "-y", "mcp-server@1.4.2"]',
      'RUN curl -fsSL https://get.example.com/install-1.4.2.sh | sh',
    );
    fc.assert(
      fc.property(fc.nat({ max: texts.length - 1 }), fc.array(pinned, { minLength: 1, maxLength: 4 }), fc.nat({ max: 1000 }), (i, extra, seed) => {
        const text = `${texts[i]!.trimEnd()}\n${extra.join('\n')}\n`;
        const bumped = bumpVersions(text, seed);
        expect(bumped).not.toBe(text);
        expect(fingerprints(bumped), files[i]).toEqual(fingerprints(text));
      }),
      { numRuns: 100 },
    );
  });

  it('every corpus file, bumped once: same fingerprints', () => {
    for (let i = 0; i < texts.length; i++) expect(fingerprints(bumpVersions(texts[i]!, 3)), files[i]).toEqual(fingerprints(texts[i]!));
  });
});
