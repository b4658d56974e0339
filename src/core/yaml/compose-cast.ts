/**
 * Compose-go's casts, at the paths it casts them (loader/interpolate.go of compose-go v2.16.2):
 * a boolean field holding a string is converted by its `toBoolean`, which takes `true`/`false`
 * in any letter case and also the YAML 1.1 spellings `y`/`yes`/`on` (true) and `n`/`no`/`off`
 * (false), whether plain or quoted. Anything else in such a field makes compose refuse the file.
 * Pure.
 *
 * Its YAML library (go.yaml.in/yaml/v4) resolves only the core-schema spellings `true`, `True`,
 * `TRUE` (and the `false` ones) to booleans; every other scalar reaches the cast as a string.
 */
import { deref, type YDoc } from './ast.js';

/** Service keys compose-go casts with toBoolean (container and workload specs). */
export const COMPOSE_BOOLEAN_SERVICE_KEYS: readonly string[] = ['init', 'oom_kill_disable', 'privileged', 'read_only', 'stdin_open', 'tty'];

export interface ComposeBool {
  /** The value compose uses; undefined when compose refuses the value. */
  value: boolean | undefined;
  /** The text as written. */
  text: string;
  /**
   * True when a YAML 1.2 reader (the YAML spec, most other tools) reads something else: a YAML 1.1
   * spelling (`yes`, `on`, `Y` …), or a value compose refuses.
   */
  differs: boolean;
}

const TRUE_11 = new Set(['y', 'yes', 'on']);
const FALSE_11 = new Set(['n', 'no', 'off']);

/**
 * Compose's reading of a boolean field's value. Undefined for an absent or empty value (compose
 * treats a null as unset), and for a map or sequence (compose's schema refuses those: the engine
 * does not guess).
 */
export function composeBool(y: YDoc, node: unknown): ComposeBool | undefined {
  const n = deref(y, node);
  if (n === null || n.t !== 'scalar' || n.value === null) return undefined;
  if (typeof n.value === 'boolean') return { value: n.value, text: n.source, differs: false };
  const text = typeof n.value === 'string' ? n.value : n.source;
  const lower = text.toLowerCase();
  // `"true"` quoted (or produced by interpolation) is meant as the boolean by everyone who
  // writes it; it is read as compose reads it and not reported.
  if (lower === 'true' || lower === 'false') return { value: lower === 'true', text, differs: false };
  if (TRUE_11.has(lower)) return { value: true, text, differs: true };
  if (FALSE_11.has(lower)) return { value: false, text, differs: true };
  return { value: undefined, text, differs: true };
}

/** True when compose reads the boolean field as true. */
export function composeTrue(y: YDoc, node: unknown): boolean {
  return composeBool(y, node)?.value === true;
}
