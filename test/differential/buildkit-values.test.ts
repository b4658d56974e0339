/**
 * The values half of the BuildKit differential test: per stage, the name and the base after
 * expansion (or BuildKit's error expanding it), the global ARGs, what each ARG and ENV of a stage
 * assigns after expansion, the user of each USER, the sources and destination of each COPY/ADD
 * after expansion, and how each CMD/ENTRYPOINT runs (shell or JSON form, its arguments), from our model against test/tools/buildkit-oracle (BuildKit's own
 * instruction parser and shell lexer). On the real corpus (skipped loudly when ../shared is absent),
 * every Dockerfile in the repository, and fast-check files built around ARG/ENV/FROM expansion.
 *
 * Not compared, on purpose (the allow-list, each with its reason):
 * - files BuildKit's parser or instruction parser rejects: the reader half of the test owns those;
 * - the ARG/ENV/USER/COPY/ADD values of a stage built FROM another stage: the oracle starts every
 *   stage with an empty environment, while BuildKit's converter (and our model) gives it its
 *   parent's ENV (its CMD/ENTRYPOINT, which nothing expands, are compared);
 * - a value over MAX_EXPANDED: we stop and report MCG991 where BuildKit would go on building it;
 * - the case of a stage name: BuildKit lower-cases it, we keep it as written for messages (every
 *   lookup of a stage name is case-insensitive), so names are compared lower-cased.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDockerfile, type DockerfileModel } from '../../src/core/dockerfile/model.js';
import { corpusFiles } from '../support/corpus.js';
import { copyValues, startupForm, userValue } from '../../src/core/dockerfile/values.js';
import { stageVariables, type Assignments } from '../../src/core/dockerfile/stages.js';
import { oraclePath } from './buildkit-oracle.js';

interface OracleValue {
  keyword: string;
  line: number;
  values: string[];
  form?: string;
  error?: string;
}
interface OracleStage {
  name: string;
  base: string;
  baseError?: string;
  line: number;
  values: OracleValue[];
}
interface OracleResult {
  path: string;
  parseError?: unknown;
  instructionError?: unknown;
  globalArgs: OracleValue[];
  stages: OracleStage[];
}

const ROOT = join(import.meta.dirname, '..', '..');

const oracle = oraclePath();
const work = mkdtempSync(join(tmpdir(), 'mcg-bk-values-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The oracle's reading of each text, in one process. */
function readAll(texts: string[]): OracleResult[] {
  const paths = texts.map((t, i) => {
    const p = join(work, `f${i}`);
    writeFileSync(p, t);
    return p;
  });
  const r = spawnSync(oracle!, ['-'], { input: paths.join('\n'), encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`buildkit-oracle failed: ${r.stderr}`);
  return r.stdout.trim().split('\n').map((l) => JSON.parse(l) as OracleResult);
}

const show = (name: string, v: string | undefined): string => (v === undefined ? name : `${name}=${v}`);

const STARTUP = new Set(['CMD', 'ENTRYPOINT']);
const COMPARED = new Set(['ARG', 'ENV', 'USER', 'COPY', 'ADD', ...STARTUP]);

/** Our reading in the oracle's shape. */
function ours(m: DockerfileModel, o: OracleResult): unknown {
  const issueAt = (line: number): boolean => m.issues.some((i) => i.line === line && /expan/.test(i.message));
  const globalArgs = m.globalInstructions
    .filter((i) => i.keyword === 'ARG')
    .map((i) => ({ line: i.line, error: issueAt(i.line) }));
  const stages = m.stages.map((s, k) => {
    const os = o.stages[k];
    const assigned: Assignments = new Map();
    stageVariables(m, s, [], assigned);
    const values = s.instructions
      .filter((i) => COMPARED.has(i.keyword) && (s.parent === undefined || STARTUP.has(i.keyword)))
      .map((i) => {
        if (STARTUP.has(i.keyword)) {
          const f = startupForm(i);
          return { line: i.line, values: f.args, form: f.form };
        }
        if (i.keyword === 'USER' || i.keyword === 'COPY' || i.keyword === 'ADD') {
          const v = i.keyword === 'USER' ? userValue(m, s, i) : copyValues(m, s, i);
          if (!v.ok) return { line: i.line, error: true };
          return { line: i.line, values: typeof v.value === 'string' ? [v.value] : [...v.value.sources, v.value.dest] };
        }
        if (issueAt(i.line)) return { line: i.line, error: true };
        const a = assigned.get(i) ?? [];
        return { line: i.line, values: a.map(([n, v]) => show(n, v)) };
      });
    return { name: (s.name ?? '').toLowerCase(), base: issueAt(s.from.line) ? { error: true } : s.base, line: s.from.line, values, _skip: os === undefined };
  });
  return { globalArgs, stages };
}

/** The oracle's reading with the same things left out. */
function theirs(m: DockerfileModel, o: OracleResult): unknown {
  const globalArgs = o.globalArgs.map((v) => ({ line: v.line, error: v.error !== undefined }));
  const stages = o.stages.map((s, k) => {
    const values = s.values
      .filter((v) => COMPARED.has(v.keyword.toUpperCase()) && (m.stages[k]?.parent === undefined || STARTUP.has(v.keyword.toUpperCase())))
      .map((v) => (v.error !== undefined ? { line: v.line, error: true } : { line: v.line, values: v.values, ...(v.form ? { form: v.form } : {}) }));
    return { name: s.name, base: s.baseError !== undefined ? { error: true } : s.base, line: s.line, values, _skip: false };
  });
  return { globalArgs, stages };
}

/** The differences between our model and the oracle for each text, as readable labels ([] when none). */
function differences(texts: string[], labels: string[]): string[] {
  const results = readAll(texts);
  const out: string[] = [];
  results.forEach((o, i) => {
    if (o.parseError || o.instructionError) return;
    const m = parseDockerfile('Dockerfile', texts[i]!);
    if (m.issues.some((x) => /longer than/.test(x.message))) return;
    const a = JSON.stringify(ours(m, o));
    const b = JSON.stringify(theirs(m, o));
    if (a !== b) out.push(`${labels[i]}:\n  ours:   ${a}\n  BuildKit: ${b}\n  text: ${JSON.stringify(texts[i]).slice(0, 600)}`);
  });
  return out;
}

function repositoryDockerfiles(): { label: string; text: string }[] {
  const out: { label: string; text: string }[] = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.name === 'node_modules' || e.name.startsWith('.') || e.name === 'dist') continue;
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/(^|\.)(Dockerfile|Containerfile)(\.|$)|\.dockerfile$/i.test(e.name) && !/\.(ts|tsv|snapshot|md)$/.test(e.name)) out.push({ label: p.slice(ROOT.length + 1), text: readFileSync(p, 'utf8') });
    }
  };
  walk(ROOT);
  return out;
}

