/**
 * Wires the image pipeline for a runtime (CLI or action): tool resolution (memoised per run), the
 * Trivy cache directory and the docker build extra arguments, all read from an environment map.
 */
import { homedir, tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import type { Exec, Logger } from '../core/types.js';
import { splitExtraArgs } from '../scanners/docker.js';
import { ScanPipeline, type PipelineTools, type ResolvedTool, type TrivyDbCache } from './pipeline.js';
import { directoryCache, fetchDownloader, resolveTool, type Downloader, type ToolCache, type ToolName } from '../scanners/tools.js';

export interface PipelineSetup {
  exec: Exec;
  logger: Logger;
  env: Record<string, string | undefined>;
  /** Explicit tool paths (action inputs); else MCG_TRIVY / MCG_TRUFFLEHOG from env. */
  trivyPath?: string;
  trufflehogPath?: string;
  trivyVersion?: string;
  trufflehogVersion?: string;
  cache?: ToolCache;
  download?: Downloader;
  trivyCacheDir?: string;
  /** Receives each raw secret value a scanner reported (the action masks them); never stored. */
  onSecret?: (raw: string) => void;
  /** Restores Trivy's DB before Trivy runs (the action's @actions/cache). */
  trivyCache?: TrivyDbCache;
}

export function pipelineTools(s: PipelineSetup): PipelineTools {
  const env = s.env;
  const cacheHome = env['XDG_CACHE_HOME'] ?? join(homedir(), '.cache');
  const cache = s.cache ?? directoryCache(join(cacheHome, 'mcp-container-guard', 'tools'));
  const memo = new Map<ToolName, Promise<ResolvedTool>>();
  const get = (tool: ToolName, explicit: string | undefined, version: string | undefined, exec: Exec): Promise<ResolvedTool> => {
    let p = memo.get(tool);
    if (!p) {
      p = resolveTool(tool, {
        exec,
        logger: s.logger,
        explicitPath: explicit,
        version,
        pathDirs: (env['PATH'] ?? '').split(delimiter).filter(Boolean),
        cache,
        download: s.download ?? fetchDownloader,
        tmpDir: join(tmpdir(), `mcg-tools-${process.pid}`),
      });
      memo.set(tool, p);
    }
    return p;
  };
  return {
    docker: env['MCG_DOCKER'] ?? 'docker',
    trivy: (exec) => get('trivy', s.trivyPath ?? env['MCG_TRIVY'], s.trivyVersion, exec),
    trufflehog: (exec) => get('trufflehog', s.trufflehogPath ?? env['MCG_TRUFFLEHOG'], s.trufflehogVersion, exec),
    trivyCacheDir: s.trivyCacheDir ?? env['MCG_TRIVY_CACHE_DIR'] ?? env['TRIVY_CACHE_DIR'] ?? join(cacheHome, 'trivy'),
  };
}

export function createPipeline(s: PipelineSetup): ScanPipeline {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(s.env)) if (v !== undefined) env[k] = v;
  return new ScanPipeline({
    exec: s.exec,
    logger: s.logger,
    tools: pipelineTools(s),
    env,
    buildExtraArgs: splitExtraArgs(s.env['MCG_DOCKER_BUILD_EXTRA_ARGS']),
    onSecret: s.onSecret,
    trivyCache: s.trivyCache,
  });
}
