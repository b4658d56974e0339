/**
 * The action: inputs → scan → SARIF/report files → outputs, summary, annotations, and (when the
 * token may write) check run, sticky comment and code-scanning upload. The exit status is the
 * policy's; a publishing failure can make a passing run fail, never a failing run pass.
 */
import * as core from '@actions/core';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger, Report } from '../core/types.js';
import type { Baseline } from '../core/merge.js';
import { loadConfig, scan } from '../core/scan.js';
import { discover, matrixOf } from '../core/discover.js';
import { parseBaseline } from '../core/baseline.js';
import { confine } from '../core/files.js';
import { safeWriteFile } from '../core/safe-write.js';
import { reportJson } from '../core/report-io.js';
import { SecretRegistry } from '../core/secret-registry.js';
import { ActionLog } from './log.js';
import { sarifText as streamSarifText } from '../sarif/to-sarif.js';
import { reportVex } from '../core/vex/openvex-out.js';
import { checkYamlFile, classifyYaml } from '../core/yaml-engine.js';
import { mcpChecker } from '../core/mcp-engine.js';
import { createPipeline } from '../scanners/setup.js';
import { actionsExec, withToolLog } from './exec.js';
import { actionsDownloader, actionsToolCache } from './tools.js';
import { ActionTrivyCache, trivyCacheNoSaveReason } from './trivy-cache.js';
import { readInputs, checkRunName, reportTarget, InputError, secretVerification, type ActionInputs } from './inputs.js';
import { runContext, runUrl, type RunContext } from './context.js';
import { createClient, GitHubApiError, call, type GitHubClient } from './github.js';
import { publishCheckRun } from './check-run.js';
import { upsertComment, COMMENT_MAX_CHARS } from './comment.js';
import { codeScanningBaseline, uploadToCodeScanning } from './code-scanning.js';
import { writeArtifacts, REPORT_FILE, SARIF_FILE, VEX_FILE, type ArtifactMeta } from './artifact.js';
import { decideArtifacts, readArtifactSet } from './load-artifacts.js';
import { renderers } from './render.js';
import { changedLines } from './diff.js';
import { SarifProcessingError, SarifTooLargeError } from '../sarif/upload.js';
import { outcomeFor } from '../core/outcome.js';

/** The run's secret registry and the one log writer that redacts with it. */
export function actionLogger(secrets = new SecretRegistry()): ActionLog {
  return new ActionLog(secrets);
}

/** The log of the current run (set by run(); helpers below print through it only). */
let log: ActionLog = actionLogger();

/** One second in ms; MCG_TEST_SECOND_MS shrinks retry, Retry-After and polling waits in the e2e tests only. */
function secondMs(env: Record<string, string | undefined>): number {
  const v = Number(env['MCG_TEST_SECOND_MS']);
  return Number.isFinite(v) && v > 0 && v <= 1000 ? v : 1000;
}

function readPayload(env: Record<string, string | undefined>): unknown {
  const p = env['GITHUB_EVENT_PATH'];
  if (!p || !existsSync(p)) return {};
  try {
    return JSON.parse(readFileSync(p, 'utf8'));
  } catch {
    return {};
  }
}

interface PublishState {
  /** Errors that must fail the step (explicitly requested outputs that could not be written). */
  hard: string[];
  commentUrl?: string;
  checkRunUrl?: string;
}


function setCountOutputs(report: Report): void {
  log.setOutput('result', report.result);
  log.setOutput('total', report.counts.total);
  log.setOutput('new', report.counts.new);
  for (const s of ['critical', 'high', 'medium', 'low', 'info'] as const) log.setOutput(s, report.counts.bySeverity[s]);
  const t = report.targets.find((x) => x.imageDigest || x.imageSize);
  log.setOutput('image-digest', t?.imageDigest ?? '');
  log.setOutput('image-size', t?.imageSize ?? '');
}

