/**
 * The line a compose-go schema error points at ("validating FILE: services.a.ports.0 must be a
 * number", "validating FILE: services.a additional properties 'foo' not allowed"): the path it
 * names, and for an unknown key the key itself, found in the file as we read it. Undefined for
 * errors that are not schema errors.
 */
import { makeYDoc, DEFAULT_BUDGET } from '../../src/core/yaml/ast.js';
import { interpolateTree, type ComposeEnv } from '../../src/core/yaml/compose-interpolate.js';
import { lineAt, toJson, type Segment } from '../../src/core/yaml/compose-json.js';
import { parseChunk } from '../../src/engine/yaml-engine.js';

export function schemaErrorLine(error: string, text: string, env: ComposeEnv): number[] | undefined {
  const m = /^validating [^:]*: (.*)$/s.exec(error);
  if (!m) return undefined;
  const rest = m[1]!;
  const path: Segment[] = rest.startsWith(' ') || rest.startsWith('additional properties') ? [] : rest.split(' ')[0]!.split('.').filter((s) => s !== '');
  const props = /additional propert(?:y|ies) (.*) not allowed/.exec(rest)?.[1]?.match(/'([^']*)'/g)?.map((q) => q.slice(1, -1));
  const doc = parseChunk(text, 0).find((d) => d.contents !== null);
  if (!doc?.contents) return undefined;
  const y = makeYDoc(interpolateTree(doc.contents, env, []), 0, { left: DEFAULT_BUDGET }, { maps: 'go-yaml-v4' });
  const { value, lines } = toJson(y, y.root);
  const find = (p: Segment[]): number => lineAt(value, lines, p) ?? doc.line;
  return props && props.length > 0 ? props.map((k) => find([...path, k])) : [find(path)];
}