const corpus = corpusFiles('dockerfiles');
const RUNS = Number(process.env['MCG_DIFF_RUNS'] ?? 2000);

/** Files built around expansion: global and stage ARGs, ENV in both forms, FROM lines, every operator, quotes and escapes. */
const name = fc.constantFrom('A', 'B', 'TAG', 'REG', 'x_1');
const text = fc.constantFrom('', 'v', '1.2', 'a b', 'img', 'abcabc', '/usr/bin', 'x:y', 'p@q');
const op = fc.constantFrom('', ':-', '-', ':+', '+', ':?', '?', '#', '##', '%', '%%', '/', '//');
const pat = fc.constantFrom('', 'a', 'b*', '*c', '?', 'a*c', '\\*', '/');
const ref = fc.oneof(
  name.map((n) => `$${n}`),
  fc.tuple(name, op, text, pat).map(([n, o, t, p]) => (o === '' ? `\${${n}}` : o.startsWith('/') ? `\${${n}${o}${p}/${t.replace(/ /g, '')}}` : `\${${n}${o}${o.includes('#') || o.includes('%') ? p : t.replace(/ /g, '')}}`)),
);
const piece = fc.oneof(text.map((t) => t.replace(/ /g, '')), ref, ref.map((r) => `"${r} x"`), ref.map((r) => `'${r}'`), ref.map((r) => `\\${r}`));
const value = fc.array(piece, { minLength: 1, maxLength: 3 }).map((p) => p.join(''));
const argLine = fc.array(fc.tuple(name, fc.option(value, { nil: undefined })), { minLength: 1, maxLength: 3 }).map((ps) => `ARG ${ps.map(([n, v]) => (v === undefined ? n : `${n}=${v}`)).join(' ')}`);
const envLine = fc.oneof(
  fc.array(fc.tuple(name, value), { minLength: 1, maxLength: 3 }).map((ps) => `ENV ${ps.map(([n, v]) => `${n}=${v}`).join(' ')}`),
  fc.tuple(name, value).map(([n, v]) => `ENV ${n} ${v}`),
);
const fromLine = fc.tuple(fc.constantFrom('alpine', '${REG}/ubuntu', 'node:$TAG', '$A', 'img${B:-:1}', 'img${TAG:+:$TAG}', 'x${A#a}'), fc.option(fc.constantFrom('s1', 'S2', 'base'), { nil: undefined })).map(([b, n]) => `FROM ${b}${n ? ` AS ${n}` : ''}`);
const userLine = fc.oneof(value.map((v) => `USER ${v}`), fc.constantFrom('USER app', 'USER 1000:1000', 'USER "a b"', "USER 'x'", 'USER $A:$B'));
const copyWord = fc.oneof(value, fc.constantFrom('.', './src', '/app/', '*.txt', '<<EOF', '"a b"'));
const copyLine = fc
  .tuple(fc.constantFrom('COPY', 'ADD'), fc.constantFrom('', '--chown=$A ', '--chmod=${B:-644} ', '--from=s1 ', '--chown=${A:?no} '), fc.array(copyWord, { minLength: 2, maxLength: 3 }), fc.boolean())
  .map(([k, f, ws, json]) => (json ? `${k} ${f}${JSON.stringify(ws)}` : `${k} ${f}${ws.join(' ')}`) + (ws.includes('<<EOF') ? '\nbody $A\nEOF' : ''));
