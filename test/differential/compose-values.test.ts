/**
 * The compose differential (issue 17): the values the compose rules read, per service, from our
 * reading of a compose file (YAML, compose's boolean casts, interpolation with the project's
 * `.env`) against compose-go's own loading (test/tools/compose-oracle, compose-go v2.16.2), on the
 * real corpus, the repository's compose files and rule tables, issue 17's cases and >= 2,000
 * generated documents per run (seed printed on failure; MCG_SEED=N replays one). Where compose
 * refuses a file, our scan must report a failing finding (MCG994 or MCG991), never nothing; where
 * compose loads it, we must not refuse it.
 *
 * One known exception, on purpose: a required variable (`${X:?msg}`) that the project's `.env`
 * does not set makes compose refuse the file here (the oracle has no environment); where it is
 * deployed the variable is normally set, so the scan notes it and checks the value as empty.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkYamlFile } from '../../src/engine/yaml-engine.js';
import { parseDotenv } from '../../src/core/yaml/compose-dotenv.js';
import { readComposeValues, type ComposeServiceValues } from '../../src/core/yaml/compose-values.js';
import { classifyYaml } from '../../src/core/yaml/classify.js';
import { corpusFiles, needCorpus } from '../support/corpus.js';
import { composeOracle, runOracle, type ComposeCase, type OracleResult, type OracleService } from '../support/compose-oracle.js';
import { repoRoot } from '../support/scan-rig.js';
import { composeDocument, issue17Cases } from './compose-cases.js';
import { composeSchemaDocument, schemaDecodeCases } from './compose-schema-cases.js';
import { schemaErrorLine } from './compose-error-line.js';

const oracle = composeOracle();
const RUNS = Number(process.env['MCG_COMPOSE_DIFF_RUNS'] ?? 2000);

function expected(o: OracleService): ComposeServiceValues {
  return {
    image: o.image,
    user: o.user,
    privileged: o.privileged,
    read_only: o.read_only,
    cap_add: o.cap_add,
    cap_drop: o.cap_drop,
    security_opt: o.security_opt,
    network_mode: o.network_mode,
    pid: o.pid,
    ipc: o.ipc,
    userns_mode: o.userns_mode,
    group_add: o.group_add,
    environment: o.environment,
    volumes: o.volumes,
    port_host_ips: [...new Set(o.ports.map((p) => p.host_ip))].sort(),
    ports: o.ports,
    cpus: o.cpus,
    deploy_cpus: o.deploy_cpus,
    mem_limit: o.mem_limit,
    deploy_memory: o.deploy_memory,
    devices: o.devices,
  };
}

const REQUIRED = /required variable \S+ is missing a value/;

/** The differences between our reading of a case and compose's (empty: none). */
function differences(c: ComposeCase, o: OracleResult): string[] {
  const dotenv = c.dotenv !== undefined ? parseDotenv(c.dotenv) : undefined;
  const env = dotenv?.env ?? new Map<string, string>();
  let findings;
  try {
    findings = checkYamlFile({ path: 'compose.yaml', text: c.text, kind: 'compose', target: 't', env }).findings;
  } catch (e) {
    return [`our engine threw: ${(e as Error).message}`];
  }
  const failing = findings.filter((f) => f.ruleId === 'MCG991' || (f.ruleId === 'MCG994' && /refuses/.test(f.message)));
  const refused = dotenv?.error !== undefined || failing.length > 0;
  if (o.error !== undefined) {
    if (REQUIRED.test(o.error)) return [];
    if (!refused) return [`compose refuses the file (${o.error}) but the scan reports no failing finding (${findings.map((f) => f.ruleId).join(',') || 'none'})`];
    // the line: where compose's schema error points (its path, and the key it names)
    const lines = schemaErrorLine(o.error, c.text, env);
    const ours = failing.map((f) => f.location.startLine);
    if (lines !== undefined && !lines.some((l) => ours.includes(l))) return [`compose refuses the file at line ${lines.join(' or ')} (${o.error}) but our failing findings are at line ${ours.join(', ') || '(none)'}`];
    return [];
  }
  const out: string[] = [];
  if (refused) out.push(`compose loads the file but we refuse it: ${dotenv?.error ?? failing.map((f) => `${f.ruleId} line ${f.location.startLine}: ${f.message}`).join(' | ')}`);
  if (c.dotenv !== undefined && o.env !== undefined) {
    const ours = Object.fromEntries(env);
    if (JSON.stringify(sortKeys(ours)) !== JSON.stringify(sortKeys(o.env))) out.push(`.env: ours ${JSON.stringify(sortKeys(ours))} compose ${JSON.stringify(sortKeys(o.env))}`);
  }
  if (refused) return out;
  const ours = readComposeValues(c.text, env).services;
  const theirs = Object.fromEntries(Object.entries(o.services ?? {}).map(([k, v]) => [k, expected(v)]));
  for (const name of new Set([...Object.keys(ours), ...Object.keys(theirs)])) {
    const a = ours[name];
    const b = theirs[name];
    if (!a || !b) {
      out.push(`service ${name}: ${a ? 'only we read it' : 'only compose reads it'}`);
      continue;
    }
    for (const k of Object.keys(b) as (keyof ComposeServiceValues)[]) {
      const x = JSON.stringify(normal(a[k]));
      const y = JSON.stringify(normal(b[k]));
      if (x !== y) out.push(`service ${name}.${k}: ours ${x} compose ${y}`);
    }
  }
  return out;
}

