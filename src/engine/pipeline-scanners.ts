/** The pipeline's parallel stages on the image: Trivy (and the SBOM), TruffleHog on the image and on the build context, the image rules, the runtime probe. */
import { join } from 'node:path';
import type { Finding, Logger } from '../core/types.js';
import type { Stage } from '../core/dockerfile/model.js';
import { listContext, readTextFile, underRoot } from '../core/files.js';
import { mapLayers } from '../core/image/layer-map.js';
import { DEFAULT_PROBE } from '../core/probe/options.js';
import { checkImage } from '../rules/image/index.js';
import { writeLayerSubset } from '../scanners/tar-subset.js';
import { lockfileKind, type Lockfile } from '../scanners/lockfiles.js';
import { dbAgeProblem, runTrivyWithRetry } from './trivy-db-retry.js';
import { runSbom } from '../scanners/sbom.js';
import * as trufflehog from '../scanners/trufflehog.js';
import { runProbe, type ProbeRunInput } from './probe-run.js';
import type { Baseline } from '../core/merge.js';
import type { PipelineRun, ReadImage, ResolvedTool, StageResult } from './pipeline-types.js';
import { appendAll } from '../core/arrays.js';

/** A resolved TruffleHog, or why it could not be had. */
export type ThTool = { ok: true; t: ResolvedTool } | { ok: false; e: string };

/** The image stages' input: the tarball, the final stage, and the image as it is read (awaited by each stage when it needs it). */
export interface ImageInput {
  tar: string;
  final: Stage;
  mapped: () => Promise<ReadImage>;
  /** The image's name for the report and the SBOM. */
  image?: string;
}

export function lockfilesOf(root: string, contextRepo: string, logger: Logger): Lockfile[] {
  const abs = join(root, contextRepo);
  const out: Lockfile[] = [];
  let files: string[];
  try {
    files = listContext(abs);
  } catch {
    return out;
  }
  const wanted = files
    .filter((f) => !f.endsWith('/') && lockfileKind(f.slice(f.lastIndexOf('/') + 1)) !== undefined)
    .sort((a, b) => a.split('/').length - b.split('/').length || a.localeCompare(b))
    .slice(0, 50);
  for (const f of wanted) {
    const r = readTextFile(join(abs, f), 20 * 1024 * 1024);
    if (!r.ok) {
      logger.debug(`lockfile ${f} not read: ${r.message}`);
      continue;
    }
    out.push({ path: contextRepo === '.' || contextRepo === '' ? f : `${contextRepo}/${f}`, lines: r.lines });
  }
  return out;
}

export async function trivyStage(run: PipelineRun, tool: { trivy: Promise<ResolvedTool>; db: Promise<void> | undefined }, input: ImageInput, lockfiles: Lockfile[]): Promise<StageResult> {
  const { opts, config, target, timings, env, timeoutMs, exec } = run;
  const out: StageResult = { findings: [], scanners: [] };
  let t: ResolvedTool;
  try {
    t = await tool.trivy;
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    out.findings.push(run.fail('trivy', `Trivy is not available: ${msg}`, 'resolve'));
    out.scanners.push({ name: 'trivy', status: 'failed', reason: msg });
    return out;
  }
  await tool.db;
  const trivyCtx = input.mapped().then((m) => ({ dockerfile: target.dockerfile, target: target.name, layers: m.layers, lockfiles }));
  const r = await runTrivyWithRetry(
    run,
    {
      trivy: t.path,
      input: input.tar,
      cacheDir: run.deps.tools.trivyCacheDir,
      offline: opts.offline,
      ignoreUnfixed: opts.ignoreUnfixed || config.trivy.ignoreUnfixed,
      vex: (opts.vex ?? []).map((p) => underRoot(opts.root, p)),
      timeoutMs: config.trivy.timeoutMinutes ? config.trivy.timeoutMinutes * 60_000 : timeoutMs,
      env,
      listAllPackages: opts.sbom !== undefined,
      dbRepositories: opts.trivyDb?.repositories,
      javaDbRepositories: opts.trivyDb?.javaRepositories,
    },
    trivyCtx,
  );
  const tooOld = r.failure ? undefined : dbAgeProblem(run, run.deps.tools.trivyCacheDir);
  if (tooOld) out.findings.push(run.fail('trivy', tooOld, 'db-age'));
  if (opts.sbom && r.output !== undefined && !r.failure) {
    const s = await runSbom(exec, { trivy: t.path, tmp: run.tmp, env, timeoutMs }, { json: r.output, formats: opts.sbom.formats, image: { tarName: input.tar, name: input.image } }, await trivyCtx);
    timings.sbomMs = s.durationMs;
    for (const m of s.failures) out.findings.push(run.fail('trivy', `The SBOM could not be made: ${m}`, 'sbom'));
    opts.sbom.onSbom({ target: target.name, dockerfile: target.dockerfile, image: input.image, documents: s.documents, packages: s.packages });
  }
  timings.trivyMs = r.durationMs;
  appendAll(out.findings, r.findings);
  if (r.failure) {
    out.findings.push(run.fail('trivy', r.failure, 'run'));
    out.scanners.push({ name: 'trivy', status: 'failed', reason: r.failure, version: t.version, durationMs: r.durationMs });
  } else out.scanners.push({ name: 'trivy', status: 'ran', version: t.version, durationMs: r.durationMs });
  return out;
}

