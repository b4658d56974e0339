/**
 * mode: full and mode: scan — scan the workspace (build, image checks, scanners), then publish:
 * result files, job summary and annotations always; check run, comment and code scanning only
 * in mode: full with a token that may write. mode: scan (and a read-only run) leaves the
 * hand-over for a mode: report job in artifact-dir instead.
 */
import type { Report } from '../../core/types.js';
import type { Baseline } from '../../core/merge.js';
import { scan } from '../../engine/scan.js';
import { checkYamlFile, classifyYaml } from '../../engine/yaml-engine.js';
import { mcpChecker } from '../../engine/mcp-engine.js';
import { createPipeline } from '../../engine/setup.js';
import { sarifText as streamSarifText } from '../../sarif/to-sarif.js';
import { actionsExec, withToolLog } from '../exec.js';
import { actionsDownloader, actionsToolCache } from '../tools.js';
import { ActionTrivyCache, trivyCacheNoSaveReason } from '../trivy-cache.js';
import { checkRunName, reportTarget, secretVerification } from '../inputs.js';
import { createClient, type GitHubClient } from '../github.js';
import { branchOf, loadBaseline } from '../baseline.js';
import { labelBuilds, recordTrivyCache } from '../post-state.js';
import type { ArtifactMeta } from '../artifact.js';
import { annotationsPublisher, artifactsPublisher, checkRunPublisher, codeScanningPublisher, commentPublisher, summaryPublisher } from '../publishers/index.js';
import { dependencySnapshotPublisher, sbomPublisher } from '../publishers/sbom.js';
import { sbomCollector } from '../sbom-outputs.js';
import type { SbomCollector } from '../../core/sbom-write.js';
import { deliver, prDiff, type ModeRun } from './common.js';

async function scanned(m: ModeRun, baseline: Baseline | undefined, sboms: SbomCollector | undefined): Promise<Report> {
  const { inputs, ctx, log } = m;
  const secrets = log.secrets;
  const verification = secretVerification(inputs.verifySecrets, ctx.readOnly);
  if (verification.notice) log.notice(verification.notice);
  // Trivy's DB through the Actions cache: restored while the image builds, saved by the post step
  const trivyCache = new ActionTrivyCache({ logger: log, noSaveReason: trivyCacheNoSaveReason(ctx), onRestored: (s) => recordTrivyCache(s) });
  // every image this run builds carries its label, so that the post step can remove it
  const exec = labelBuilds(withToolLog(actionsExec, log), m.runLabel);
  const report = await scan(
    {
      root: ctx.workspace,
      dockerfiles: inputs.dockerfiles.length > 0 ? inputs.dockerfiles : undefined,
      context: inputs.context,
      buildTarget: inputs.target,
      buildArgs: inputs.buildArgs,
      platform: inputs.platform,
      buildCache: { from: inputs.cacheFrom, to: inputs.cacheTo, readOnly: ctx.readOnly || ctx.eventName === 'pull_request_target', defaultBranch: ctx.onDefaultBranch === true },
      build: inputs.build,
      image: inputs.image,
      imageTar: inputs.imageTar,
      scanners: inputs.scanners,
      configPath: inputs.config,
      severityThreshold: inputs.severityThreshold,
      failOn: inputs.failOn,
      baseline,
      ignoreUnfixed: inputs.ignoreUnfixed,
      vex: inputs.vex,
      verifySecrets: verification.verify,
      offline: inputs.offline,
      trivyDb: { repositories: inputs.dbRepositories, javaRepositories: inputs.javaDbRepositories, maxAgeHours: inputs.maxDbAge },
      timeoutMs: inputs.timeoutMinutes * 60_000,
      manifests: inputs.manifests,
      sbom: sboms?.request(),
      probe: inputs.probe,
    },
    {
      logger: log,
      exec,
      yaml: { classify: classifyYaml, check: checkYamlFile },
      mcp: mcpChecker,
      // build, Trivy, TruffleHog and the image checks; the scanners are resolved from the version
      // inputs (pinned, SHA-256 verified downloads through the tool cache)
      imagePipeline: createPipeline({
        exec,
        logger: log,
        env: m.env,
        trivyVersion: inputs.trivyVersion,
        trufflehogVersion: inputs.trufflehogVersion,
        cache: actionsToolCache,
        download: actionsDownloader,
        onSecret: (raw) => secrets.add(raw),
        trivyCache,
      }),
    },
  );
  recordTrivyCache(trivyCache.state(report.scanners.some((s) => s.name === 'trivy' && s.status === 'ran')));
  // the one redact step: no publisher sees a registered secret
  return secrets.redactDeep(report);
}

function handOver(m: ModeRun, target: string, checkName: string): ArtifactMeta {
  const { ctx, inputs } = m;
  return {
    schema: 'mcg-artifact/v1',
    repository: `${ctx.owner}/${ctx.repo}`,
    pr: ctx.pr?.number ?? null,
    headSha: ctx.sha,
    baseRef: ctx.pr?.baseRef ?? branchOf(ctx.ref) ?? null,
    target,
    checkName,
    category: inputs.category ?? null,
    workflow: ctx.workflow,
    job: ctx.job,
  };
}

export async function runScanMode(m: ModeRun): Promise<void> {
  const { inputs, ctx, log } = m;
  const canWrite = inputs.githubToken !== '' && !ctx.readOnly && inputs.mode === 'full';
  if (ctx.readOnly) log.notice(`${ctx.readOnlyReason}. No write call is made: results go to the job summary, annotations and ${inputs.artifactDir}/ (publish them from a workflow_run job with mode: report).`);
  const gh: GitHubClient | undefined = inputs.githubToken !== '' ? createClient(inputs.githubToken, { apiUrl: ctx.apiUrl, logger: log, secondMs: m.second }) : undefined;
  const baseRef = ctx.pr ? ctx.pr.baseRef || undefined : branchOf(ctx.ref);
  const baseline = await log.group('Baseline', () => loadBaseline({ inputs, ctx, gh: ctx.readOnly ? undefined : gh, baseRef, logger: log }));
  const sboms = sbomCollector(inputs, ctx);
  const report = await log.group('Scan', () => scanned(m, baseline, sboms));
  const target = reportTarget(inputs, `${ctx.owner}/${ctx.repo}`);
  const checkName = checkRunName(inputs);
  const meta = inputs.mode === 'scan' || ctx.readOnly ? handOver(m, target, checkName) : undefined;
  const changed = await prDiff(m, gh, ctx.pr?.number);
  // streamed once; the same text is written to the file and uploaded
  const sarifTexts = [streamSarifText(report, { category: inputs.category })];
  await deliver(m, {
    report,
    at: { headSha: ctx.sha, ref: ctx.ref, prNumber: ctx.pr?.number, target, checkName, changed, sarifTexts },
    gh: canWrite ? gh : undefined,
    publishers: [artifactsPublisher(meta), summaryPublisher, sbomPublisher(sboms), annotationsPublisher, checkRunPublisher, commentPublisher, codeScanningPublisher, dependencySnapshotPublisher(sboms)],
    allowEmpty: inputs.allowEmpty,
  });
}
