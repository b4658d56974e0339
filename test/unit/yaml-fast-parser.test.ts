/**
 * The fast YAML parser (src/core/yaml/fast.ts) against the `yaml` package path (slowParse): for
 * every text the fast parser accepts, both give the same tree — values, core-schema types,
 * quoting and folding, anchors and aliases, merge keys, lines — and the same documents. Texts it
 * declines go to the `yaml` package in production, so declining is always safe; accepting
 * something the `yaml` package reads differently (or rejects) is the bug this test hunts.
 *
 * Inputs: the real compose and Kubernetes corpus (each Kubernetes document chunk as the engine
 * splits it), every YAML file of the repository's tests and workflows, generated YAML (our own
 * generator of tricky block YAML, and the `yaml` package's stringify with random options), and
 * mutated corpus files.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { fastParse } from '../../src/core/yaml/fast.js';
import { slowParse, type ParsedDoc } from '../../src/core/yaml/tree.js';
import { checkYamlFile, parseChunk, splitDocuments } from '../../src/core/yaml-engine.js';
import { corpusFiles } from '../support/corpus.js';
import { plainDocs } from '../support/yaml-diff.js';
import { mutate, mutation } from '../fuzz/mutate.js';

const repo = join(import.meta.dirname, '..', '..');

function slow(text: string, lineOffset = 0): ParsedDoc[] | string {
  try {
    return slowParse(text, lineOffset);
  } catch (e) {
    return `threw ${(e as Error).name}`;
  }
}

/** Same tree from both paths when the fast one accepts; returns whether it accepted. */
function agrees(text: string, lineOffset = 0): boolean {
  const fast = fastParse(text, lineOffset);
  if (fast === undefined) return false;
  const ref = slow(text, lineOffset);
  const got = plainDocs(fast);
  const want = typeof ref === 'string' ? ref : plainDocs(ref);
  if (JSON.stringify(got) !== JSON.stringify(want)) {
    expect(got, `fast and yaml-package trees differ for:\n${text}`).toEqual(want);
  }
  return true;
}

function chunksOf(text: string, k8s: boolean): { text: string; lineOffset: number }[] {
  return k8s ? splitDocuments(text) : [{ text, lineOffset: 0 }];
}

function yamlFilesUnder(dir: string): string[] {
  const out: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return out;
  }
  for (const n of names) {
    if (n === 'node_modules' || n === '.git' || n === 'dist') continue;
    const p = join(dir, n);
    if (statSync(p).isDirectory()) out.push(...yamlFilesUnder(p));
    else if (/\.ya?ml$/i.test(n)) out.push(p);
  }
  return out;
}

const compose = corpusFiles('compose') ?? [];
const k8s = corpusFiles('k8s') ?? [];
const corpus = [...compose.map((f) => ({ f, k8s: false })), ...k8s.map((f) => ({ f, k8s: true }))].filter((x) => /\.ya?ml$/i.test(x.f)).map((x) => ({ ...x, text: readFileSync(x.f, 'utf8') }));