export async function trufflehogImageStage(run: PipelineRun, thTool: Promise<ThTool>, input: ImageInput): Promise<StageResult> {
  const out: StageResult = { findings: [], scanners: [], failures: [] };
  const tool = await thTool;
  if (!tool.ok) return out; // reported once, with the context scan
  const thTar = run.verify ? input.tar : await ownLayersTar(run, input);
  const r = await trufflehog.runImage(
    run.exec,
    thTar,
    { trufflehog: tool.t.path, verify: run.verify, timeoutMs: run.thTimeout, env: run.env, excludePaths: run.verify ? undefined : trufflehog.IMAGE_NOISE_GLOBS, onSecret: run.deps.onSecret },
    input.mapped().then((m) => ({
      dockerfile: run.target.dockerfile,
      target: run.target.name,
      layers: m.layers,
      layerOfPath: m.img ? m.img.layerOfPath : () => undefined,
    })),
  );
  run.timings.trufflehogImageMs = r.durationMs;
  appendAll(out.findings, r.findings);
  if (r.dropped > 0) run.deps.logger.info(`TruffleHog: ${r.dropped} unverified hit(s) in package-manager files or base-image layers left out as noise`);
  if (r.failure) {
    out.findings.push(run.fail('trufflehog', r.failure, 'image'));
    out.failures!.push(r.failure);
  }
  return out;
}

/** TruffleHog on the build context: needs no image, so it starts first. */
export async function trufflehogContextStage(run: PipelineRun, thTool: Promise<ThTool>, excludeFile: string): Promise<StageResult> {
  const out: StageResult = { findings: [], scanners: [], failures: [] };
  const tool = await thTool;
  const r = !tool.ok
    ? { findings: [] as Finding[], failure: tool.e, durationMs: 0 }
    : await trufflehog.runFilesystem(
        run.exec,
        { trufflehog: tool.t.path, verify: run.verify, timeoutMs: run.thTimeout, env: run.env, excludeFile, onSecret: run.deps.onSecret },
        { scannedDir: join(run.opts.root, run.target.context), repoDir: run.target.context, target: run.target.name },
      );
  run.timings.trufflehogContextMs = r.durationMs;
  appendAll(out.findings, r.findings);
  if (r.failure) {
    out.findings.push(run.fail('trufflehog', !tool.ok ? `TruffleHog is not available: ${r.failure}` : r.failure, 'context'));
    out.failures!.push(r.failure);
  }
  return out;
}

export async function imageChecksStage(run: PipelineRun, input: ImageInput, builtHere: boolean): Promise<StageResult> {
  const m = await input.mapped();
  if (!m.img) return { findings: [], scanners: [] };
  const { opts, config, target } = run;
  const tc = Date.now();
  const findings = checkImage(
    { image: m.img, path: target.dockerfile, model: run.model, final: input.final, layers: m.layers, sizeBudget: config.imageSizeBudget, built: builtHere ? { buildArgs: opts.buildArgs ?? {} } : undefined },
    target.name,
    config.rules,
  );
  run.timings.imageChecksMs = Date.now() - tc;
  return { findings, scanners: [], info: { imageDigest: m.img.id, imageSize: m.img.size } };
}

/** The baseline's tool surface for a target, or why there is none (only a report JSON baseline records one). */
export function baselineSurface(b: Baseline | undefined, target: string): ProbeRunInput['baseline'] {
  if (!b) return { none: 'no baseline' };
  if (!b.surfaces) return { none: b.source === 'code-scanning' ? 'the baseline is code-scanning SARIF, which records no tool surface (pass the base branch\'s report JSON as the baseline)' : 'the baseline file records no tool surface (a SARIF log, or a report from before the probe)' };
  const tools = b.surfaces.get(target);
  return tools ? { tools } : { none: `the baseline has no probe of ${target} that completed a handshake` };
}

export async function probeStage(run: PipelineRun, input: ImageInput, runRef: string | undefined): Promise<StageResult> {
  const m = await input.mapped();
  const { deps, target, config } = run;
  const r = await runProbe(
    { exec: run.exec, docker: deps.tools.docker, env: run.env, logger: deps.logger },
    {
      image: runRef,
      noImage: 'an image-tar input is not loaded into the container engine',
      imageUser: m.img?.config.user ?? '',
      path: target.dockerfile,
      model: run.model,
      final: input.final,
      target: target.name,
      settings: config.rules,
      options: run.opts.probe ?? DEFAULT_PROBE,
      baseline: baselineSurface(run.opts.baseline, target.name),
    },
  );
  return { findings: r.findings, scanners: [], coverage: r.coverage ? [r.coverage] : [], info: r.summary ? { probe: r.summary } : {} };
}

/**
 * Without verification every TruffleHog hit in a base-image layer is dropped as noise
 * (trufflehog.parseImage), so TruffleHog reads only the layers the Dockerfile made: a copy of the
 * tarball with those layers (the base layers are most of an image). Falls back to the whole
 * tarball when the layers cannot be told apart or the copy fails.
 */
async function ownLayersTar(run: PipelineRun, input: ImageInput): Promise<string> {
  const t0 = Date.now();
  const out = join(run.tmp, 'image-own-layers.tar');
  try {
    const sub = await writeLayerSubset(input.tar, out, (im) => {
      const lm = mapLayers(run.model, input.final, im.history, im.diffIds);
      return (i) => lm.layers[i]?.site.base !== true;
    });
    if (!sub) return input.tar;
    run.deps.logger.debug(`TruffleHog reads the ${sub.kept.length} of ${sub.total} image layers the Dockerfile made (${sub.bytes} bytes)`);
    return out;
  } catch (e) {
    run.deps.logger.debug(`TruffleHog reads the whole image: the own-layer copy failed: ${e instanceof Error ? e.message : String(e)}`);
    return input.tar;
  } finally {
    run.timings.layerSubsetMs = Date.now() - t0;
  }
}
