/**
 * The engine for YAML inputs: compose files, Kubernetes manifests and GitHub workflows.
 * Pure: the caller reads the file (decoding it; U+FFFD marks bytes that were not UTF-8) and
 * passes the text. Hostile input is bounded: a size cap, no document is ever expanded as a whole,
 * alias and merge-key resolution run on a work budget, and every failure becomes an MCG991
 * input-error finding at the line where reading stopped while the other documents are still checked.
 */
import { LineCounter, parseAllDocuments, visit, isMap, isScalar, isSeq, type Document } from 'yaml';
import type { Finding, RuleHit, RuleMeta } from './types.js';
import { hitToFinding, inputErrorFinding, ruleEnabled, type RuleSettings } from './engine.js';
import { makeYDoc, YamlBudgetError, DEFAULT_BUDGET, type YDoc } from './yaml/ast.js';
import { composeModel, k8sModel, workflowModel } from './yaml/models.js';
import type { ComposeRule, K8sRule, WorkflowRule } from '../rules/yaml-types.js';
import { composeRules } from '../rules/compose/index.js';
import { k8sRules } from '../rules/k8s/index.js';
import { workflowRules } from '../rules/workflow/index.js';
import { looksLikeHelmTemplate } from './yaml/classify.js';
export { classifyYaml, looksLikeHelmTemplate, type YamlKind } from './yaml/classify.js';

/** Files above this size are reported (MCG991) and not parsed: no real manifest comes close. */
export const MAX_YAML_BYTES = 1024 * 1024;
/** Documents per file beyond which the rest are reported and not checked. */
export const MAX_YAML_DOCUMENTS = 10_000;

export type YamlRuleKind = 'compose' | 'k8s' | 'workflow';

export interface YamlInput {
  /** Repository-relative POSIX path. */
  path: string;
  text: string;
  kind: YamlRuleKind;
  target: string;
}

export interface YamlResult {
  findings: Finding[];
  /** Nothing in the file could be checked. */
  fatal: boolean;
  /** Informational notes for the log (documents skipped, templates …). */
  notes: string[];
}

export interface YamlRuleSet {
  compose: readonly ComposeRule[];
  k8s: readonly K8sRule[];
  workflow: readonly WorkflowRule[];
}

export const yamlRules: YamlRuleSet = { compose: composeRules, k8s: k8sRules, workflow: workflowRules };

export function checkYamlFile(input: YamlInput, settings?: RuleSettings): YamlResult {
  return checkYamlWith(input, yamlRules, settings);
}

function lineOfOffset(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function describeTop(node: unknown): string {
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) return `a scalar (${typeof node.value === 'string' ? 'text' : String(node.value)})`;
  return 'not a mapping';
}

/** Duplicate keys, found in one pass (the parser's own check is quadratic in the map size). */
function duplicateKey(doc: Document.Parsed, lc: LineCounter, budget: { left: number }): { line: number; key: string } | undefined {
  let found: { line: number; key: string } | undefined;
  visit(doc, {
    Map(_k, map) {
      if ((budget.left -= map.items.length) < 0) throw new YamlBudgetError('document too large to check');
      const seen = new Set<string>();
      for (const p of map.items) {
        const k = p.key;
        if (!isScalar(k) || typeof k.value === 'symbol') continue;
        const text = String(k.value);
        if (seen.has(text)) {
          found = { line: k.range ? lc.linePos(k.range[0]).line : 1, key: text };
          return visit.BREAK;
        }
        seen.add(text);
      }
      return undefined;
    },
  });
  return found;
}

