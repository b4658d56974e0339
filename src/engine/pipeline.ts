/**
 * The image pipeline (DESIGN §7): build the image (or take --image / --image-tar), `docker save`
 * it once, read the tarball once, then run Trivy, TruffleHog on the image, TruffleHog on the build
 * context and the image checks in parallel. Every external process goes through the injected Exec;
 * a crash, timeout, non-zero exit or unreadable output becomes an MCG990 error finding and a
 * 'failed' scanner status while everything else is kept (fail-closed). Temp files live in one
 * per-run directory that is removed afterwards.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Exec, Finding, ScannerStatus } from '../core/types.js';
import type { DockerfileTarget } from '../core/discover.js';
import type { McgConfig } from '../core/config.js';
import { finalStage, parseDockerfile } from '../core/dockerfile/model.js';
import { DEFAULT_PROBE } from '../core/probe/options.js';
import { imageFactsOf } from '../scanners/image-tar.js';
import * as trufflehog from '../scanners/trufflehog.js';
import { outputTail, scannerErrorFinding } from '../scanners/errors.js';
import type { ImagePipeline, ImageScanResult, ScanOptions } from './scan-types.js';
import { noResult, unionLength, type PipelineDeps, type PipelineRun, type PipelineTimings, type ReadImage, type StageResult } from './pipeline-types.js';

import { acquireImage, readImage } from './pipeline-image.js';
import { imageChecksStage, lockfilesOf, probeStage, trivyStage, trufflehogContextStage, trufflehogImageStage, type ImageInput, type ThTool } from './pipeline-scanners.js';

export type { PipelineDeps, PipelineTimings, PipelineTools, ResolvedTool, TrivyDbCache } from './pipeline-types.js';
export { unionLength } from './pipeline-types.js';

const DEFAULT_TIMEOUT_MS = 10 * 60_000;

function envWithoutUndefined(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) out[k] = v;
  return out;
}

export class ScanPipeline implements ImagePipeline {
  constructor(private readonly deps: PipelineDeps) {}

  async run(target: DockerfileTarget, opts: ScanOptions, config: McgConfig): Promise<ImageScanResult> {
    const t0 = Date.now();
    const intervals: [number, number][] = [];
    const run = this.newRun({ target, opts, config }, intervals);
    const { logger, tools } = this.deps;
    const wantTrivy = opts.scanners.trivy && config.trivy.enabled;
    const wantTh = opts.scanners.trufflehog && config.trufflehog.enabled;
    const excludeFile = join(run.tmp, 'trufflehog-exclude.txt');
    try {
      writeFileSync(excludeFile, `${trufflehog.CONTEXT_EXCLUDES.join('\n')}\n`);
      // resolve Trivy while the image builds (its version check is off the critical path)
      const trivyTool = wantTrivy ? tools.trivy(run.exec) : undefined;
      trivyTool?.catch(() => undefined);
      // … and restore its DB from the runtime's cache meanwhile
      const trivyDb = trivyTool
        ?.then((t) => this.deps.trivyCache?.restore(t.version, tools.trivyCacheDir))
        .catch((e: unknown) => logger.warning(`Trivy DB cache: ${e instanceof Error ? e.message : String(e)}`));
      // TruffleHog on the build context needs no image: start it first
      const thTool: Promise<ThTool> | undefined = wantTh
        ? tools.trufflehog(run.exec).then((t) => ({ ok: true as const, t }), (e: unknown) => ({ ok: false as const, e: e instanceof Error ? e.message : String(e) }))
        : undefined;
      const contextScan = thTool ? trufflehogContextStage(run, thTool, excludeFile) : undefined;

      // 1. the image as a docker save tarball
      const acquired = await acquireImage(run, join(opts.root, target.context));
      const final = run.final;
      const stages: Promise<StageResult>[] = [Promise.resolve(acquired)];
      let reading: Promise<ReadImage & StageResult> | undefined;
      let lockfiles: ReturnType<typeof lockfilesOf> = [];
      if (acquired.tar && final) {
        // 2. read the tarball once, while the scanners (which read the same file) already run
        reading = readImage(run, acquired.tar, final);
        const read = reading;
        stages.push(read);
        const input: ImageInput = { tar: acquired.tar, final, mapped: () => read, image: acquired.image };
        // 3. scanners and image checks in parallel
        lockfiles = lockfilesOf(opts.root, target.context, logger);
        if (trivyTool) stages.push(trivyStage(run, { trivy: trivyTool, db: trivyDb }, input, lockfiles));
        if (thTool) stages.push(trufflehogImageStage(run, thTool, input));
        stages.push(imageChecksStage(run, input, acquired.builtHere), probeStage(run, input, acquired.runRef));
      } else {
        const why = 'no image: the build or export failed';
        const skipped: StageResult = noResult();
        if (wantTrivy) skipped.scanners.push({ name: 'trivy', status: 'skipped', reason: why });
        if ((opts.probe ?? DEFAULT_PROBE).mode !== 'false') skipped.coverage = [{ path: target.dockerfile, kind: 'runtime-probe', status: 'not-checked', reason: why }];
        stages.push(Promise.resolve(skipped));
      }
      if (contextScan) stages.push(contextScan);
      const results = await Promise.all(stages);
      const img = reading ? (await reading).img : undefined;

      const findings = results.flatMap((r) => r.findings);
      const scanners = results.flatMap((r) => r.scanners);
      if (wantTh) scanners.push(await this.trufflehogStatus(run, { thTool, failures: results.flatMap((r) => r.failures ?? []), hasImage: img !== undefined }));
      if (!wantTrivy && opts.scanners.trivy) scanners.push({ name: 'trivy', status: 'skipped', reason: 'disabled in the config' });
      if (!wantTh && opts.scanners.trufflehog) scanners.push({ name: 'trufflehog', status: 'skipped', reason: 'disabled in the config' });

      const files = new Map<string, string[]>();
      for (const lf of lockfiles) if (findings.some((f) => f.location.path === lf.path)) files.set(lf.path, lf.lines);
      const info: ImageScanResult['info'] = Object.assign({}, acquired.image !== undefined ? { image: acquired.image } : {}, ...results.map((r) => r.info ?? {}));
      const { timings } = run;
      timings.totalMs = Date.now() - t0;
      timings.externalMs = unionLength(intervals);
      timings.ownMs = timings.totalMs - timings.externalMs;
      logger.debug(`timing ${JSON.stringify({ target: target.name, ...timings })}`);
      return { findings, scanners, image: img ? imageFactsOf(img) : undefined, info, files, coverage: results.flatMap((r) => r.coverage ?? []) };
    } finally {
      rmSync(run.tmp, { recursive: true, force: true });
    }
  }

  /** The per-run context: the model parsed (or taken from the target), the timed exec, the temp directory. */
  private newRun(what: Pick<PipelineRun, 'target' | 'opts' | 'config'>, intervals: [number, number][]): PipelineRun {
    const { target, opts, config } = what;
    const exec: Exec = async (file, args, o) => {
      const s = Date.now();
      try {
        return await this.deps.exec(file, args, o);
      } finally {
        intervals.push([s, Date.now()]);
      }
    };
    const model = target.model ?? parseDockerfile(target.dockerfile, target.text ?? '');
    const final = finalStage(model, opts.buildTarget);
    const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const fromLine = final?.from.line ?? 1;
    const timings: PipelineTimings = { buildMs: 0, saveMs: 0, readTarMs: 0, layerSubsetMs: 0, trivyMs: 0, trufflehogImageMs: 0, trufflehogContextMs: 0, imageChecksMs: 0, sbomMs: 0, externalMs: 0, ownMs: 0, totalMs: 0 };
    return {
      deps: this.deps,
      ...what,
      model,
      final,
      exec,
      env: this.deps.env ?? envWithoutUndefined(),
      timeoutMs,
      thTimeout: config.trufflehog.timeoutMinutes ? config.trufflehog.timeoutMinutes * 60_000 : timeoutMs,
      verify: opts.verifySecrets === true,
      tmp: mkdtempSync(join(this.deps.tmpRoot ?? tmpdir(), 'mcg-scan-')),
      timings,
      fail: (tool: string, message: string, key: string, line?: number): Finding =>
        scannerErrorFinding({ tool, path: target.dockerfile, line: line ?? fromLine, target: target.name, message, key }),
    };
  }

  /** One TruffleHog status for both of its runs (image and build context). */
  private async trufflehogStatus(run: PipelineRun, r: { thTool: Promise<ThTool> | undefined; failures: string[]; hasImage: boolean }): Promise<ScannerStatus> {
    const tool = r.thTool ? await r.thTool : undefined;
    const durationMs = Math.max(run.timings.trufflehogImageMs, run.timings.trufflehogContextMs);
    const version = tool?.ok ? tool.t.version : undefined;
    if (r.failures.length > 0) return { name: 'trufflehog', status: 'failed', reason: r.failures.map((f) => outputTail(f, 2, 300)).join('; '), version, durationMs };
    if (!r.hasImage) return { name: 'trufflehog', status: 'ran', reason: 'build context only: no image', version, durationMs };
    return { name: 'trufflehog', status: 'ran', version, durationMs };
  }
}
