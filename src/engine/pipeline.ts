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
import { basename, join } from 'node:path';
import type { Exec, Finding, Logger, ScannerStatus } from '../core/types.js';
import type { DockerfileTarget, ImagePipeline, ImageScanResult, ScanOptions } from './scan.js';
import type { McgConfig } from '../core/config.js';
import { finalStage, parseDockerfile, type DockerfileModel, type Stage } from '../core/dockerfile/model.js';
import { listContext, readTextFile, underRoot } from '../core/files.js';
import { checkImage } from '../rules/image/index.js';
import * as docker from '../scanners/docker.js';
import { imageFactsOf, readImageTar, type ImageInspection } from '../scanners/image-tar.js';
import { mapLayers, type LayerMap } from '../core/image/layer-map.js';
import { writeLayerSubset } from '../scanners/tar-subset.js';
import { lockfileKind, type Lockfile } from '../scanners/lockfiles.js';
import * as trivy from '../scanners/trivy.js';
import { runSbom } from '../scanners/sbom.js';
import * as trufflehog from '../scanners/trufflehog.js';
import { outputTail, scannerErrorFinding } from '../scanners/errors.js';
import { runProbe } from './probe-run.js';
import { DEFAULT_PROBE } from '../core/probe/options.js';
import type { CoverageEntry } from '../core/types.js';
import type { ResolvedTool } from '../scanners/tools.js';

export type { ResolvedTool };

/** Where the tools are; resolution (path input → PATH → cache → download) happens behind these. */
export interface PipelineTools {
  docker: string;
  /** Resolves the tool; `exec` runs its version check (so that the pipeline can time it). */
  trivy(exec: Exec): Promise<ResolvedTool>;
  trufflehog(exec: Exec): Promise<ResolvedTool>;
  trivyCacheDir: string;
}

/** Keeps Trivy's DB between runs (the action's @actions/cache); never throws. */
export interface TrivyDbCache {
  /** Fills `cacheDir` with a cached DB for this Trivy version, if there is one. Called once Trivy is resolved, before it runs. */
  restore(trivyVersion: string | undefined, cacheDir: string): Promise<void>;
}

export interface PipelineDeps {
  exec: Exec;
  logger: Logger;
  tools: PipelineTools;
  /** Environment for the tools (DOCKER_HOST …); default: the process environment. */
  env?: Record<string, string>;
  /** Extra `docker build` words (MCG_DOCKER_BUILD_EXTRA_ARGS, already split). */
  buildExtraArgs?: string[];
  /** Directory for the per-run temp dir (default: the OS temp dir). */
  tmpRoot?: string;
  /** Receives each raw secret value a scanner reported (the action masks them); never stored. */
  onSecret?: (raw: string) => void;
  /** Restores Trivy's DB before Trivy runs (overlapping the build). */
  trivyCache?: TrivyDbCache;
}

/** Where the time went, for the debug log and the benchmark. */
export interface PipelineTimings {
  buildMs: number;
  saveMs: number;
  readTarMs: number;
  /** Writing the copy of the tarball with the Dockerfile's own layers for TruffleHog. */
  layerSubsetMs: number;
  trivyMs: number;
  trufflehogImageMs: number;
  trufflehogContextMs: number;
  imageChecksMs: number;
  /** Converting Trivy's report into the SBOM documents (issue #22). */
  sbomMs: number;
  /** Wall time during which at least one external process (docker, trivy, trufflehog) ran. */
  externalMs: number;
  /** Pipeline wall time not spent waiting on an external process: our own code. */
  ownMs: number;
  totalMs: number;
}

/** Length of the union of time intervals. */
export function unionLength(intervals: readonly [number, number][]): number {
  const s = [...intervals].sort((a, b) => a[0] - b[0]);
  let total = 0;
  let cur: [number, number] | undefined;
  for (const [a, b] of s) {
    if (!cur || a > cur[1]) {
      if (cur) total += cur[1] - cur[0];
      cur = [a, b];
    } else if (b > cur[1]) cur[1] = b;
  }
  if (cur) total += cur[1] - cur[0];
  return total;
}

