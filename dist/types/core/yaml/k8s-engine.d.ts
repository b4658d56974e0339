/**
 * Reads a Kubernetes manifest file as kubectl does (DESIGN §5): documents split as kubectl
 * splits them (./kubectl-split.ts), each read with go-yaml v2's YAML 1.1 scalars, its merge-key
 * order and last-wins duplicates (sigs.k8s.io/yaml), JSON streams as JSON. A document is a
 * Kubernetes object by its `apiVersion` and `kind`, whatever the file is called. Every place
 * where that reading departs from YAML 1.2 is an MCG993 finding; everything that could not be
 * read is an MCG991 finding at its line, and the other documents are still checked.
 */
import type { Finding } from '../types.js';
import { type ReadPolicy, type YDoc } from './ast.js';
/** How kubectl reads maps (go-yaml v2 through sigs.k8s.io/yaml; encoding/json keeps the last key too). */
export declare const KUBECTL_POLICY: ReadPolicy;
/** Documents per file beyond which the file fails with MCG991. */
export declare const MAX_K8S_DOCUMENTS = 1000000;
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
export declare function isKubernetesObject(y: YDoc): boolean;
export declare function checkKubernetes(input: K8sInput, run: (docs: YDoc[]) => Finding[]): K8sResult;