/** The write-capable part. Nothing here runs with a read-only token. */
async function publish(
  gh: GitHubClient,
  ctx: RunContext,
  inputs: ActionInputs,
  report: Report,
  sarifTexts: string[],
  pub: {
    headSha: string;
    ref: string;
    prNumber?: number;
    target: string;
    checkName: string;
    changed?: Map<string, Set<number>>;
    /** One sticky comment per entry (default: one for `target` with the whole report). */
    comments?: { target: string; report: Report }[];
  },
  logger: Logger,
  state: PublishState,
  second: number,
): Promise<void> {
  const soft = (e: unknown, demanded: boolean): void => {
    const msg = e instanceof Error ? e.message : String(e);
    if (demanded || (e instanceof GitHubApiError && (e.kind === 'server' || e.kind === 'invalid' || e.kind === 'auth'))) {
      log.error(msg);
      state.hard.push(msg);
    } else log.warning(msg);
  };

  // 1. check run (the required status check)
  if (inputs.checkRun) {
    try {
      const out = renderers.checkRunOutput(report, { title: pub.checkName, linkBase: `${ctx.serverUrl}/${ctx.owner}/${ctx.repo}/blob/${pub.headSha}/`, changedLines: pub.changed });
      const res = await publishCheckRun(
        gh,
        { owner: ctx.owner, repo: ctx.repo, headSha: pub.headSha, name: pub.checkName, detailsUrl: runUrl(ctx), externalId: pub.target.slice(0, 200) },
        out,
        renderers.conclusion(report),
        logger,
      );
      state.checkRunUrl = res.url;
      logger.info(`Check run "${pub.checkName}": ${res.annotationsSent} annotation(s)${res.url ? ` — ${res.url}` : ''}`);
    } catch (e) {
      soft(e, false);
    }
  }

  // 2. sticky comment(s): one per (workflow, job, target)
  const wantComment = inputs.comment === 'always' || (inputs.comment === 'auto' && pub.prNumber !== undefined);
  if (wantComment) {
    if (pub.prNumber === undefined) log.warning('comment: always, but this run is not about a pull request; no comment written');
    else {
      for (const c of pub.comments ?? [{ target: pub.target, report }]) {
        try {
          const marker = renderers.marker({ workflow: ctx.workflow, job: ctx.job, target: c.target });
          const body = renderers.comment(c.report, {
            marker,
            target: c.target,
            linkBase: `${ctx.serverUrl}/${ctx.owner}/${ctx.repo}/blob/${pub.headSha}/`,
            runUrl: runUrl(ctx),
            maxChars: COMMENT_MAX_CHARS - 1,
          });
          const res = await upsertComment(gh, { owner: ctx.owner, repo: ctx.repo, issueNumber: pub.prNumber }, marker, body);
          state.commentUrl ??= res.url;
          logger.info(`Pull request comment ${res.action}: ${res.url}`);
        } catch (e) {
          soft(e, inputs.comment === 'always');
        }
      }
    }
  }

  // 3. code scanning
  // several logs when the targets' runs do not fit one upload (distinct categories each)
  for (const sarifText of inputs.uploadSarif !== 'false' ? sarifTexts : []) {
    try {
      const out = await uploadToCodeScanning(
        gh,
        ctx.owner,
        ctx.repo,
        sarifText,
        { commitSha: pub.headSha, ref: pub.ref, toolName: 'MCP Container Guard', startedAt: report.startedAt, unitMs: second },
        logger,
        (ms) => sleep(ms),
      );
      logger.info(`Code scanning upload ${out.id}: ${out.status}`);
    } catch (e) {
      if (e instanceof SarifProcessingError || e instanceof SarifTooLargeError) {
        log.error(e.message);
        state.hard.push(e.message);
      } else if (e instanceof GitHubApiError && (e.kind === 'not-enabled' || e.kind === 'permission')) {
        // code scanning off, or no security-events: write — the SARIF stays a file
        soft(e, inputs.uploadSarif === 'true');
      } else soft(e, true);
    }
  }
}

function fileBaseline(root: string, file: string): Baseline {
  const abs = confine(root, file, 'baseline');
  if (!existsSync(abs)) throw new InputError('baseline', `file "${file}" does not exist. Point it at a report JSON or SARIF file written by an earlier run.`);
  return parseBaseline(readFileSync(abs, 'utf8'), file);
}

async function loadBaseline(gh: GitHubClient | undefined, ctx: RunContext, inputs: ActionInputs, root: string, logger: Logger): Promise<Baseline | undefined> {
  if (inputs.baseline) return fileBaseline(root, inputs.baseline);
  if (inputs.failOn !== 'new' || !gh) return undefined;
  const ref = ctx.pr ? `refs/heads/${ctx.pr.baseRef}` : ctx.ref.startsWith('refs/heads/') ? ctx.ref : undefined;
  if (!ref || ref === 'refs/heads/') return undefined;
  try {
    const b = await codeScanningBaseline(gh, ctx.owner, ctx.repo, ref, logger);
    if (!b) logger.info(`No earlier analysis on ${ref}: every finding counts as new`);
    return b?.baseline;
  } catch (e) {
    log.warning(`${(e as Error).message} — no baseline: every finding counts as new`);
    return undefined;
  }
}