describe('fast YAML parser agrees with the yaml package', () => {
  it.runIf(corpus.length > 0)('real compose and Kubernetes files: same trees, and nearly all take the fast path', () => {
    let chunks = 0;
    let accepted = 0;
    for (const { text, k8s: isK8s } of corpus) {
      for (const c of chunksOf(text, isK8s)) {
        chunks++;
        if (agrees(c.text, c.lineOffset)) accepted++;
      }
    }
    expect(chunks).toBeGreaterThan(40);
    // the point of the fast path: real files take it (today all of them do)
    expect(accepted / chunks).toBeGreaterThanOrEqual(0.95);
  });

  it('YAML files of the repository (tests, fixtures, workflows): same trees', () => {
    const files = [...yamlFilesUnder(join(repo, 'test')), ...yamlFilesUnder(join(repo, 'workflows')), ...yamlFilesUnder(join(repo, '.github')), ...yamlFilesUnder(join(repo, 'examples'))];
    expect(files.length).toBeGreaterThan(5);
    let accepted = 0;
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      for (const c of chunksOf(text, /k8s|kube|deploy/.test(f))) if (agrees(c.text, c.lineOffset)) accepted++;
    }
    expect(accepted).toBeGreaterThan(files.length / 2);
  });

  it('hand-picked edge cases: same trees where accepted', () => {
    const cases = [
      'a: 1\nb: 0x1F\nc: 0o17\nd: 1e3\ne: .inf\nf: -.Inf\ng: .NaN\nh: ~\ni: Null\nj: TRUE\nk: False\nl: +12\nm: 1.50\nn: 007\no: -0\np: .5\nq: 1.\nr: 1_000\ns: 0b11\n',
      'a: "x\\ty\\u00e9\\"q\\\\"\nb: \'it\'\'s\'\nc: "a # b"\nd: a # b\ne: a#b\nf: http://x:80/y\n',
      'a: &x {k: v, "q": 1}\nb: *x\nc:\n  <<: *x\n  z: 2\nd:\n  <<: [*x, *x]\n',
      'l: |\n  one\n   two\n\n  three\n\nm: |-\n  x\n\nn: |+\n  y\n\n\no: >\n  a\n  b\n\n  c\n   d\n  e\np: >-\n  f\n  g\n',
      'a:\n- 1\n- 2\nb:\n  - c: 1\n    d: 2\n  - - x\n    - y\n  -\n  - e:\n      f: g\n',
      '---\na: 1\n---\nb: 2\n...\n---\n',
      'a: "long\n  folded\n\n  text"\nb: \'x\n  y\'\nc: "esc\\\n  aped"\n',
      'a: [1, two, "three", \'four\', {five: 5}, [6]]\nb: {x: [1,2], y: {z: *nope}}\nc: [\n  a,\n  b,\n]\n',
      'a:\n  b: 1\n  # comment\n  c: 2\n    # deeper comment\nd: x\n',
      '"quoted key": 1\n\'single\': 2\n1: one\ntrue: yes\nnull: n\n',
      'a: b: c\n',
      'a:\n  - x\n  y: 1\n',
      'a: 1\n a: 2\n',
      'a: plain\n  continued\n',
      'key with spaces: value with spaces  \n',
      'a: &anc\n  b: 1\nc: *anc\n',
      'a: -\n',
      'a:\tb\n',
      'a: 1\r\nb: |\r\n  x\r\n  y\r\n',
      '%YAML 1.2\n---\na: 1\n',
      'a: !!str 1\n',
      '? a\n: b\n',
      '- a\n- b\n',
      'just a scalar\n',
      'a: "unterminated\n',
      'a: [1, 2\n',
      'a: 1\n---\n- x\n',
      'a:\n  |\n  x\n',
      'a: |\n    x\n  y\n',
      'a: >\n\n  x\n',
      'a: |\n  x\n  \n  y\n',
      'a: "x"  # c\nb: \'y\' #c\n',
      'a: "x" y\n',
      'a: [a, b]c\n',
      'a: {b: c}: d\n',
      'a: x\n...\nb: y\n',
      'a: |2\n   x\n',
      'a: &a\n- x\n',
      'a:\n  &b c: d\n',
      '- &a x\n- *a\n',
      'a: *a\nb: &a 1\nc: *a\n',
      'a: "\\x41\\e\\N"\n',
      '  a: 1\n  b: 2\n',
      'a:\n    b: 1\n  c: 2\n',
      // flow collections over lines must stay indented deeper than their block
      'a: [\nb, c]\n',
      'x:\n  a: [\n  b, c]\n',
      'x:\n  a: [\n b, c\n ]\n',
      'x:\n  a: [\n   b,\n  # c\n   d]\n',
      'x:\n- [\n  a]\n',
      'x:\n- [\n a]\n',
      'x:\n  - [\n   a]\n',
      'x:\n  - [\n  a]\n',
      'x:\n  - {k:\n    v}\n',
      'x:\n  - {k:\n  v}\n',
    ];
    let accepted = 0;
    for (const c of cases) if (agrees(c)) accepted++;
    expect(accepted).toBeGreaterThan(15);
  });

  // ---------------------------------------------------------------- generated

  const word = fc.constantFrom('a', 'image', 'x y', 'true', 'False', 'null', '~', '0x1F', '0o17', '1e3', '-1', '+2', '1.50', '.inf', '.NaN', 'http://h:1/p', 'a:b', '<<', '-a', '?x', "it's", 'v#1', 'é', '007', '1_0', '', ' lead', 'trail ', 'x #y');
  const keyW = fc.constantFrom('a', 'b', 'c', 'image', 'name', '<<', '"q k"', "'s'", '1', 'true', 'null', 'x y', 'a', 'b');

  type Gen = (indent: number) => fc.Arbitrary<string[]>;
  const pad = (n: number): string => ' '.repeat(n);
  const scalarText = fc.oneof(
    word.map((w) => (w === '' || /^[\s-?]|[\s]$|#/.test(w) ? JSON.stringify(w) : w)),
    word.map((w) => JSON.stringify(w)),
    word.map((w) => `'${w.replace(/'/g, "''")}'`),
    fc.constantFrom('"a\\nb"', '"\\u00e9\\t\\\\"', '"q\\"q"', '*a1', '*a2', '*nope', '[1, two, "3"]', '{k: v, n: 1}', '[]', '{}', '[*a1, x]', 'x # comment', '"x" # c'),
    // over several lines, at indents that are sometimes deep enough and sometimes not
    fc.constantFrom('[a,\nb]', '[a,\n  b]', '[a,\n      b\n    ]', '{k: v,\n    n: 1}', '{k:\n v}', '"multi\n   line"', '"multi\nline"', "'sq\n\n      folded'", '"esc\\\n      aped"', 'plain\n      more'),
  );

  const node: (depth: number) => Gen = (depth) => (indent) => {
    const leaf = fc.tuple(fc.constantFrom('', '', '&a1 ', '&a2 '), scalarText).map(([a, s]) => [`${a}${s}`]);
    const block = fc.tuple(fc.constantFrom('|', '|-', '|+', '>', '>-', '>+'), fc.array(fc.constantFrom('line', '  more', '', 'x y', '# not a comment', 'a: b'), { minLength: 1, maxLength: 5 })).map(([h, ls]) => [h, ...ls.map((l) => (l === '' ? '' : `${pad(indent + 2)}${l}`))]);
    if (depth <= 0) return fc.oneof(leaf, block);
    const map = fc.array(fc.tuple(keyW, node(depth - 1)(indent + 2), fc.constantFrom('', '', '  # c')), { minLength: 1, maxLength: 4 }).map((pairs) => ['', ...pairs.flatMap(([k, v, c]) => (v[0] === '' ? [`${pad(indent + 2)}${k}:${c}`, ...v.slice(1)] : [`${pad(indent + 2)}${k}: ${v[0]}${v[0]!.startsWith('|') || v[0]!.startsWith('>') ? '' : c}`, ...v.slice(1)]))]);
    const seq = fc.array(node(depth - 1)(indent + 2), { minLength: 1, maxLength: 3 }).map((its) => ['', ...its.flatMap((v) => (v[0] === '' ? [`${pad(indent + 2)}-`, ...v.slice(1)] : [`${pad(indent + 2)}- ${v[0]}`, ...v.slice(1)]))]);
    const anchored = fc.tuple(fc.constantFrom('&a1', '&a2'), map).map(([a, m]) => [a, ...m.slice(1)]);
    return fc.oneof(leaf, block, map, seq, anchored, fc.constant<string[]>(['']));
  };

  const generated = fc
    .tuple(fc.array(fc.tuple(keyW, node(3)(0)), { minLength: 1, maxLength: 5 }), fc.constantFrom('', '---\n', '# head\n'), fc.constantFrom('', '\n---\nz: 1\n', '\n...\n', '\n# tail'), fc.boolean())
    .map(([pairs, head, tail, crlf]) => {
      const lines = pairs.flatMap(([k, v]) => (v[0] === '' ? [`${k}:`, ...v.slice(1).map((l) => l.replace(/^ {2}/, ''))] : [`${k}: ${v[0]}`, ...v.slice(1).map((l) => l.replace(/^ {2}/, ''))]));
      const text = `${head}${lines.join('\n')}${tail}\n`;
      return crlf ? text.replace(/\n/g, '\r\n') : text;
    });

  it('generated block YAML (anchors, merge keys, block scalars, quoting, flows, comments): same trees', () => {
    let accepted = 0;
    let runs = 0;
    fc.assert(
      fc.property(generated, (text) => {
        runs++;
        if (agrees(text)) accepted++;
      }),
      { numRuns: 300 },
    );
    // the generator must exercise the fast path, not only its refusals
    expect(accepted).toBeGreaterThan(runs / 10);
  });

  it('yaml.stringify output with random options: same trees', () => {
    const value = fc.letrec((tie) => ({
      v: fc.oneof({ depthSize: 'small' }, fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('true', 'null', '1.0', '0x10', 'a: b', '- x', '# c', 'line1\nline2', 'trail\n', ' lead'), fc.integer(), fc.double(), fc.boolean(), fc.constant(null)), fc.dictionary(fc.string({ maxLength: 8 }), tie('v'), { maxKeys: 4 }), fc.array(tie('v'), { maxLength: 4 })),
    })).v;
    const opts = fc.record({
      indent: fc.constantFrom(2, 4),
      indentSeq: fc.boolean(),
      lineWidth: fc.constantFrom(0, 20, 80),
      defaultStringType: fc.constantFrom('PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_LITERAL', 'BLOCK_FOLDED') as fc.Arbitrary<'PLAIN' | 'QUOTE_DOUBLE' | 'QUOTE_SINGLE' | 'BLOCK_LITERAL' | 'BLOCK_FOLDED'>,
      collectionStyle: fc.constantFrom('any', 'block', 'flow') as fc.Arbitrary<'any' | 'block' | 'flow'>,
    });
    let accepted = 0;
    let runs = 0;
    fc.assert(
      fc.property(fc.dictionary(fc.string({ maxLength: 8 }), value, { minKeys: 1, maxKeys: 5 }), opts, (obj, o) => {
        runs++;
        if (agrees(stringify(obj, o))) accepted++;
      }),
      { numRuns: 300 },
    );
    expect(accepted).toBeGreaterThan(runs / 10);
  });

  it.runIf(corpus.length > 0)('mutated real files: same trees whenever the fast path accepts', () => {
    fc.assert(
      fc.property(fc.nat({ max: Math.max(0, corpus.length - 1) }), fc.array(mutation, { minLength: 1, maxLength: 4 }), (i, ms) => {
        const { text, k8s: isK8s } = corpus[i]!;
        const t = mutate(text, ms);
        for (const c of chunksOf(t, isK8s)) agrees(c.text, c.lineOffset);
      }),
      { numRuns: 300 },
    );
  });

  it('the engine reads a text the same through either path (findings identical)', () => {
    const text = 'x: &base\n  privileged: true\n  cap_add: [SYS_ADMIN]\nservices:\n  a:\n    <<: *base\n    image: a:latest\n    environment:\n      DB_PASSWORD: hunter2\n';
    expect(fastParse(text)).toBeDefined();
    const viaFast = checkYamlFile({ path: 'compose.yaml', text, kind: 'compose', target: 't' }).findings;
    // a tab in a comment sends the same document to the yaml package
    const viaSlow = checkYamlFile({ path: 'compose.yaml', text: `${text}#\t\n`, kind: 'compose', target: 't' }).findings;
    expect(fastParse(`${text}#\t\n`)).toBeUndefined();
    expect(viaFast.length).toBeGreaterThan(3);
    expect(viaSlow).toEqual(viaFast);
    expect(parseChunk(text)).toEqual(fastParse(text));
  });
});
