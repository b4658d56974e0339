import type { RuleMeta } from '../types.js';
/**
 * Raised by the YAML engine where kubectl (sigs.k8s.io/yaml, go-yaml v2) reads a Kubernetes
 * document otherwise than the YAML 1.2 spec or other tools do; the Kubernetes rules run on
 * kubectl's reading, and this finding marks the spot.
 */
export declare const meta: RuleMeta;