function branchOf(ref: string): string | undefined {
  return ref.startsWith('refs/heads/') && ref.length > 'refs/heads/'.length ? ref.slice('refs/heads/'.length) : undefined;
}

/** mode: report's baseline: the baseline input, else (fail-on: new) the base branch's code-scanning analysis. */
async function reportBaseline(gh: GitHubClient | undefined, ctx: RunContext, at: { inputs: ActionInputs; root: string; baseRef: string | undefined }, logger: Logger): Promise<Baseline | undefined> {
  const { inputs, root } = at;
  if (inputs.baseline) return fileBaseline(root, inputs.baseline);
  if (inputs.failOn !== 'new' || !gh || !at.baseRef) return undefined;
  const ref = `refs/heads/${at.baseRef}`;
  try {
    const b = await codeScanningBaseline(gh, ctx.owner, ctx.repo, ref, logger);
    if (!b) logger.info(`No earlier analysis on ${ref}: every finding counts as new`);
    return b?.baseline;
  } catch (e) {
    log.warning(`${(e as Error).message} — no baseline: every finding counts as new`);
    return undefined;
  }
}

function finish(report: Report, state: PublishState, allowEmpty: boolean): void {
  log.setOutput('comment-url', state.commentUrl ?? '');
  log.setOutput('check-run-url', state.checkRunUrl ?? '');
  const outcome = outcomeFor(report, { allowEmpty });
  if (outcome.verdict !== 'PASS') log.setFailed(outcome.reason);
  else if (state.hard.length > 0) log.setFailed(`${report.reason}, but publishing failed: ${state.hard.join(' | ')}`);
  else log.info(report.reason);
}

async function writeSummary(inputs: ActionInputs, report: Report): Promise<void> {
  if (!inputs.summary || !process.env['GITHUB_STEP_SUMMARY']) return;
  try {
    await core.summary.addRaw(log.secrets.redact(renderers.summary(report)), true).write();
  } catch (e) {
    log.warning(`Could not write the job summary: ${(e as Error).message}`);
  }
}

function printAnnotations(inputs: ActionInputs, report: Report, changed?: Map<string, Set<number>>): void {
  if (!inputs.annotations) return;
  for (const cmd of renderers.annotationCommands(report, changed)) log.rawCommand(cmd);
}

/** The PR's changed lines (a read call, allowed with a read-only token); undefined when unknown. */
async function prDiff(gh: GitHubClient | undefined, ctx: RunContext, prNumber: number | undefined, logger: Logger): Promise<Map<string, Set<number>> | undefined> {
  if (!gh || prNumber === undefined) return undefined;
  try {
    return await changedLines(gh, ctx.owner, ctx.repo, prNumber);
  } catch (e) {
    logger.info(`${(e as Error).message} — annotations are ordered without the diff`);
    return undefined;
  }
}