const startLine = fc
  .tuple(fc.constantFrom('CMD', 'ENTRYPOINT'), fc.oneof(value, fc.constantFrom('["a","$A"]', '[]', '["sh", "-c", "echo $B"]', '[ "x" ]', "['a']", '["a",1]', 'echo "$A" && x', '')))
  .map(([k, v]) => `${k} ${v}`.trimEnd());
const stageLine = fc.oneof({ weight: 3, arbitrary: fc.oneof(argLine, envLine) }, { weight: 1, arbitrary: userLine }, { weight: 1, arbitrary: copyLine }, { weight: 1, arbitrary: startLine });
const dockerfile = fc
  .tuple(fc.array(argLine, { maxLength: 3 }), fc.array(fc.tuple(fromLine, fc.array(stageLine, { maxLength: 5 })), { minLength: 1, maxLength: 3 }))
  .map(([globals, stages]) => [...globals, ...stages.flatMap(([f, body]) => [f, ...body])].join('\n') + '\n');

describe.skipIf(oracle === undefined)('BuildKit values (differential)', () => {
  it('agrees on every real MCP Dockerfile', () => {
    if (!corpus) return;
    expect(corpus.length).toBeGreaterThanOrEqual(70);
    expect(differences(corpus.map((f) => readFileSync(f, 'utf8')), corpus)).toEqual([]);
  });

  it('agrees on every Dockerfile in the repository', () => {
    const files = repositoryDockerfiles();
    expect(files.length).toBeGreaterThan(0);
    expect(differences(files.map((f) => f.text), files.map((f) => f.label))).toEqual([]);
  });

  it(`agrees on ${RUNS} generated files around ARG/ENV/FROM expansion`, () => {
    const seed = Number(process.env['MCG_DIFF_SEED'] ?? Date.now() % 2147483647);
    const texts = fc.sample(dockerfile, { numRuns: RUNS, seed });
    const diffs = differences(texts, texts.map((_, i) => `generated #${i} (seed ${seed}; MCG_DIFF_SEED=${seed} repeats it)`));
    expect(diffs.slice(0, 5), `seed ${seed}: ${diffs.length} of ${RUNS} files differ`).toEqual([]);
  });
});
