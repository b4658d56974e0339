/** The pipeline's first stages: the image as a `docker save` tarball (built, given, or a given tarball), then read once. */
import { basename, join } from 'node:path';
import type { Stage } from '../core/dockerfile/model.js';
import { mapLayers } from '../core/image/layer-map.js';
import * as docker from '../scanners/docker.js';
import { readImageTar } from '../scanners/image-tar.js';
import type { PipelineRun, ReadImage, StageResult } from './pipeline-types.js';
import { cacheArgs, resolveBuildCache } from '../core/build-cache.js';

/** The `--cache-from` / `--cache-to` words for this build, with a log line saying what was chosen and why. */
async function buildCacheArgs(run: PipelineRun, buildx: boolean): Promise<string[]> {
  const c = run.opts.buildCache;
  if (!c || (c.from === 'off' && c.to === 'off')) return [];
  const env = run.env;
  const actionsCache = env['GITHUB_ACTIONS'] === 'true' && !!env['ACTIONS_RUNTIME_TOKEN'] && !!(env['ACTIONS_CACHE_URL'] || env['ACTIONS_RESULTS_URL']);
  const wanted = c.from !== 'auto' || c.to !== 'auto' || actionsCache;
  const driver = buildx && wanted ? await docker.buildxDriver(run.exec, run.deps.tools.docker, env) : undefined;
  const r = resolveBuildCache(c, {
    dockerfile: run.target.dockerfile,
    buildTarget: run.opts.buildTarget,
    buildx,
    driver,
    actionsCache,
    readOnly: c.readOnly === true,
    defaultBranch: c.defaultBranch === true,
  });
  for (const n of r.notes) run.deps.logger.info(n);
  return cacheArgs(r);
}

/** The image as a tarball, and what the later stages need to know of where it came from. */
export interface AcquiredImage extends StageResult {
  tar?: string;
  /** The image the engine has, for the runtime probe (an image-tar input is not loaded into it). */
  runRef?: string;
  /** The image checks compare the image with our reading only when we built it (MCG992). */
  builtHere: boolean;
  /** The image's name for the report (tag, reference or tarball name). */
  image?: string;
}

export async function acquireImage(run: PipelineRun, contextAbs: string): Promise<AcquiredImage> {
  const { opts, target, timings, env, timeoutMs } = run;
  const out: AcquiredImage = { findings: [], scanners: [], builtHere: false };
  if (opts.imageTar) return { ...out, tar: opts.imageTar, image: basename(opts.imageTar) };
  const tools = run.deps.tools;
  let ref = opts.image;
  if (!ref) {
    const tag = docker.imageTag(target.dockerfile, target.context, opts.buildTarget);
    const buildx = env['DOCKER_BUILDKIT'] !== '0' && (await docker.hasBuildx(run.exec, tools.docker, env));
    const b = await docker.build(
      run.exec,
      { docker: tools.docker, env, timeoutMs },
      {
        context: contextAbs,
        dockerfile: join(opts.root, target.dockerfile),
        target: opts.buildTarget,
        buildArgs: opts.buildArgs,
        platform: opts.platform,
        tag,
        extraArgs: run.deps.buildExtraArgs,
        buildx,
        cacheArgs: await buildCacheArgs(run, buildx),
      },
    );
    timings.buildMs = b.durationMs;
    if (!b.ok) {
      const f = docker.parseBuildFailure(b.output, run.model, target.dockerfile);
      out.findings.push(run.fail('docker', `The image build failed: ${b.failure}. ${f.message}`, 'build', f.line));
      out.scanners.push({ name: 'docker', status: 'failed', reason: b.failure, durationMs: b.durationMs });
      return out;
    }
    ref = tag;
    out.builtHere = true;
  }
  out.image = ref;
  const tarPath = join(run.tmp, 'image.tar');
  const s = await docker.save(run.exec, { docker: tools.docker, env, timeoutMs }, ref, tarPath);
  timings.saveMs = s.durationMs;
  if (!s.ok) {
    out.findings.push(run.fail('docker', s.failure ?? 'docker save failed', 'save'));
    out.scanners.push({ name: 'docker', status: 'failed', reason: s.failure, durationMs: timings.buildMs + s.durationMs });
    return out;
  }
  out.scanners.push({ name: 'docker', status: 'ran', durationMs: timings.buildMs + s.durationMs });
  return { ...out, tar: tarPath, runRef: ref };
}

/** Reads the tarball once (the scanners, which read the same file, already run meanwhile). */
export async function readImage(run: PipelineRun, tar: string, final: Stage): Promise<ReadImage & StageResult> {
  const tr = Date.now();
  try {
    const i = await readImageTar(tar);
    for (const u of i.unreadableLayers) run.deps.logger.warning(`image layer not read: ${u}`);
    return { img: i, layers: mapLayers(run.model, final, i.history, i.diffIds), findings: [], scanners: [] };
  } catch (e) {
    const failed = run.fail('image reader', `The image tarball could not be read: ${e instanceof Error ? e.message : String(e)}`, 'read-tar');
    // the scanners' results still land somewhere real: the final FROM
    return { layers: mapLayers(run.model, final, [], []), findings: [failed], scanners: [] };
  } finally {
    run.timings.readTarMs = Date.now() - tr;
  }
}
