/**
 * Reads the examples out of a rule's docs page and runs them through the real engine.
 * A fence's info string names the language, `failing` or `fixed`, and optional attributes:
 *   ```dockerfile failing context=".env server.py"
 */
import type { Finding, RuleMeta } from '../../src/core/types.js';
import { checkDockerfile } from '../../src/engine/engine.js';
import { dockerfileRules } from '../../src/rules/index.js';
import { makeBuildContext } from '../../src/core/build-context.js';
import { checkYamlFile, type YamlRuleKind } from '../../src/engine/yaml-engine.js';
import { defaultPaths } from './yaml-rule-table.js';
import { checkImage } from '../../src/rules/image/index.js';
import { imageDescFromAttrs, imageRuleContext } from './image-rule-table.js';
import { checkMcpFile } from '../../src/engine/mcp-engine.js';
import { checkProbe } from '../../src/rules/probe/index.js';
import { probeDescFromAttrs, probeRuleContext } from './probe-rule-table.js';

export interface DocExample {
  lang: string;
  attrs: Record<string, string>;
  body: string;
}

export function docExamples(markdown: string): { failing: DocExample[]; fixed: DocExample[] } {
  const failing: DocExample[] = [];
  const fixed: DocExample[] = [];
  const re = /^```(\w+) (failing|fixed)([^\n]*)\n([\s\S]*?)^```$/gm;
  for (const m of markdown.matchAll(re)) {
    const attrs: Record<string, string> = {};
    for (const a of m[3]!.matchAll(/(\w[\w-]*)="([^"]*)"/g)) attrs[a[1]!] = a[2]!;
    (m[2] === 'failing' ? failing : fixed).push({ lang: m[1]!, attrs, body: m[4]! });
  }
  return { failing, fixed };
}

/** Runners per rule kind; other kinds register theirs here. */
export const exampleRunners: Record<string, (meta: RuleMeta, ex: DocExample) => Finding[]> = {
  dockerfile(_meta, ex) {
    const files = ex.attrs['context']?.split(/\s+/).filter(Boolean);
    const context = files
      ? makeBuildContext('.', files, ex.attrs['dockerignore'] !== undefined ? { path: '.dockerignore', text: ex.attrs['dockerignore'].replace(/\\n/g, '\n') } : undefined)
      : undefined;
    return checkDockerfile({ path: 'Dockerfile', text: ex.body, target: 'Dockerfile', context }, dockerfileRules).findings;
  },
  compose: (_meta, ex) => runYamlExample('compose', ex),
  k8s: (_meta, ex) => runYamlExample('k8s', ex),
  workflow: (_meta, ex) => runYamlExample('workflow', ex),
  /** Image rules: the fence's attributes describe the built image (see test/support/image-rule-table.ts). */
  /** MCP rules: `path="server.json"` names the file (default `.vscode/mcp.json`); `labels="k=v;k=v"` and `ref` describe a built image. */
  mcp(_meta, ex) {
    const path = ex.attrs['path'] ?? '.vscode/mcp.json';
    const labels = ex.attrs['labels'] !== undefined ? Object.fromEntries(ex.attrs['labels'].split(';').filter(Boolean).map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)])) : undefined;
    const image = labels !== undefined || ex.attrs['ref'] !== undefined ? { labels: labels ?? {}, ref: ex.attrs['ref'] } : undefined;
    const res = checkMcpFile({ path, text: ex.body, target: path, image });
    const broken = res.findings.filter((f) => f.ruleId === 'MCG991');
    if (broken.length > 0) throw new Error(`docs example does not read: ${broken.map((f) => f.message).join('; ')}`);
    return res.findings;
  },
  /** Probe rules: the fence's attributes describe what the probe's starts gave (see test/support/probe-rule-table.ts). */
  probe(_meta, ex) {
    return checkProbe(probeRuleContext(ex.body, probeDescFromAttrs(ex.attrs)), 'Dockerfile');
  },
  image(_meta, ex) {
    return checkImage(imageRuleContext(ex.body, imageDescFromAttrs(ex.attrs)), 'Dockerfile');
  },
};

/** YAML examples run through the whole engine; one that does not parse fails the test loudly. */
function runYamlExample(kind: YamlRuleKind, ex: DocExample): Finding[] {
  const path = ex.attrs['path'] ?? defaultPaths[kind];
  const res = checkYamlFile({ path, text: ex.body, kind, target: path });
  const broken = res.findings.filter((f) => f.ruleId === 'MCG991');
  if (broken.length > 0) throw new Error(`docs example does not parse: ${broken.map((f) => f.message).join('; ')}`);
  return res.findings;
}

/**
 * Runs an example through the runner of its rule's kind. A meta rule (MCG99x: reported about
 * reading a file) has no kind of its own: its fences name the file kind, `kind="k8s"`, or it is
 * the fence's language (`dockerfile`).
 */
export function runExample(meta: RuleMeta, ex: DocExample): Finding[] {
  const kind = meta.kind === 'meta' ? (ex.attrs['kind'] ?? ex.lang) : meta.kind;
  const runner = exampleRunners[kind];
  if (!runner) throw new Error(`no example runner for rule kind ${kind}`);
  return runner(meta, ex);
}