async function runReportMode(inputs: ActionInputs, ctx: RunContext, root: string, logger: Logger, payload: unknown, second: number): Promise<void> {
  const set = readArtifactSet(inputs, root);
  const meta = set.meta;
  if (meta.repository.toLowerCase() !== `${ctx.owner}/${ctx.repo}`.toLowerCase()) {
    throw new Error(`the artifact was written for ${meta.repository}, not ${ctx.owner}/${ctx.repo}; refusing to publish it`);
  }
  // A workflow_run event names the run that produced the artifact: its head SHA must match.
  const wr = (payload as { workflow_run?: { head_sha?: unknown; pull_requests?: { number?: unknown }[] } }).workflow_run;
  if (wr && typeof wr.head_sha === 'string' && wr.head_sha !== meta.headSha) {
    throw new Error(`the artifact names commit ${meta.headSha} but the workflow run was for ${wr.head_sha}; refusing to publish it`);
  }
  const runPrs = (Array.isArray(wr?.pull_requests) ? wr.pull_requests : []).map((p) => p.number).filter((n): n is number => typeof n === 'number');
  if (meta.pr !== null && runPrs.length > 0 && !runPrs.includes(meta.pr)) {
    throw new Error(`the artifact names pull request #${meta.pr} but the workflow run belongs to #${runPrs.join(', #')}; refusing to publish it`);
  }
  if (ctx.readOnly) {
    log.warning(`mode: report with a read-only token (${ctx.readOnlyReason}); nothing can be published`);
  }
  const gh = createClient(inputs.githubToken, { apiUrl: ctx.apiUrl, logger, secondMs: second });
  // The PR number came from the untrusted run: check that the PR's head really is that commit.
  let prNumber: number | undefined;
  let baseRef: string | undefined;
  if (meta.pr !== null) {
    const pr = await call({ what: `read pull request #${meta.pr}`, permission: 'pull-requests: read' }, () => gh.rest.pulls.get({ owner: ctx.owner, repo: ctx.repo, pull_number: meta.pr! }));
    if (pr.data.head.sha !== meta.headSha) {
      log.warning(`pull request #${meta.pr} has moved on (head ${pr.data.head.sha.slice(0, 12)}, artifact ${meta.headSha.slice(0, 12)}); publishing for the artifact's commit without a comment`);
    } else prNumber = meta.pr;
    baseRef = pr.data.base.ref;
  }
  // The baseline is this job's: the base branch GitHub names for the PR (not the artifact's claim).
  const baseline = await reportBaseline(ctx.readOnly ? undefined : gh, ctx, { inputs, root, baseRef: baseRef ?? branchOf(ctx.ref) }, logger);
  // the one redact step: nothing of the artifacts reaches a publisher unredacted
  const { report, sarifTexts, comments, meta: shown } = log.secrets.redactDeep(decideArtifacts(set, { inputs, root, baseline, logger }));
  setCountOutputs(report);
  const changed = await prDiff(gh, ctx, prNumber, logger);
  await writeSummary(inputs, report);
  printAnnotations(inputs, report, changed);
  const state: PublishState = { hard: [] };
  if (!ctx.readOnly) {
    await publish(
      gh,
      ctx,
      inputs,
      report,
      sarifTexts,
      {
        headSha: meta.headSha,
        ref: meta.pr !== null ? `refs/pull/${meta.pr}/head` : meta.baseRef ? `refs/heads/${meta.baseRef}` : ctx.ref,
        prNumber,
        target: shown.target,
        checkName: inputs.checkName ?? shown.checkName,
        changed,
        comments,
      },
      logger,
      state,
      second,
    );
  }
  // a merge of artifacts is empty by mistake only when some could not be read
  finish(report, state, inputs.allowEmpty || report.inputErrors.length === 0);
}

/** mode: discover — the Dockerfiles (dockerfile = globs) as a strategy.matrix for the reusable workflow. */
function runDiscoverMode(inputs: ActionInputs, root: string, logger: Logger): void {
  const config = loadConfig(root, inputs.config);
  const found = discover({ root, dockerfileGlobs: inputs.dockerfiles, context: inputs.context, include: config.include, exclude: config.exclude });
  const matrix = matrixOf(found.dockerfiles);
  log.setOutput('matrix', JSON.stringify(matrix));
  log.setOutput('count', matrix.include.length);
  logger.info(`${matrix.include.length} Dockerfile(s): ${matrix.include.map((e) => `${e.dockerfile} (${e.target})`).join(', ') || 'none'}`);
}

