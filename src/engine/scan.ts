/**
 * One scan: discover files, run the in-process checks (and, when an image pipeline is injected,
 * build the image and run the scanners), then merge into a Report. Shared by the CLI and the action.
 */
import { existsSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { CoverageEntry, Exec, FailOn, Finding, Logger, Report, ScannerStatus, Severity, TargetInfo } from '../core/types.js';
import type { ProbeOptions } from '../core/probe/options.js';
import { checkDockerfile } from './engine.js';
import { inputErrorFinding, type RuleSettings } from '../core/rule-hits.js';
import { parseDockerfile } from '../core/dockerfile/model.js';
import { dockerfileRules } from '../rules/index.js';
import { loadVex, settleVex } from '../core/vex/scan-vex.js';
import { builtImageFor, type BuiltTarget } from '../core/mcp/built-image.js';
import type { SbomRequest } from '../core/sbom.js';
import { confine, listContext, newListings, readText, readTextFile, repoPath, underRoot, type Listings } from '../core/files.js';
import { discover, type DockerfileTarget } from '../core/discover.js';
import { makeBuildContext } from '../core/build-context.js';
import { ConfigError, defaultConfig, parseConfig, type McgConfig } from '../core/config.js';
import { mergeFindings, type Baseline } from '../core/merge.js';
import { DEFAULT_POLICY } from '../core/policy.js';
import { CoverageLedger } from '../core/coverage.js';
import { ProjectEnvs } from '../core/compose-env.js';
import type { BuildContextInfo, ImageFacts } from '../rules/types.js';

export interface ScanOptions {
  /** Workspace root (absolute). Every path is confined to it. */
  root: string;
  /** What to scan below root (default: root itself). */
  path?: string;
  /** Explicit Dockerfiles (relative to root); default: discovered below `path`. */
  dockerfiles?: string[];
  /** Globs (repository-relative) selecting the Dockerfiles instead of the default names. */
  dockerfileGlobs?: string[];
  /** Build context for explicit Dockerfiles (default: the Dockerfile's directory). */
  context?: string;
  buildTarget?: string;
  buildArgs?: Record<string, string>;
  platform?: string;
  /** Build the image(s) and run the image checks and scanners (needs an image pipeline). */
  build: boolean;
  image?: string;
  imageTar?: string;
  scanners: { trivy: boolean; trufflehog: boolean };
  configPath?: string;
  severityThreshold?: Severity;
  failOn?: FailOn;
  baseline?: Baseline;
  ignoreUnfixed?: boolean;
  verifySecrets?: boolean;
  offline?: boolean;
  timeoutMs?: number;
  now?: Date;
  /** Also check compose files, Kubernetes manifests and workflows (default true). */
  manifests?: boolean;
  /** The runtime probe of the built image (default: auto). */
  probe?: ProbeOptions;
  /** VEX documents (repository paths, OpenVEX or CycloneDX) that decide on image vulnerabilities. */
  vex?: string[];
  /** The image's SBOM: which documents, and who receives them (issue #22). */
  sbom?: SbomRequest;
}

/** What the image pipeline (src/scanners) returns for one Dockerfile target. */
export interface ImageScanResult {
  findings: Finding[];
  scanners: ScannerStatus[];
  image?: ImageFacts;
  info: Partial<TargetInfo>;
  /** Extra repository files findings point at (lockfiles), for inline suppressions. */
  files?: Map<string, string[]>;
  /** Ledger lines the pipeline adds (the runtime probe: checked, or not checked and why). */
  coverage?: CoverageEntry[];
}

export interface ImagePipeline {
  run(target: DockerfileTarget, opts: ScanOptions, config: McgConfig): Promise<ImageScanResult>;
}

export interface ScanDeps {
  logger: Logger;
  exec: Exec;
  imagePipeline?: ImagePipeline;
  /** Checks for compose/Kubernetes/workflow YAML (src/engine/yaml-engine.ts), when present. */
  yaml?: YamlChecker;
  /** Checks for MCP launch and publication files (src/engine/mcp-engine.ts), when present. */
  mcp?: McpChecker;
}

export interface McpChecker {
  /** True when the repository-relative path names a file the checker reads. */
  wants(path: string): boolean;
  /** `image`: the image this scan built that a server.json describes (src/core/mcp/built-image.ts). */
  check(input: { path: string; text: string; target: string; image?: { ref?: string; labels: Readonly<Record<string, string>> } }, settings?: RuleSettings): { findings: Finding[]; fatal: boolean };
}

/** The lines of a file that holds no inline suppression: the suppression pass finds nothing in either. */
const NO_LINES: readonly string[] = Object.freeze([]);

export interface YamlChecker {
  classify(path: string, text: string, place?: { chartTemplate?: boolean }): 'compose' | 'k8s' | 'workflow' | 'helm-template' | undefined;
  check(input: { path: string; text: string; kind: 'compose' | 'k8s' | 'workflow'; target: string; env?: ReadonlyMap<string, string> }, settings?: RuleSettings): {
    findings: Finding[];
    fatal: boolean;
    notes: string[];
    /** For kind `k8s`: no document is a Kubernetes object. */
    notKubernetes?: boolean;
  };
}

export { isDockerfileName, UsageError, type DockerfileTarget } from '../core/discover.js';

export function loadConfig(root: string, configPath?: string): McgConfig {
  const rel = configPath ?? (existsSync(join(root, '.mcg.yml')) ? '.mcg.yml' : existsSync(join(root, '.mcg.yaml')) ? '.mcg.yaml' : undefined);
  if (!rel) return defaultConfig();
  const abs = confine(root, rel, 'config');
  const r = readTextFile(abs, 1024 * 1024);
  if (!r.ok) throw new ConfigError(`${repoPath(root, abs)}:${r.line}: ${r.message}`, repoPath(root, abs), r.line);
  return parseConfig(repoPath(root, abs), r.text);
}

function contextInfo(
  root: string,
  contextAbs: string,
  dockerfileAbs: string,
  cache: Map<string, ContextListing>,
  listings: Listings,
): BuildContextInfo {
  const dir = repoPath(root, contextAbs);
  // the Dockerfile was just read from its own directory: that context exists without a stat
  const exists =
    contextAbs === dirname(dockerfileAbs) ||
    (cache.has(contextAbs) ? cache.get(contextAbs)!.files !== undefined : statSync(contextAbs, { throwIfNoEntry: false })?.isDirectory() === true);
  if (!exists) return makeBuildContext(dir, [], undefined, false);
  return new LazyContext(root, dir, contextAbs, dockerfileAbs, cache, listings);
}

/**
 * A build context whose listing (a walk of the context) and .dockerignore are only built when a
 * rule reads them (MCG014, on a whole-context COPY): most Dockerfiles never need it. A class, so
 * that every context has one shape: an object literal with getters got a shape of its own per
 * file, and the rule's reads of it went the slow way.
 */
class LazyContext implements BuildContextInfo {
  readonly exists = true;
  private built: BuildContextInfo | undefined = undefined;
  constructor(
    private readonly root: string,
    readonly dir: string,
    private readonly contextAbs: string,
    private readonly dockerfileAbs: string,
    private readonly cache: Map<string, ContextListing>,
    private readonly listings: Listings,
  ) {}
  private get(): BuildContextInfo {
    return (this.built ??= listedContext(this.root, this.dir, this.contextAbs, this.dockerfileAbs, this.cache, this.listings));
  }
  get files(): readonly string[] {
    return this.get().files;
  }
  get dockerignore(): BuildContextInfo['dockerignore'] {
    return this.get().dockerignore;
  }
  ignored(rel: string): boolean {
    return this.get().ignored(rel);
  }
}

function listedContext(
  root: string,
  dir: string,
  contextAbs: string,
  dockerfileAbs: string,
  cache: Map<string, ContextListing>,
  listings: Listings,
): BuildContextInfo {
  let listing = cache.get(contextAbs);
  if (!listing) {
    // one listing per context; the listing also tells which .dockerignore files exist
    const isDir = listings.dirs.has(contextAbs) || statSync(contextAbs, { throwIfNoEntry: false })?.isDirectory() === true;
    const files = isDir ? listContext(contextAbs, undefined, listings) : undefined;
    listing = { files, names: new Set(files) };
    cache.set(contextAbs, listing);
  }
  if (!listing.files) return makeBuildContext(dir, [], undefined, false);
  // BuildKit: <Dockerfile>.dockerignore next to the Dockerfile wins over the context's .dockerignore
  const own = `${dockerfileAbs}.dockerignore`;
  const ownRel = dirname(own) === contextAbs ? basename(own) : undefined;
  const ownExists = ownRel !== undefined ? listing.names.has(ownRel) : existsSync(own);
  const igPath = ownExists ? own : listing.names.has('.dockerignore') ? join(contextAbs, '.dockerignore') : undefined;
  let ig: { path: string; text: string } | undefined;
  if (igPath) {
    const r = readTextFile(igPath, 1024 * 1024);
    if (r.ok) ig = { path: repoPath(root, igPath), text: r.text };
  }
  return makeBuildContext(dir, listing.files, ig);
}

interface ContextListing {
  /** undefined: the context is not a directory. */
  files: string[] | undefined;
  names: Set<string>;
}

export async function scan(opts: ScanOptions, deps: ScanDeps): Promise<Report> {
  const startedAt = new Date();
  const root = confine(opts.root, '.', 'workspace');
  const config = loadConfig(root, opts.configPath);
  const policy = {
    threshold: opts.severityThreshold ?? config.severityThreshold ?? DEFAULT_POLICY.threshold,
    failOn: opts.failOn ?? config.failOn ?? DEFAULT_POLICY.failOn,
  };

  const findings: Finding[] = [];
  const fileLines = new Map<string, readonly string[]>();
  const inputErrors: { path: string; line: number; message: string }[] = [];
  const targets: TargetInfo[] = [];
  const scanners: ScannerStatus[] = [];
  const coverage = new CoverageLedger();
  if (config.file) {
    const r = readTextFile(join(root, config.file), 1024 * 1024);
    if (r.ok) fileLines.set(config.file, r.lines);
  }
  const inputError = (path: string, line: number, message: string, target: string): void => {
    inputErrors.push({ path, line, message });
    findings.push(inputErrorFinding(path, line, message, target));
  };
  const vex = loadVex(root, opts.vex ?? []);
  for (const e of vex.errors) {
    inputError(e.path, e.line, e.message, 'repository');
    coverage.notChecked(e.path, 'json', e.message);
  }
  for (const p of vex.paths) coverage.checked(p, 'json');

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
    inputError(rel, 1, u.message, 'repository');
    coverage.notChecked(rel, 'directory', u.message);
  }

  // 2. Dockerfiles (static, and with the image when a pipeline is given)
  const contextCache = new Map<string, ContextListing>();
  const mcgStatus: ScannerStatus = { name: 'mcg', status: 'ran' };
  const t0 = Date.now();
  // the image pipeline reports its own scanners' times; mcg's own time excludes it
  let pipelineMs = 0;
  let dockerfilesChecked = 0;
  const built: BuiltTarget[] = [];
  for (const t of dockerfiles) {
    const abs = underRoot(root, t.dockerfile);
    const r = readText(abs, undefined, true);
    targets.push({ name: t.name, dockerfile: t.dockerfile, context: t.context });
    if (!r.ok) {
      inputError(t.dockerfile, r.line, r.message, t.name);
      coverage.notChecked(t.dockerfile, 'dockerfile', r.message);
      continue;
    }
    dockerfilesChecked++;
    coverage.checked(t.dockerfile, 'dockerfile');
    if (r.warning) {
      inputError(t.dockerfile, r.warning.line, r.warning.message, t.name);
      coverage.partial(t.dockerfile, 'dockerfile', `line ${r.warning.line}: ${r.warning.message}`);
    }
    // the lines serve inline suppressions only: a file without `mcg-ignore` has none to find
    fileLines.set(t.dockerfile, r.text.includes('mcg-ignore') ? r.text.split(/\r?\n/) : NO_LINES);
    t.text = r.text;
    // parsed once: the image pipeline and the rules read the same model
    t.model = parseDockerfile(t.dockerfile, r.text);
    const context = contextInfo(root, underRoot(root, t.context), abs, contextCache, listings);
    let image: ImageFacts | undefined;
    if (opts.build || opts.image || opts.imageTar) {
      if (!deps.imagePipeline) {
        findings.push({
          ...inputErrorFinding(t.dockerfile, 1, 'image scanning was requested but this build has no image pipeline', t.name),
          ruleId: 'MCG990',
          severity: 'critical',
          error: true,
        });
      } else {
        const p0 = Date.now();
        const res = await deps.imagePipeline.run(t, { ...opts, vex: vex.paths }, config);
        pipelineMs += Date.now() - p0;
        const imageNames = [res.info.image, opts.image].filter((n): n is string => !!n);
        for (const n of settleVex(res.findings, vex, { target: t.name, imageNames }, root)) deps.logger.warning(`${n.where}: ${n.message}`);
        findings.push(...res.findings);
        for (const s of res.scanners) scanners.push(s);
        Object.assign(targets[targets.length - 1]!, res.info);
        image = res.image;
        if (image?.labels) built.push({ context: t.context, dockerfile: t.dockerfile, labels: image.labels, ref: opts.image });
        for (const [p, l] of res.files ?? []) fileLines.set(p, l);
        for (const c of res.coverage ?? []) coverage.record(c);
      }
    }
    const res = checkDockerfile({ path: t.dockerfile, text: r.text, model: t.model, target: t.name, buildTarget: opts.buildTarget, context, image }, dockerfileRules, config.rules);
    for (const f of res.findings) {
      if (f.ruleId !== 'MCG991') continue;
      inputErrors.push({ path: f.location.path, line: f.location.startLine, message: f.message });
      coverage.partial(f.location.path, 'dockerfile', `line ${f.location.startLine}: ${f.message}`);
    }
    findings.push(...res.findings);
    // neither the text nor the model is kept past its own file: 10,000 retained models made the
    // garbage collector copy them again and again (~18% of the engine's time)
    t.text = undefined;
    t.model = undefined;
  }

  // 3. Compose, Kubernetes, workflows
  let yamlChecked = 0;
  const projectEnvs = new ProjectEnvs(root);
  const envErrors = new Set<string>();
  const charts = new Map<string, boolean>();
  for (const abs of yamlFiles) {
    const rel = repoPath(root, abs);
    const r = readText(abs, YAML_READ_LIMIT);
    if (!r.ok) {
      // fail closed: a file that could not be read may be any of the kinds we check
      inputError(rel, r.line, `${r.message}${/too large|above/i.test(r.message) ? ': split it into several files and scan again' : ''}`, 'repository');
      coverage.notChecked(rel, 'yaml', r.message);
      continue;
    }
    const kind = deps.yaml!.classify(rel, r.text, { chartTemplate: inHelmChartTemplates(root, rel, charts) });
    if (!kind) {
      coverage.notApplicable(rel, 'yaml', 'neither a compose file, a Kubernetes object nor a workflow');
      continue;
    }
    if (kind === 'helm-template') {
      deps.logger.info(`${rel}: Helm chart template not checked (render it: helm template <chart> | mcg scan --stdin)`);
      coverage.notChecked(rel, 'helm-template', 'a Helm chart template: render it and check the output (helm template <chart> | mcg scan --stdin)');
      continue;
    }
    yamlChecked++;
    if (kind !== 'k8s') coverage.checked(rel, kind);
    // non-UTF-8 bytes (U+FFFD after decoding) are reported by the YAML engine at their line
    // the lines serve inline suppressions only: a file without `mcg-ignore` has none to find
    fileLines.set(rel, r.text.includes('mcg-ignore') ? r.text.split(/\r?\n/) : NO_LINES);
    // compose interpolates with the project's .env only (never this process's environment)
    const pe = kind === 'compose' ? projectEnvs.of(abs) : undefined;
    if (pe?.error && !envErrors.has(pe.error.path)) {
      envErrors.add(pe.error.path);
      inputError(pe.error.path, pe.error.line, pe.error.message, 'repository');
    }
    const res = deps.yaml!.check({ path: rel, text: r.text, kind, target: 'repository', ...(pe ? { env: pe.env } : {}) }, config.rules);
    for (const n of res.notes) deps.logger.info(n);
    if (kind === 'k8s' && res.notKubernetes) {
      yamlChecked--;
      coverage.notApplicable(rel, 'yaml', 'no document is a Kubernetes object (no apiVersion and kind), nor a compose file or workflow');
      continue;
    }
    for (const f of res.findings) {
      if (f.ruleId !== 'MCG991') continue;
      inputErrors.push({ path: f.location.path, line: f.location.startLine, message: f.message });
      coverage.partial(f.location.path, kind, `line ${f.location.startLine}: ${f.message}`);
    }
    if (kind === 'k8s') coverage.checked(rel, kind);
    findings.push(...res.findings);
  }
  // 4. MCP launch and publication files (server.json, client configs, catalog entries, README fences)
  let mcpChecked = 0;
  for (const abs of mcpFiles) {
    const rel = repoPath(root, abs);
    const r = readText(abs);
    const mcpKind = /\.(md|markdown)$/i.test(rel) ? 'markdown' : 'mcp-config';
    if (!r.ok) {
      inputError(rel, r.line, r.message, 'repository');
      coverage.notChecked(rel, mcpKind, r.message);
      continue;
    }
    mcpChecked++;
    coverage.checked(rel, mcpKind);
    // JSONC and YAML take `# mcg-ignore` inside their comments (`// # mcg-ignore MCG508 reason`)
    fileLines.set(rel, r.text.includes('mcg-ignore') ? r.text.split(/\r?\n/) : NO_LINES);
    const res = deps.mcp!.check({ path: rel, text: r.text, target: 'repository', image: builtImageFor(rel, built) }, config.rules);
    for (const f of res.findings) {
      if (f.ruleId !== 'MCG991') continue;
      inputErrors.push({ path: f.location.path, line: f.location.startLine, message: f.message });
      coverage.partial(f.location.path, mcpKind, `line ${f.location.startLine}: ${f.message}`);
    }
    findings.push(...res.findings);
  }
  mcgStatus.durationMs = Date.now() - t0 - pipelineMs;
  scanners.unshift(mcgStatus);
  if (!opts.build && !opts.image && !opts.imageTar) {
    const why = 'static checks only (--no-build)';
    if (opts.scanners.trivy) scanners.push({ name: 'trivy', status: 'skipped', reason: why });
    if (opts.scanners.trufflehog) scanners.push({ name: 'trufflehog', status: 'skipped', reason: why });
  }

  return mergeFindings({
    root,
    startedAt,
    now: opts.now ?? new Date(),
    policy,
    findings,
    targets,
    scanners,
    fileLines,
    ignores: config.ignore,
    baseline: opts.baseline,
    inputErrors,
    checkedFiles: dockerfilesChecked + yamlChecked + mcpChecked,
    coverage: coverage.entries(),
  });
}

/** Bytes of a YAML or JSON file read at most (the YAML engine's 64 MiB limit, plus one to tell "above"). */
const YAML_READ_LIMIT = 64 * 1024 * 1024 + 1;

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