function sortKeys(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Order of volumes and devices is not something a rule reads (compose reorders them when it drops repeats). */
function normal(v: unknown): unknown {
  if (Array.isArray(v) && v.some((x) => typeof x === 'object')) return v.map((x) => JSON.stringify(normal(x))).sort();
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? sortKeys(v as Record<string, unknown>) : v;
}

function compareAll(cases: readonly ComposeCase[], hint = ''): void {
  const results = runOracle(oracle!, cases);
  const failures: string[] = [];
  cases.forEach((c, i) => {
    const d = differences(c, results[i]!);
    if (d.length > 0) failures.push(`${c.label}${hint}\n--- compose.yaml\n${c.text}${c.dotenv !== undefined ? `--- .env\n${c.dotenv}` : ''}\n${d.map((x) => `  • ${x}`).join('\n')}`);
  });
  expect(failures.slice(0, 5).join('\n\n'), `${failures.length} of ${cases.length} differ`).toBe('');
}

function repositoryComposeTexts(): ComposeCase[] {
  const out: ComposeCase[] = [];
  const walk = (dir: string, rel: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.name === 'node_modules' || e.name === '.git' || e.name === 'dist') continue;
      const p = join(dir, e.name);
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(p, r);
      else if (/\.ya?ml$/i.test(e.name)) {
        const text = readFileSync(p, 'utf8');
        if (classifyYaml(r, text) === 'compose') out.push({ label: r, text });
      }
    }
  };
  walk(repoRoot, '');
  return out;
}

/** The compose YAML of the MCG1xx rule tables (`yaml: '…'` literals). */
function ruleTableTexts(): ComposeCase[] {
  const dir = join(repoRoot, 'test', 'unit', 'rules');
  const out: ComposeCase[] = [];
  for (const f of readdirSync(dir).filter((n) => /^MCG1\d\d.*\.test\.ts$/.test(n)).sort()) {
    const src = readFileSync(join(dir, f), 'utf8');
    for (const m of src.matchAll(/yaml: '((?:[^'\\\n]|\\.)*)'/g)) {
      const text = (new Function(`return '${m[1]}';`) as () => string)();
      out.push({ label: `${f}: ${text.split('\n')[0]}`, text });
    }
  }
  return out;
}

describe.runIf(oracle !== undefined)('compose values: our reading against compose-go', () => {
  it('agrees on the real corpus compose files', (ctx) => {
    needCorpus(ctx, 'compose');
    const files = corpusFiles('compose');
    if (!files) throw new Error('unreachable: needCorpus returned without the corpus');
    expect(files.length).toBeGreaterThanOrEqual(20);
    compareAll(files.map((f) => ({ label: f.slice(f.lastIndexOf('/') + 1), text: readFileSync(f, 'utf8') })));
  });

  it('agrees on the compose files and MCG1xx rule tables of the repository', () => {
    const cases = [...repositoryComposeTexts(), ...ruleTableTexts()];
    expect(cases.length).toBeGreaterThanOrEqual(60);
    compareAll(cases);
  });

  it("agrees on issue 17's cases (yes/on/y booleans, merges, duplicate keys, quoted <<, .env)", () => {
    compareAll(issue17Cases);
  });

  it(`agrees on ${RUNS} generated compose documents`, () => {
    const seed = process.env['MCG_SEED'] !== undefined ? Number(process.env['MCG_SEED']) : Date.now() % 2 ** 31;
    const cases = fc.sample(composeDocument, { seed, numRuns: RUNS }).map((c, i) => ({ ...c, label: `generated #${i}` }));
    compareAll(cases, ` (seed ${seed}: MCG_SEED=${seed} replays it)`);
  });

  it('agrees on what compose refuses after its schema (null namespaces, build booleans, floats in group_add and memory)', () => {
    compareAll(schemaDecodeCases);
  });

  it(`agrees on ${RUNS} generated documents exercising compose's schema (refused or not, and the line)`, () => {
    const seed = process.env['MCG_SEED'] !== undefined ? Number(process.env['MCG_SEED']) : Date.now() % 2 ** 31;
    const cases = fc.sample(composeSchemaDocument, { seed, numRuns: RUNS }).map((c, i) => ({ ...c, label: `schema #${i}` }));
    compareAll(cases, ` (seed ${seed}: MCG_SEED=${seed} replays it)`);
  });
});