export async function run(env: Record<string, string | undefined> = process.env): Promise<void> {
  const secrets = new SecretRegistry();
  const logger = actionLogger(secrets);
  log = logger;
  // environment values with secret-like names (the token among them) are secret from the start
  secrets.addSecretEnv(env);
  try {
    const inputs = readInputs((name) => core.getInput(name));
    secrets.add(inputs.githubToken);
    // every build-arg value goes to the builder and can be echoed by a failing RUN: all secret
    for (const value of Object.values(inputs.buildArgs)) secrets.add(value);
    // the values the server gets at start (probe-env) are secrets too
    for (const value of Object.values(inputs.probe.env)) secrets.add(value);
    const payload = readPayload(env);
    const ctx = runContext(env, payload);
    const root = ctx.workspace;
    const second = secondMs(env);
    if (inputs.mode === 'report') return await runReportMode(inputs, ctx, root, logger, payload, second);
    if (inputs.mode === 'discover') return runDiscoverMode(inputs, root, logger);

    const canWrite = inputs.githubToken !== '' && !ctx.readOnly && inputs.mode === 'full';
    if (ctx.readOnly) log.notice(`${ctx.readOnlyReason}. No write call is made: results go to the job summary, annotations and ${inputs.artifactDir}/ (publish them from a workflow_run job with mode: report).`);
    const gh = inputs.githubToken !== '' ? createClient(inputs.githubToken, { apiUrl: ctx.apiUrl, logger, secondMs: second }) : undefined;
    const baseline = await loadBaseline(ctx.readOnly ? undefined : gh, ctx, inputs, root, logger);
    const verification = secretVerification(inputs.verifySecrets, ctx.readOnly);
    if (verification.notice) log.notice(verification.notice);
    const verify = verification.verify;
    // Trivy's DB through the Actions cache: restored while the image builds, saved after the scan
    const trivyCache = new ActionTrivyCache({ logger, noSaveReason: trivyCacheNoSaveReason(ctx) });
    const scanned = await scan(
      {
        root,
        dockerfiles: inputs.dockerfiles.length > 0 ? inputs.dockerfiles : undefined,
        context: inputs.context,
        buildTarget: inputs.target,
        buildArgs: inputs.buildArgs,
        platform: inputs.platform,
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
        verifySecrets: verify,
        offline: inputs.offline,
        timeoutMs: inputs.timeoutMinutes * 60_000,
        manifests: inputs.manifests,
        probe: inputs.probe,
      },
      {
        logger,
        exec: withToolLog(actionsExec, log),
        yaml: { classify: classifyYaml, check: checkYamlFile },
        mcp: mcpChecker,
        // build, Trivy, TruffleHog and the image checks; the scanners are resolved from the
        // version inputs (pinned, SHA-256 verified downloads through the tool cache)
        imagePipeline: createPipeline({
          exec: withToolLog(actionsExec, log),
          logger,
          env: process.env,
          trivyVersion: inputs.trivyVersion,
          trufflehogVersion: inputs.trufflehogVersion,
          cache: actionsToolCache,
          download: actionsDownloader,
          onSecret: (raw) => secrets.add(raw),
          trivyCache,
        }),
      },
    );
    // the one redact step: no publisher below sees a registered secret
    const report = secrets.redactDeep(scanned);
    await trivyCache.save(report.scanners.some((s) => s.name === 'trivy' && s.status === 'ran'));
    // streamed once; the same text is written to the file and uploaded
    const sarifText = streamSarifText(report, { category: inputs.category });
    // the one safe writer: inside the workspace, never through a committed symlink
    const sarifPath = safeWriteFile({ root, what: inputs.sarifFile ? 'sarif-file' : 'artifact-dir' }, inputs.sarifFile ?? join(inputs.artifactDir, SARIF_FILE), sarifText);
    const reportPath = safeWriteFile({ root, what: 'artifact-dir' }, join(inputs.artifactDir, REPORT_FILE), reportJson(report));
    const vexPath = safeWriteFile({ root, what: 'artifact-dir' }, join(inputs.artifactDir, VEX_FILE), `${JSON.stringify(reportVex(report, `${ctx.owner}/${ctx.repo}`), null, 2)}\n`);
    log.setOutput('vex-file', relative(root, vexPath));
    log.setOutput('sarif-file', relative(root, sarifPath));
    log.setOutput('report-file', relative(root, reportPath));
    setCountOutputs(report);

    const target = reportTarget(inputs, `${ctx.owner}/${ctx.repo}`);
    const checkName = checkRunName(inputs);
    if (inputs.mode === 'scan' || ctx.readOnly) {
      const meta: ArtifactMeta = {
        schema: 'mcg-artifact/v1',
        repository: `${ctx.owner}/${ctx.repo}`,
        pr: ctx.pr?.number ?? null,
        headSha: ctx.sha,
        baseRef: ctx.pr?.baseRef ?? (ctx.ref.startsWith('refs/heads/') ? ctx.ref.slice('refs/heads/'.length) : null),
        target,
        checkName,
        category: inputs.category ?? null,
        workflow: ctx.workflow,
        job: ctx.job,
      };
      writeArtifacts(root, inputs.artifactDir, { sarifText, reportText: reportJson(report), meta });
      logger.info(`Scan results written to ${inputs.artifactDir}/ for a mode: report job`);
    }
    const changed = await prDiff(gh, ctx, ctx.pr?.number, logger);
    await writeSummary(inputs, report);
    printAnnotations(inputs, report, changed);
    const state: PublishState = { hard: [] };
    if (canWrite && gh) {
      await publish(gh, ctx, inputs, report, [sarifText], { headSha: ctx.sha, ref: ctx.ref, prNumber: ctx.pr?.number, target, checkName, changed }, logger, state, second);
    }
    finish(report, state, inputs.allowEmpty);
  } catch (e) {
    log.setFailed(e instanceof Error ? e.message : String(e));
  }
}
