/**
 * Reads a Kubernetes manifest file as kubectl does (DESIGN §5): documents split as kubectl
 * splits them (./kubectl-split.ts), each read with go-yaml v2's YAML 1.1 scalars, its merge-key
 * order and last-wins duplicates (sigs.k8s.io/yaml), JSON streams as JSON. A document is a
 * Kubernetes object by its `apiVersion` and `kind`, whatever the file is called. Every place
 * where that reading departs from YAML 1.2 is an MCG993 finding; everything that could not be
 * read is an MCG991 finding at its line, and the other documents are still checked.
 */
import type { Finding } from '../types.js';
import { inputErrorFinding, hitToFinding } from '../rule-hits.js';
import { meta as readDifferently } from '../meta-rules/MCG993-read-differently-by-kubectl.js';
import { DEFAULT_BUDGET, get, makeYDoc, str, YamlBudgetError, type ReadPolicy, type YDoc } from './ast.js';
import { parseDocuments, type ParsedDoc } from './tree.js';
import { splitAsKubectl } from './kubectl-split.js';
import { appendAll } from '../arrays.js';

/** How kubectl reads maps (go-yaml v2 through sigs.k8s.io/yaml; encoding/json keeps the last key too). */
export const KUBECTL_POLICY: ReadPolicy = { maps: 'go-yaml-v2' };
/** Documents per file beyond which the file fails with MCG991. */
export const MAX_K8S_DOCUMENTS = 1_000_000;

export interface K8sInput {
  path: string;
  text: string;
  target: string;
}

export interface K8sResult {
  findings: Finding[];
  /** At least one document was read. */
  checkedAny: boolean;
  /** No document is a Kubernetes object (and nothing failed that could have been one). */
  notKubernetes: boolean;
}

/** True when the document has a text `apiVersion` and `kind` as kubectl reads them. */
export function isKubernetesObject(y: YDoc): boolean {
  return str(y, get(y, y.root, 'apiVersion')?.value) !== undefined && str(y, get(y, y.root, 'kind')?.value) !== undefined;
}

function parserGaveUp(e: unknown): string {
  if (e instanceof RangeError || /call stack/i.test(String((e as Error)?.message))) {
    return 'the YAML parser ran out of call stack (block nesting some thousands of levels deep followed by a dedent; flow nesting, and block nesting to the end of the document, are read to 10,000 levels): split the nested part into separate documents or files and scan again';
  }
  return e instanceof Error ? e.message : String(e);
}

function errorText(message: string): string {
  return /call stack/i.test(message) ? 'nesting deeper than the YAML reader can follow (split the nested part into separate documents or files and scan again)' : message;
}

function isStrictJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

export function checkKubernetes(input: K8sInput, run: (docs: YDoc[]) => Finding[]): K8sResult {
  const { path, target } = input;
  const findings: Finding[] = [];
  const mightBeK8s = input.text.includes('apiVersion') && input.text.includes('kind');
  const fail = (line: number, message: string): void => {
    findings.push(inputErrorFinding(path, line, message, target));
  };
  const split = splitAsKubectl(input.text);
  const budget = { left: DEFAULT_BUDGET };
  const docs: YDoc[] = [];
  let problems = 0;
  let docNumber = 0;
  if (split.chunks.length > MAX_K8S_DOCUMENTS) {
    fail(1, `${split.chunks.length} documents, above the limit of ${MAX_K8S_DOCUMENTS} per file: split the file into several and scan again`);
    return { findings, checkedAny: false, notKubernetes: false };
  }
  for (const chunk of split.chunks) {
    docNumber++;
    const label = split.chunks.length > 1 ? `document ${docNumber}` : 'the document';
    if (split.format === 'json' && split.chunks.length > 1 && !isStrictJson(chunk.text)) {
      const line = chunk.lineOffset + 1;
      const message = `${path}:${line}: ${label} is not valid JSON: kubectl stops reading the file as a JSON stream here and reads the rest as YAML (the whole file, when this is the first object), where it may drop documents without a word (checked here as written); make every object valid JSON, or write the file as YAML with \`---\` between documents`;
      findings.push(hitToFinding(readDifferently, { line, key: `json-stream|${docNumber}`, message }, { path, target }));
    }
    let parsed: ParsedDoc[];
    try {
      parsed = parseDocuments(chunk.text, chunk.lineOffset, { scalars: 'yaml11' });
    } catch (e) {
      problems++;
      fail(chunk.lineOffset + 1, `${label} could not be read: ${parserGaveUp(e)}`);
      continue;
    }
    const first = parsed[0];
    if (!first) continue;
    for (const extra of parsed.slice(1)) {
      if (extra.contents === null && !extra.error && extra.notMap === undefined) continue;
      findings.push(hitToFinding(readDifferently, { line: extra.line, key: 'after-document-end', message: `${path}:${extra.line}: kubectl reads only the first document of ${label}; this one, after \`...\`, is ignored by kubectl (and was not checked)` }, { path, target }));
    }
    if (first.error) {
      problems++;
      fail(first.error.line, `invalid YAML in ${label}: ${errorText(first.error.message)}; ${label} was not checked`);
      continue;
    }
    if (first.failure !== undefined) {
      problems++;
      fail(first.line, `${label} could not be checked: ${parserGaveUp(first.failure)}`);
      continue;
    }
    if (first.notMap !== undefined) {
      // kubectl rejects a document that is not an object; only an error when the file holds objects
      if (mightBeK8s) {
        problems++;
        fail(first.line, `${label} is ${first.notMap} at the top, but a Kubernetes object must be a mapping; ${label} was not checked`);
      }
      continue;
    }
    if (first.contents === null) continue;
    let y: YDoc;
    try {
      y = makeYDoc(first.contents, docNumber - 1, budget, KUBECTL_POLICY);
      if (!isKubernetesObject(y)) continue;
    } catch (e) {
      problems++;
      fail(first.line, `${label} could not be checked: ${e instanceof YamlBudgetError ? `${e.message} (aliases or merge keys expand beyond any real manifest)` : parserGaveUp(e)}`);
      continue;
    }
    docs.push(y);
    for (const a of y.ambiguities ?? []) {
      findings.push(hitToFinding(readDifferently, { line: a.line, key: `${a.kind}|${docNumber}`, message: `${path}:${a.line}: ${a.message}` }, { path, target }));
    }
  }
  if (split.error) fail(split.error.line, `${split.error.message}; the documents from here on were not checked`);
  appendAll(findings, run(docs));
  const notKubernetes = docs.length === 0 && ((!split.error && problems === 0) || !mightBeK8s);
  if (notKubernetes) return { findings: [], checkedAny: false, notKubernetes };
  return { findings, checkedAny: docs.length > 0, notKubernetes };
}