const DEFAULT_TIMEOUT_MS = 10 * 60_000;

function envWithoutUndefined(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) out[k] = v;
  return out;
}

function lockfilesOf(root: string, contextRepo: string, logger: Logger): Lockfile[] {
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

export class ScanPipeline implements ImagePipeline {
  constructor(private readonly deps: PipelineDeps) {}

  /**
   * Without verification every TruffleHog hit in a base-image layer is dropped as noise
   * (trufflehog.parseImage), so TruffleHog reads only the layers the Dockerfile made: a copy of the
   * tarball with those layers (the base layers are most of an image). Falls back to the whole
   * tarball when the layers cannot be told apart or the copy fails.
   */
  private async ownLayersTar(tar: string, tmp: string, model: DockerfileModel, final: Stage, timings: PipelineTimings): Promise<string> {
    const t0 = Date.now();
    const out = join(tmp, 'image-own-layers.tar');
    try {
      const sub = await writeLayerSubset(tar, out, (im) => {
        const lm = mapLayers(model, final, im.history, im.diffIds);
        return (i) => lm.layers[i]?.site.base !== true;
      });
      if (!sub) return tar;
      this.deps.logger.debug(`TruffleHog reads the ${sub.kept.length} of ${sub.total} image layers the Dockerfile made (${sub.bytes} bytes)`);
      return out;
    } catch (e) {
      this.deps.logger.debug(`TruffleHog reads the whole image: the own-layer copy failed: ${e instanceof Error ? e.message : String(e)}`);
      return tar;
    } finally {
      timings.layerSubsetMs = Date.now() - t0;
    }
  }

  async run(target: DockerfileTarget, opts: ScanOptions, config: McgConfig): Promise<ImageScanResult> {
    const t0 = Date.now();
    const timings: PipelineTimings = { buildMs: 0, saveMs: 0, readTarMs: 0, layerSubsetMs: 0, trivyMs: 0, trufflehogImageMs: 0, trufflehogContextMs: 0, imageChecksMs: 0, sbomMs: 0, externalMs: 0, ownMs: 0, totalMs: 0 };
    const { logger, tools } = this.deps;
    const intervals: [number, number][] = [];
    const exec: Exec = async (file, args, o) => {
      const s = Date.now();
      try {
        return await this.deps.exec(file, args, o);
      } finally {
        intervals.push([s, Date.now()]);
      }
    };
    const env = this.deps.env ?? envWithoutUndefined();
    const model: DockerfileModel = target.model ?? parseDockerfile(target.dockerfile, target.text ?? '');
    const final: Stage | undefined = finalStage(model, opts.buildTarget);
    const findings: Finding[] = [];
    const scanners: ScannerStatus[] = [];
    const info: ImageScanResult['info'] = {};
    const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const fromLine = final?.from.line ?? 1;
    const fail = (tool: string, message: string, key: string, line = fromLine): void => {
      findings.push(scannerErrorFinding({ tool, path: target.dockerfile, line, target: target.name, message, key }));
    };
    const wantTrivy = opts.scanners.trivy && config.trivy.enabled;
    const wantTh = opts.scanners.trufflehog && config.trufflehog.enabled;
    const verify = opts.verifySecrets === true;
    const thTimeout = config.trufflehog.timeoutMinutes ? config.trufflehog.timeoutMinutes * 60_000 : timeoutMs;
    const contextAbs = join(opts.root, target.context);

    const tmp = mkdtempSync(join(this.deps.tmpRoot ?? tmpdir(), 'mcg-scan-'));
    const excludeFile = join(tmp, 'trufflehog-exclude.txt');
    writeFileSync(excludeFile, `${trufflehog.CONTEXT_EXCLUDES.join('\n')}\n`);
    // resolve Trivy while the image builds (its version check is off the critical path)
    const trivyTool = wantTrivy ? tools.trivy(exec) : undefined;
    trivyTool?.catch(() => undefined);
    // … and restore its DB from the runtime's cache meanwhile
    const trivyDb = trivyTool
      ?.then((t) => this.deps.trivyCache?.restore(t.version, tools.trivyCacheDir))
      .catch((e: unknown) => logger.warning(`Trivy DB cache: ${e instanceof Error ? e.message : String(e)}`));
    // TruffleHog on the build context needs no image: start it first
    const thTool = wantTh ? tools.trufflehog(exec).then((t) => ({ ok: true as const, t }), (e: unknown) => ({ ok: false as const, e: e instanceof Error ? e.message : String(e) })) : undefined;
    const contextScan = thTool?.then(async (r) => {
      if (!r.ok) return { findings: [] as Finding[], failure: r.e, durationMs: 0 };
      return trufflehog.runFilesystem(exec, { trufflehog: r.t.path, verify, timeoutMs: thTimeout, env, excludeFile, onSecret: this.deps.onSecret }, { scannedDir: contextAbs, repoDir: target.context, target: target.name });
    });

    // the image the engine has, for the runtime probe (an image-tar input is not loaded into it)
    let runRef: string | undefined;
    const coverage: CoverageEntry[] = [];
    const probe = opts.probe ?? DEFAULT_PROBE;
    try {
      // 1. the image as a docker save tarball
      let tar: string | undefined;
      // the image checks compare the image with our reading only when we built it (MCG992)
      let builtHere = false;
      if (opts.imageTar) {
        tar = opts.imageTar;
        info.image = basename(opts.imageTar);
      } else {
        let ref = opts.image;
        if (!ref) {
          const tag = docker.imageTag(target.dockerfile, target.context, opts.buildTarget);
          const buildx = env['DOCKER_BUILDKIT'] !== '0' && (await docker.hasBuildx(exec, tools.docker, env));
          const b = await docker.build(
            exec,
            { docker: tools.docker, env, timeoutMs },
            {
              context: contextAbs,
              dockerfile: join(opts.root, target.dockerfile),
              target: opts.buildTarget,
              buildArgs: opts.buildArgs,
              platform: opts.platform,
              tag,
              extraArgs: this.deps.buildExtraArgs,
              buildx,
            },
          );
          timings.buildMs = b.durationMs;
          if (!b.ok) {
            const f = docker.parseBuildFailure(b.output, model, target.dockerfile);
            fail('docker', `The image build failed: ${b.failure}. ${f.message}`, 'build', f.line ?? fromLine);
            scanners.push({ name: 'docker', status: 'failed', reason: b.failure, durationMs: b.durationMs });
          } else {
            ref = tag;
            info.image = tag;
            builtHere = true;
          }
        } else {
          info.image = ref;
        }
        if (ref) {
          const out = join(tmp, 'image.tar');
          const s = await docker.save(exec, { docker: tools.docker, env, timeoutMs }, ref, out);
          timings.saveMs = s.durationMs;
          if (!s.ok) {
            fail('docker', s.failure ?? 'docker save failed', 'save');
            scanners.push({ name: 'docker', status: 'failed', reason: s.failure, durationMs: timings.buildMs + s.durationMs });
          } else {
            tar = out;
            runRef = ref;
            scanners.push({ name: 'docker', status: 'ran', durationMs: timings.buildMs + s.durationMs });
          }
        }
      }

      // 2. read the tarball once, while the scanners (which read the same file) already run
      let img: ImageInspection | undefined;
      const reading: Promise<{ img?: ImageInspection; layers: LayerMap } | undefined> =
        tar && final
          ? (async () => {
              const tr = Date.now();
              try {
                const i = await readImageTar(tar);
                for (const u of i.unreadableLayers) logger.warning(`image layer not read: ${u}`);
                return { img: i, layers: mapLayers(model, final, i.history, i.diffIds) };
              } catch (e) {
                fail('image reader', `The image tarball could not be read: ${e instanceof Error ? e.message : String(e)}`, 'read-tar');
                // the scanners' results still land somewhere real: the final FROM
                return { layers: mapLayers(model, final, [], []) };
              } finally {
                timings.readTarMs = Date.now() - tr;
              }
            })()
          : Promise.resolve(undefined);
      const mapped = async (): Promise<{ img?: ImageInspection; layers: LayerMap }> => (await reading)!;
      const skipped = (why: string): void => {
        if (wantTrivy) scanners.push({ name: 'trivy', status: 'skipped', reason: why });
      };

      // 3. scanners and image checks in parallel
      const lockfiles = tar && final ? lockfilesOf(opts.root, target.context, logger) : [];
      const jobs: Promise<void>[] = [];
      const thFailures: string[] = [];
      if (tar && final) {
        const theTar = tar;
        const theFinal = final;
        if (wantTrivy) {
          jobs.push(
            (async () => {
              let tool: ResolvedTool;
              try {
                tool = await trivyTool!;
              } catch (e) {
                const msg = e instanceof Error ? e.message : String(e);
                fail('trivy', `Trivy is not available: ${msg}`, 'resolve');
                scanners.push({ name: 'trivy', status: 'failed', reason: msg });
                return;
              }
              await trivyDb;
              const trivyCtx = mapped().then((m) => ({ dockerfile: target.dockerfile, target: target.name, layers: m.layers, lockfiles }));
              const r = await trivy.run(
                exec,
                {
                  trivy: tool.path,
                  input: theTar,
                  cacheDir: tools.trivyCacheDir,
                  offline: opts.offline,
                  ignoreUnfixed: opts.ignoreUnfixed || config.trivy.ignoreUnfixed,
                  vex: (opts.vex ?? []).map((p) => underRoot(opts.root, p)),
                  timeoutMs: config.trivy.timeoutMinutes ? config.trivy.timeoutMinutes * 60_000 : timeoutMs,
                  env,
                  listAllPackages: opts.sbom !== undefined,
                },
                trivyCtx,
              );
              if (opts.sbom && r.output !== undefined && !r.failure) {
                const s = await runSbom(exec, { trivy: tool.path, tmp, env, timeoutMs }, { json: r.output, formats: opts.sbom.formats, image: { tarName: theTar, name: info.image } }, await trivyCtx);
                timings.sbomMs = s.durationMs;
                for (const m of s.failures) fail('trivy', `The SBOM could not be made: ${m}`, 'sbom');
                opts.sbom.onSbom({ target: target.name, dockerfile: target.dockerfile, image: info.image, documents: s.documents, packages: s.packages });
              }
              timings.trivyMs = r.durationMs;
              findings.push(...r.findings);
              if (r.failure) {
                fail('trivy', r.failure, 'run');
                scanners.push({ name: 'trivy', status: 'failed', reason: r.failure, version: tool.version, durationMs: r.durationMs });
              } else scanners.push({ name: 'trivy', status: 'ran', version: tool.version, durationMs: r.durationMs });
            })(),
          );
        }
        if (thTool) {
          jobs.push(
            (async () => {
              const tool = await thTool;
              if (!tool.ok) return; // reported once, with the context scan
              const thTar = verify ? theTar : await this.ownLayersTar(theTar, tmp, model, theFinal, timings);
              const r = await trufflehog.runImage(
                exec,
                thTar,
                { trufflehog: tool.t.path, verify, timeoutMs: thTimeout, env, excludePaths: verify ? undefined : trufflehog.IMAGE_NOISE_GLOBS, onSecret: this.deps.onSecret },
                mapped().then((m) => ({
                  dockerfile: target.dockerfile,
                  target: target.name,
                  layers: m.layers,
                  layerOfPath: m.img ? m.img.layerOfPath : () => undefined,
                })),
              );
              timings.trufflehogImageMs = r.durationMs;
              findings.push(...r.findings);
              if (r.dropped > 0) logger.info(`TruffleHog: ${r.dropped} unverified hit(s) in package-manager files or base-image layers left out as noise`);
              if (r.failure) {
                fail('trufflehog', r.failure, 'image');
                thFailures.push(r.failure);
              }
            })(),
          );
        }
        jobs.push(
          (async () => {
            const m = await mapped();
            if (!m.img) return;
            img = m.img;
            info.imageDigest = m.img.id;
            info.imageSize = m.img.size;
            const tc = Date.now();
            findings.push(
              ...checkImage(
                { image: m.img, path: target.dockerfile, model, final: theFinal, layers: m.layers, sizeBudget: config.imageSizeBudget, built: builtHere ? { buildArgs: opts.buildArgs ?? {} } : undefined },
                target.name,
                config.rules,
              ),
            );
            timings.imageChecksMs = Date.now() - tc;
          })(),
        );
        jobs.push(
          (async () => {
            const m = await mapped();
            const r = await runProbe(
              { exec, docker: tools.docker, env, logger },
              {
                image: runRef,
                noImage: 'an image-tar input is not loaded into the container engine',
                imageUser: m.img?.config.user ?? '',
                path: target.dockerfile,
                model,
                final: theFinal,
                target: target.name,
                settings: config.rules,
                options: probe,
              },
            );
            findings.push(...r.findings);
            if (r.coverage) coverage.push(r.coverage);
            if (r.summary) info.probe = r.summary;
          })(),
        );
      } else {
        skipped('no image: the build or export failed');
        if (probe.mode !== 'false') coverage.push({ path: target.dockerfile, kind: 'runtime-probe', status: 'not-checked', reason: 'no image: the build or export failed' });
      }
      if (contextScan) {
        jobs.push(
          (async () => {
            const r = await contextScan;
            timings.trufflehogContextMs = r.durationMs;
            findings.push(...r.findings);
            if (r.failure) {
              fail('trufflehog', thTool && !(await thTool).ok ? `TruffleHog is not available: ${r.failure}` : r.failure, 'context');
              thFailures.push(r.failure);
            }
          })(),
        );
      }
      await Promise.all(jobs);
      if (wantTh) {
        const tool = thTool ? await thTool : undefined;
        const durationMs = Math.max(timings.trufflehogImageMs, timings.trufflehogContextMs);
        const version = tool?.ok ? tool.t.version : undefined;
        if (thFailures.length > 0) scanners.push({ name: 'trufflehog', status: 'failed', reason: thFailures.map((f) => outputTail(f, 2, 300)).join('; '), version, durationMs });
        else if (!img) scanners.push({ name: 'trufflehog', status: 'ran', reason: 'build context only: no image', version, durationMs });
        else scanners.push({ name: 'trufflehog', status: 'ran', version, durationMs });
      }
      if (!wantTrivy && opts.scanners.trivy) scanners.push({ name: 'trivy', status: 'skipped', reason: 'disabled in the config' });
      if (!wantTh && opts.scanners.trufflehog) scanners.push({ name: 'trufflehog', status: 'skipped', reason: 'disabled in the config' });

      const files = new Map<string, string[]>();
      for (const lf of lockfiles) if (findings.some((f) => f.location.path === lf.path)) files.set(lf.path, lf.lines);
      timings.totalMs = Date.now() - t0;
      timings.externalMs = unionLength(intervals);
      timings.ownMs = timings.totalMs - timings.externalMs;
      logger.debug(`timing ${JSON.stringify({ target: target.name, ...timings })}`);
      return { findings, scanners, image: img ? imageFactsOf(img) : undefined, info, files, coverage };
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }
}
