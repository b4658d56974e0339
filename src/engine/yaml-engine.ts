/**
 * The engine for YAML inputs: compose files, Kubernetes manifests and GitHub workflows.
 * Pure: the caller reads the file (decoding it; U+FFFD marks bytes that were not UTF-8) and
 * passes the text. Hostile input is bounded: a size cap, no document is ever expanded as a whole,
 * alias and merge-key resolution run on a work budget, and every failure becomes an MCG991
 * input-error finding at the line where reading stopped while the other documents are still checked.
 */
import type { Finding, RuleHit, RuleMeta } from '../core/types.js';
import { hitToFinding, inputErrorFinding, ruleEnabled, type RuleSettings } from '../core/rule-hits.js';
import { makeYDoc, YamlBudgetError, YamlDuplicateKeyError, DEFAULT_BUDGET, type YDoc } from '../core/yaml/ast.js';
import { composeModel, k8sModel, workflowModel } from '../core/yaml/models.js';
import type { ComposeRule, K8sRule, WorkflowRule } from '../rules/yaml-types.js';
import { composeRules } from '../rules/compose/index.js';
import { meta as composeReadsDifferently, rule as composeReadsDifferentlyRule } from '../rules/meta/MCG994-read-differently-by-compose.js';
import { interpolateTree, type ComposeEnv, type TreeError } from '../core/yaml/compose-interpolate.js';
import { k8sRules } from '../rules/k8s/index.js';
import { workflowRules } from '../rules/workflow/index.js';
import { parseDocuments, type ParsedDoc, type ReadOptions } from '../core/yaml/tree.js';
import { checkKubernetes } from '../core/yaml/k8s-engine.js';
import { appendAll } from '../core/arrays.js';
export { classifyYaml, looksLikeHelmTemplate, type YamlKind } from '../core/yaml/classify.js';

/**
 * The largest YAML or JSON file read (64 MiB, every kind): beyond it the file fails with MCG991
 * naming the limit and how to split it — it is never skipped or downgraded.
 */
export const MAX_YAML_BYTES = 64 * 1024 * 1024;
/** Documents per file beyond which the file fails with MCG991 (split it). */
export const MAX_YAML_DOCUMENTS = 1_000_000;

export type YamlRuleKind = 'compose' | 'k8s' | 'workflow';

export interface YamlInput {
  /** Repository-relative POSIX path. */
  path: string;
  text: string;
  kind: YamlRuleKind;
  target: string;
  /**
   * Compose files: the variables interpolation sees (the `.env` next to the file, as compose
   * reads it by default; never the scanner's own process environment). Empty when absent.
   */
  env?: ComposeEnv;
}

export interface YamlResult {
  findings: Finding[];
  /** Nothing in the file could be checked. */
  fatal: boolean;
  /** Informational notes for the log (documents skipped, templates …). */
  notes: string[];
  /** For kind `k8s`: no document of the file is a Kubernetes object (it is not applicable, not failed). */
  notKubernetes?: boolean;
}

export interface YamlRuleSet {
  compose: readonly ComposeRule[];
  k8s: readonly K8sRule[];
  workflow: readonly WorkflowRule[];
}

export const yamlRules: YamlRuleSet = { compose: [...composeRules, composeReadsDifferentlyRule], k8s: k8sRules, workflow: workflowRules };

export function checkYamlFile(input: YamlInput, settings?: RuleSettings): YamlResult {
  return checkYamlWith(input, yamlRules, settings);
}

