/**
 * One scan: discover files, run the in-process checks (and, when an image pipeline is injected,
 * build the image and run the scanners), then merge into a Report. Shared by the CLI and the action.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Report, ScannerStatus } from '../core/types.js';
import { loadVex } from '../core/vex/scan-vex.js';
import { confine, newListings, readTextFile, repoPath } from '../core/files.js';
import { discover } from '../core/discover.js';
import { ConfigError, defaultConfig, parseConfig, type McgConfig } from '../core/config.js';
import { mergeFindings } from '../core/merge.js';
import { DEFAULT_POLICY } from '../core/policy.js';
import type { ScanDeps, ScanOptions } from './scan-types.js';
import { ScanState, type ScanRun } from './scan-state.js';
import { scanDockerfiles } from './scan-dockerfiles.js';
import { scanMcpFiles, scanYamlFiles } from './scan-manifests.js';
import { withRuleTable } from './rule-table.js';

export type { ImagePipeline, ImageScanResult, McpChecker, ScanDeps, ScanOptions, YamlChecker } from './scan-types.js';
export { isDockerfileName, UsageError, type DockerfileTarget } from '../core/discover.js';

export function loadConfig(root: string, configPath?: string): McgConfig {
  const rel = configPath ?? (existsSync(join(root, '.mcg.yml')) ? '.mcg.yml' : existsSync(join(root, '.mcg.yaml')) ? '.mcg.yaml' : undefined);
  if (!rel) return defaultConfig();
  const abs = confine(root, rel, 'config');
  const r = readTextFile(abs, 1024 * 1024);
  if (!r.ok) throw new ConfigError(`${repoPath(root, abs)}:${r.line}: ${r.message}`, repoPath(root, abs), r.line);
  return parseConfig(repoPath(root, abs), r.text);
}

export async function scan(opts: ScanOptions, deps: ScanDeps): Promise<Report> {
  const startedAt = new Date();
  const root = confine(opts.root, '.', 'workspace');
  const config = loadConfig(root, opts.configPath);
  const policy = {
    threshold: opts.severityThreshold ?? config.severityThreshold ?? DEFAULT_POLICY.threshold,
    failOn: opts.failOn ?? config.failOn ?? DEFAULT_POLICY.failOn,
  };

  const s = new ScanState();
  if (config.file) {
    const r = readTextFile(join(root, config.file), 1024 * 1024);
    if (r.ok) s.fileLines.set(config.file, r.lines);
  }
  const vex = loadVex(root, opts.vex ?? []);
  for (const e of vex.errors) {
    s.inputError(e.path, e.line, e.message, 'repository');
    s.coverage.notChecked(e.path, 'json', e.message);
  }
  for (const p of vex.paths) s.coverage.checked(p, 'json');

  // 1. Discover (the walk keeps its directory listings for the build contexts below)
  const listings = newListings();
  const { dockerfiles, yamlFiles, mcpFiles, unread } = discover({
    root,
    path: opts.path,
    dockerfiles: opts.dockerfiles,
    dockerfileGlobs: opts.dockerfileGlobs,
    context: opts.context,
    include: config.include,
    exclude: config.exclude,
    yaml: opts.manifests !== false && deps.yaml !== undefined,
    mcp: opts.manifests !== false && deps.mcp ? (rel) => deps.mcp!.wants(rel) : undefined,
    listings,
  });

  // a directory the walk could not read (or its file limit) is "not checked" like a file: fail closed
  for (const u of unread) {
    const rel = repoPath(root, u.path);
    s.inputError(rel, 1, u.message, 'repository');
    s.coverage.notChecked(rel, 'directory', u.message);
  }

  const run: ScanRun = { root, opts, deps, config, vex, listings };
  const mcgStatus: ScannerStatus = { name: 'mcg', status: 'ran' };
  const t0 = Date.now();
  // 2. Dockerfiles (static, and with the image when a pipeline is given)
  const df = await scanDockerfiles(s, run, dockerfiles);
  // 3. Compose, Kubernetes, workflows
  const yamlChecked = scanYamlFiles(s, run, yamlFiles);
  // 4. MCP launch and publication files (server.json, client configs, catalog entries, README fences)
  const mcpChecked = scanMcpFiles(s, run, mcpFiles, df.built);
  // the image pipeline reports its own scanners' times; mcg's own time excludes it
  mcgStatus.durationMs = Date.now() - t0 - df.pipelineMs;
  s.scanners.unshift(mcgStatus);
  if (!opts.build && !opts.image && !opts.imageTar) {
    const why = 'static checks only (--no-build)';
    if (opts.scanners.trivy) s.scanners.push({ name: 'trivy', status: 'skipped', reason: why });
    if (opts.scanners.trufflehog) s.scanners.push({ name: 'trufflehog', status: 'skipped', reason: why });
  }

  return withRuleTable(
    mergeFindings({
      root,
      startedAt,
      now: opts.now ?? new Date(),
      policy,
      findings: s.findings,
      targets: s.targets,
      scanners: s.scanners,
      fileLines: s.fileLines,
      ignores: config.ignore,
      baseline: opts.baseline,
      inputErrors: s.inputErrors,
      checkedFiles: df.checked + yamlChecked + mcpChecked,
      coverage: s.coverage.entries(),
    }),
  );
}
