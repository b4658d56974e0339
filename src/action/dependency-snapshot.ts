/**
 * GitHub's dependency graph (issue #22): the image's packages as a dependency snapshot
 * (`POST /repos/{owner}/{repo}/dependency-graph/snapshots`), one per target, grouped by the
 * build-context manifest that declares them (requirements.txt, package-lock.json, uv.lock …) and
 * otherwise by the Dockerfile that installed them. Sent only with a token that may write: never on
 * a fork pull request or a Dependabot run (ctx.readOnly), never in mode: scan.
 */
import type { Logger } from '../core/types.js';
import type { ImagePackage, ImageSbom } from '../core/sbom.js';
import { REPOSITORY_URL, TOOL_NAME, TOOL_VERSION } from '../core/meta.js';
import type { Mode, Tristate } from './inputs.js';
import type { RunContext } from './context.js';
import { call, GitHubApiError, type GitHubClient } from './github.js';

export type SnapshotDecision = { send: true } | { send: false; reason: string };

/** Whether this run submits a snapshot; `true` still never writes with a read-only token. */
export function snapshotDecision(input: Tristate, run: { ctx: RunContext; mode: Mode; hasToken: boolean }): SnapshotDecision {
  if (input === 'false') return { send: false, reason: 'dependency-snapshot: false' };
  if (run.mode !== 'full') return { send: false, reason: `mode: ${run.mode} makes no write call` };
  if (run.ctx.readOnly) return { send: false, reason: `${run.ctx.readOnlyReason ?? 'read-only token'}: no dependency snapshot is submitted` };
  if (!run.hasToken) return { send: false, reason: 'no github-token' };
  return { send: true };
}

interface ResolvedDependency {
  package_url: string;
  relationship: 'direct' | 'indirect';
  scope: 'runtime';
  dependencies: string[];
}

interface Manifest {
  name: string;
  file: { source_location: string };
  resolved: Record<string, ResolvedDependency>;
}

export interface DependencySnapshot {
  version: 0;
  sha: string;
  ref: string;
  job: { correlator: string; id: string; html_url?: string };
  detector: { name: string; version: string; url: string };
  scanned: string;
  metadata: Record<string, string>;
  manifests: Record<string, Manifest>;
}

/** The correlator: one snapshot per workflow, job and target, replaced by the next run's. */
export function correlator(ctx: Pick<RunContext, 'workflow' | 'job'>, target: string): string {
  return `${ctx.workflow}_${ctx.job}_${target}`.slice(0, 255);
}

function manifestOf(p: ImagePackage): string {
  return p.manifest?.path ?? p.dockerfile;
}

/** The snapshot of one target's image; packages without a purl cannot be submitted and are counted. */
export function buildSnapshot(sbom: ImageSbom, ctx: RunContext, scanned: Date): { snapshot: DependencySnapshot; withoutPurl: number } {
  const manifests: Record<string, Manifest> = {};
  let withoutPurl = 0;
  for (const p of sbom.packages) {
    if (!p.purl) {
      withoutPurl++;
      continue;
    }
    const path = manifestOf(p);
    const m = (manifests[path] ??= { name: path, file: { source_location: path }, resolved: {} });
    const known = m.resolved[p.purl];
    // the same package twice (two copies in the image): declared wins
    if (known && (known.relationship === 'direct' || !p.manifest)) continue;
    m.resolved[p.purl] = { package_url: p.purl, relationship: p.manifest ? 'direct' : 'indirect', scope: 'runtime', dependencies: [] };
  }
  const runUrl = ctx.runId ? `${ctx.serverUrl}/${ctx.owner}/${ctx.repo}/actions/runs/${ctx.runId}` : undefined;
  const snapshot: DependencySnapshot = {
    version: 0,
    sha: ctx.sha,
    ref: ctx.ref,
    job: { correlator: correlator(ctx, sbom.target), id: ctx.runId ?? `${ctx.workflow}/${ctx.job}`, ...(runUrl ? { html_url: runUrl } : {}) },
    detector: { name: TOOL_NAME, version: TOOL_VERSION, url: REPOSITORY_URL },
    scanned: scanned.toISOString(),
    metadata: { target: sbom.target, ...(sbom.image ? { image: sbom.image } : {}) },
    manifests,
  };
  return { snapshot, withoutPurl };
}

export interface SnapshotOutcome {
  submitted: Array<{ target: string; id?: number; result?: string }>;
  /** Failures that must fail the step (dependency-snapshot: true). */
  hard: string[];
}

/** Submits one snapshot per target. A refusal is a warning for `auto`, an error for `true`. */
export async function submitSnapshots(gh: GitHubClient, ctx: RunContext, run: { sboms: readonly ImageSbom[]; input: Tristate; now?: Date }, logger: Logger): Promise<SnapshotOutcome> {
  const out: SnapshotOutcome = { submitted: [], hard: [] };
  for (const sbom of run.sboms) {
    const { snapshot, withoutPurl } = buildSnapshot(sbom, ctx, run.now ?? new Date());
    if (withoutPurl > 0) logger.info(`dependency snapshot of ${sbom.target}: ${withoutPurl} package(s) without a package URL left out`);
    try {
      const res = await call({ what: `submit the dependency snapshot of ${sbom.target}`, permission: 'contents: write' }, () =>
        gh.request('POST /repos/{owner}/{repo}/dependency-graph/snapshots', { owner: ctx.owner, repo: ctx.repo, ...snapshot }),
      );
      const data = res.data as { id?: number; result?: string };
      out.submitted.push({ target: sbom.target, id: data.id, result: data.result });
      logger.info(`Dependency snapshot of ${sbom.target} submitted (${Object.keys(snapshot.manifests).length} manifest(s)): ${data.result ?? 'accepted'}`);
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      const refused = e instanceof GitHubApiError && (e.kind === 'permission' || e.kind === 'not-found');
      if (run.input === 'true' || !refused) out.hard.push(msg);
      else logger.warning(`${msg} — set dependency-snapshot: false to stop trying`);
    }
  }
  return out;
}