function lineOfOffset(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/**
 * The documents of a text, lines counted from `lineOffset`, read by the `yaml` package with the
 * given reading options. Throws what the `yaml` package throws.
 */
export function parseChunk(text: string, lineOffset = 0, opts: ReadOptions = {}): ParsedDoc[] {
  return parseDocuments(text, lineOffset, opts);
}

/** MCG991 text for a file above MAX_YAML_BYTES. */
export function tooLargeMessage(bytes: number, what: string): string {
  return `file is ${Math.ceil(bytes / 1024 / 1024)} MiB, above the ${MAX_YAML_BYTES / 1024 / 1024} MiB limit for ${what}s, and was not checked: split it into several files (one document or a few per file) and scan again`;
}

export function checkYamlWith(input: YamlInput, rules: YamlRuleSet, settings?: RuleSettings): YamlResult {
  const { path, text, target } = input;
  const findings: Finding[] = [];
  const notes: string[] = [];
  const fail = (line: number, message: string): YamlResult => {
    findings.push(inputErrorFinding(path, line, message, target));
    return { findings, fatal: true, notes };
  };
  if (text.length > MAX_YAML_BYTES) return fail(1, tooLargeMessage(text.length, kindLabel(input.kind)));
  const bad = text.indexOf('\uFFFD');
  if (bad >= 0) {
    findings.push(inputErrorFinding(path, lineOfOffset(text, bad), 'the file is not valid UTF-8 (undecodable bytes were replaced): values on this line may be misread', target));
  }
  if (text.indexOf('\u0000') >= 0) return fail(lineOfOffset(text, text.indexOf('\u0000')), 'the file contains NUL bytes: it is binary, not YAML, and was not checked');
  if (input.kind === 'k8s') {
    const k = checkKubernetes(input, (docs) => runRules(input, docs, rules, settings));
    appendAll(findings, k.findings);
    const fatal = !k.checkedAny && findings.some((f) => f.ruleId === 'MCG991');
    return { findings, fatal, notes, notKubernetes: k.notKubernetes && !findings.some((f) => f.ruleId === 'MCG991') };
  }

  // Compose files and workflows are one document (anchors may be shared across the whole text).
  const budget = { left: DEFAULT_BUDGET };
  const docs: YDoc[] = [];
  let checkedAny = false;
  let docNumber = 0;
  let parsed: ParsedDoc[];
  try {
    parsed = parseChunk(text, 0);
  } catch (e) {
    return fail(1, `the YAML parser gave up (${e instanceof RangeError ? 'nesting too deep' : (e as Error).message}): the file was not checked`);
  }
  for (const doc of parsed) {
    docNumber++;
    const docLine = doc.line;
    const label = parsed.length > 1 ? `document ${docNumber}` : 'the document';
    if (doc.error) {
      findings.push(inputErrorFinding(path, doc.error.line, `invalid YAML in ${label}: ${doc.error.message}; ${label} was not checked`, target));
      continue;
    }
    if (doc.notMap !== undefined) {
      findings.push(inputErrorFinding(path, docLine, `${label} is ${doc.notMap} at the top, but a ${kindLabel(input.kind)} must be a mapping; ${label} was not checked`, target));
      continue;
    }
    if (doc.failure !== undefined) {
      findings.push(inputErrorFinding(path, docLine, `${label} could not be checked: ${problem(doc.failure)}`, target));
      continue;
    }
    if (doc.contents === null) continue; // empty document (`---` at the end)
    try {
      const contents = input.kind === 'compose' ? composeReading(input, doc.contents, { findings, notes }, settings) : doc.contents;
      docs.push(makeYDoc(contents, docNumber - 1, budget));
      checkedAny = true;
    } catch (e) {
      if (e instanceof YamlDuplicateKeyError && input.kind === 'compose') {
        const hit = { line: e.line, key: `duplicate.${e.key}`, message: `duplicate key "${e.key.slice(0, 80)}": compose refuses the file ("mapping key already defined"), so \`docker compose\` will not load it; remove one of the two` };
        findings.push(hitToFinding(composeReadsDifferently, hit, { path: path, target: target, settings }));
      }
      if (e instanceof YamlDuplicateKeyError) {
        findings.push(inputErrorFinding(path, e.line, `duplicate key "${e.key}" in ${label} (tools disagree on which value wins); ${label} was not checked`, target));
      } else findings.push(inputErrorFinding(path, docLine, `${label} could not be checked: ${problem(e)}`, target));
    }
  }

  appendAll(findings, runRules(input, docs, rules, settings));
  const fatal = !checkedAny && findings.some((f) => f.ruleId === 'MCG991');
  return { findings, fatal, notes };
}

/**
 * A compose document as compose reads it: every string value interpolated with the file's
 * environment. A malformed `${…}` makes compose refuse the file (MCG994); a required variable
 * (`${X:?…}`) that is not set is noted (it depends on where compose runs) and reads as empty.
 */
function composeReading(input: YamlInput, contents: NonNullable<ParsedDoc['contents']>, out: { findings: Finding[]; notes: string[] }, settings?: RuleSettings): NonNullable<ParsedDoc['contents']> {
  const errors: TreeError[] = [];
  const read = interpolateTree(contents, input.env ?? new Map(), errors);
  for (const e of errors) {
    if (e.kind === 'required') {
      out.notes.push(`${input.path}:${e.line}: ${e.message} (compose refuses the file unless ${e.subject} is set where it runs); checked as empty`);
      continue;
    }
    const hit = { line: e.line, key: `interpolation.line${e.line}`, message: `${e.message}: compose refuses the file, so \`docker compose\` will not load it; write \`\${NAME}\`, \`\${NAME:-default}\` or \`$$\` for a literal \`$\`` };
    out.findings.push(hitToFinding(composeReadsDifferently, hit, { path: input.path, target: input.target, settings }));
  }
  return read;
}

function problem(e: unknown): string {
  if (e instanceof YamlBudgetError) return `${e.message} (aliases or merge keys expand beyond any real manifest)`;
  if (e instanceof RangeError) return 'nesting too deep';
  return e instanceof Error ? e.message : String(e);
}

function kindLabel(kind: YamlRuleKind): string {
  return kind === 'compose' ? 'compose file' : kind === 'k8s' ? 'Kubernetes manifest' : 'workflow';
}

function runRules(input: YamlInput, docs: YDoc[], rules: YamlRuleSet, settings?: RuleSettings): Finding[] {
  const out: Finding[] = [];
  if (docs.length === 0) return out;
  const failures = new Set<string>();
  const run = <C>(list: readonly { meta: RuleMeta; check(ctx: C): RuleHit[] }[], ctx: C): void => {
    for (const r of list) {
      if (!ruleEnabled(settings, r.meta.id)) continue;
      let hits: RuleHit[];
      try {
        hits = r.check(ctx);
      } catch (e) {
        // A rule that cannot finish (budget, nesting) must not hide the others' findings.
        const msg = `${r.meta.id} could not check the file: ${problem(e)}`;
        if (!failures.has(msg)) out.push(inputErrorFinding(input.path, 1, msg, input.target));
        failures.add(msg);
        continue;
      }
      for (const h of hits) out.push(hitToFinding(r.meta, h, { path: input.path, target: input.target, settings }));
    }
  };
  try {
    if (input.kind === 'compose') run(rules.compose, { path: input.path, ...composeModel(docs) });
    else if (input.kind === 'k8s') run(rules.k8s, { path: input.path, ...k8sModel(docs) });
    else run(rules.workflow, { path: input.path, ...workflowModel(docs) });
  } catch (e) {
    out.push(inputErrorFinding(input.path, 1, `the file could not be checked: ${problem(e)}`, input.target));
  }
  return out;
}
