/** The scan's manifest phases: compose, Kubernetes and workflow YAML, then the MCP launch and publication files. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readText, repoPath } from '../core/files.js';
import { ProjectEnvs } from '../core/compose-env.js';
import { builtImageFor, provenProfileFor, type BuiltTarget } from '../core/mcp/built-image.js';
import type { ScanRun, ScanState } from './scan-state.js';

/** Bytes of a YAML or JSON file read at most (the YAML engine's 64 MiB limit, plus one to tell "above"). */
const YAML_READ_LIMIT = 64 * 1024 * 1024 + 1;

/** Checks the YAML files; returns how many were checked. */
export function scanYamlFiles(s: ScanState, run: ScanRun, yamlFiles: readonly string[]): number {
  const { root, deps, config } = run;
  let checked = 0;
  const projectEnvs = new ProjectEnvs(root);
  const envErrors = new Set<string>();
  const charts = new Map<string, boolean>();
  for (const abs of yamlFiles) {
    const rel = repoPath(root, abs);
    const r = readText(abs, YAML_READ_LIMIT);
    if (!r.ok) {
      // fail closed: a file that could not be read may be any of the kinds we check
      s.inputError(rel, r.line, `${r.message}${/too large|above/i.test(r.message) ? ': split it into several files and scan again' : ''}`, 'repository');
      s.coverage.notChecked(rel, 'yaml', r.message);
      continue;
    }
    const kind = deps.yaml!.classify(rel, r.text, { chartTemplate: inHelmChartTemplates(root, rel, charts) });
    if (!kind) {
      s.coverage.notApplicable(rel, 'yaml', 'neither a compose file, a Kubernetes object nor a workflow');
      continue;
    }
    if (kind === 'helm-template') {
      deps.logger.info(`${rel}: Helm chart template not checked (render it: helm template <chart> | mcg scan --stdin)`);
      s.coverage.notChecked(rel, 'helm-template', 'a Helm chart template: render it and check the output (helm template <chart> | mcg scan --stdin)');
      continue;
    }
    if (kind !== 'k8s') s.coverage.checked(rel, kind);
    // non-UTF-8 bytes (U+FFFD after decoding) are reported by the YAML engine at their line
    s.keepLines(rel, r.text);
    // compose interpolates with the project's .env only (never this process's environment)
    const pe = kind === 'compose' ? projectEnvs.of(abs) : undefined;
    if (pe?.error && !envErrors.has(pe.error.path)) {
      envErrors.add(pe.error.path);
      s.inputError(pe.error.path, pe.error.line, pe.error.message, 'repository');
    }
    const res = deps.yaml!.check({ path: rel, text: r.text, kind, target: 'repository', ...(pe ? { env: pe.env } : {}) }, config.rules);
    for (const n of res.notes) deps.logger.info(n);
    if (kind === 'k8s' && res.notKubernetes) {
      s.coverage.notApplicable(rel, 'yaml', 'no document is a Kubernetes object (no apiVersion and kind), nor a compose file or workflow');
      continue;
    }
    checked++;
    s.addChecked(res.findings, kind);
    // a Kubernetes file counts as checked only once a document in it was an object
    if (kind === 'k8s') s.coverage.checked(rel, kind);
  }
  return checked;
}

/** Checks the MCP files (server.json, client configs, catalog entries, README fences); returns how many were checked. */
export function scanMcpFiles(s: ScanState, run: ScanRun, mcpFiles: readonly string[], built: readonly BuiltTarget[]): number {
  const { root, deps, config } = run;
  let checked = 0;
  for (const abs of mcpFiles) {
    const rel = repoPath(root, abs);
    const r = readText(abs);
    const mcpKind = /\.(md|markdown)$/i.test(rel) ? 'markdown' : 'mcp-config';
    if (!r.ok) {
      s.inputError(rel, r.line, r.message, 'repository');
      s.coverage.notChecked(rel, mcpKind, r.message);
      continue;
    }
    checked++;
    s.coverage.checked(rel, mcpKind);
    // JSONC and YAML take `# mcg-ignore` inside their comments (`// # mcg-ignore MCG508 reason`)
    s.keepLines(rel, r.text);
    const res = deps.mcp!.check({ path: rel, text: r.text, target: 'repository', image: builtImageFor(rel, built), profile: provenProfileFor(rel, built) }, config.rules);
    s.addChecked(res.findings, mcpKind);
  }
  return checked;
}

/**
 * True when the file lies under the `templates/` directory of a Helm chart: some ancestor
 * directory is called `templates` and has a `Chart.yaml` beside it. Answers are cached per directory.
 */
function inHelmChartTemplates(root: string, rel: string, cache: Map<string, boolean>): boolean {
  const parts = rel.split('/');
  for (let i = parts.length - 2; i >= 0; i--) {
    if (parts[i] !== 'templates') continue;
    const chartDir = parts.slice(0, i).join('/');
    let yes = cache.get(chartDir);
    if (yes === undefined) {
      yes = existsSync(join(root, chartDir, 'Chart.yaml'));
      cache.set(chartDir, yes);
    }
    if (yes) return true;
  }
  return false;
}