export function checkYamlWith(input: YamlInput, rules: YamlRuleSet, settings?: RuleSettings): YamlResult {
  const { path, text, target } = input;
  const findings: Finding[] = [];
  const notes: string[] = [];
  const fail = (line: number, message: string): YamlResult => {
    findings.push(inputErrorFinding(path, line, message, target));
    return { findings, fatal: true, notes };
  };
  if (text.length > MAX_YAML_BYTES) {
    return fail(1, `file is ${(text.length / 1048576).toFixed(1)} MiB, above the ${MAX_YAML_BYTES / 1048576} MiB limit for YAML files: it was not checked`);
  }
  if (input.kind === 'k8s' && looksLikeHelmTemplate(text)) {
    notes.push(`${path}: looks like a Helm template ({{ … }} actions); skipped (render it with \`helm template\` to check it)`);
    return { findings, fatal: false, notes };
  }
  const bad = text.indexOf('\uFFFD');
  if (bad >= 0) {
    findings.push(inputErrorFinding(path, lineOfOffset(text, bad), 'the file is not valid UTF-8 (undecodable bytes were replaced): values on this line may be misread', target));
  }
  if (text.indexOf('\u0000') >= 0) return fail(lineOfOffset(text, text.indexOf('\u0000')), 'the file contains NUL bytes: it is binary, not YAML, and was not checked');

  const lc = new LineCounter();
  let parsed: Document.Parsed[];
  try {
    const all = parseAllDocuments(text, { lineCounter: lc, merge: true, uniqueKeys: false, prettyErrors: false });
    parsed = Array.isArray(all) ? all : [];
  } catch (e) {
    return fail(1, `the YAML parser gave up (${e instanceof RangeError ? 'nesting too deep' : (e as Error).message}): the file was not checked`);
  }
  if (parsed.length > MAX_YAML_DOCUMENTS) {
    notes.push(`${path}: only the first ${MAX_YAML_DOCUMENTS} of ${parsed.length} documents were checked`);
    const extra = parsed[MAX_YAML_DOCUMENTS]!.range;
    findings.push(inputErrorFinding(path, extra ? lc.linePos(extra[0]).line : 1, `more than ${MAX_YAML_DOCUMENTS} documents: the rest were not checked`, target));
    parsed = parsed.slice(0, MAX_YAML_DOCUMENTS);
  }

  const budget = { left: DEFAULT_BUDGET };
  const docs: YDoc[] = [];
  let checkedAny = false;
  parsed.forEach((doc, index) => {
    const docLine = doc.range ? lc.linePos(doc.range[0]).line : 1;
    const label = parsed.length > 1 ? `document ${index + 1}` : 'the document';
    if (doc.errors.length > 0) {
      const err = doc.errors[0]!;
      const line = err.linePos?.[0]?.line ?? lc.linePos(err.pos[0]).line;
      const msg = err.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
      findings.push(inputErrorFinding(path, line, `invalid YAML in ${label}: ${msg}; ${label} was not checked`, target));
      return;
    }
    const top = doc.contents;
    if (top === null || (isScalar(top) && (top.value === null || top.value === undefined))) return; // empty document (`---` at the end)
    if (!isMap(top)) {
      findings.push(inputErrorFinding(path, docLine, `${label} is ${describeTop(top)} at the top, but a ${kindLabel(input.kind)} must be a mapping; ${label} was not checked`, target));
      return;
    }
    try {
      const dup = duplicateKey(doc, lc, budget);
      if (dup) {
        findings.push(inputErrorFinding(path, dup.line, `duplicate key "${dup.key.slice(0, 80)}" in ${label} (tools disagree on which value wins); ${label} was not checked`, target));
        return;
      }
      docs.push(makeYDoc(doc, lc, index, budget));
      checkedAny = true;
    } catch (e) {
      findings.push(inputErrorFinding(path, docLine, `${label} could not be checked: ${problem(e)}`, target));
    }
  });

  findings.push(...runRules(input, docs, rules, settings));
  const fatal = !checkedAny && findings.some((f) => f.ruleId === 'MCG991');
  return { findings, fatal, notes };
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
      for (const h of hits) out.push(hitToFinding(r.meta, h, input.path, input.target, settings));
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
