/**
 * What mode: report publishes, in two steps. `readArtifactSet` reads and validates the artifacts
 * (one artifact in artifact-dir, or a download directory with one subdirectory per scan job) and
 * checks that they name one repository, commit and pull request. `decideArtifacts` then recomputes
 * the verdict under this job's own policy, config `ignore:` entries and baseline: an artifact's
 * result, counts, `failing`/`new` marks and suppression claims decide nothing (a fork writes them).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Logger, Report } from '../core/types.js';
import type { Baseline } from '../core/merge.js';
import { loadConfig } from '../engine/scan.js';
import { parseMatrix } from '../core/discover.js';
import { findArtifactDirs, mergedSarif, mergeReports, targetReport, type ArtifactReport, type UnreadableArtifact } from '../engine/merge-reports.js';
import { confine, PathError } from '../core/files.js';
import { loadVex } from '../core/vex/scan-vex.js';
import { sarifText as streamSarifText } from '../sarif/to-sarif.js';
import { ArtifactError, META_FILE, readArtifacts, readMeta, readReport, REPORT_FILE, validateMeta, type ArtifactMeta } from './artifact.js';
import type { ActionInputs } from './inputs.js';

export interface ArtifactSet {
  /** The first artifact's metadata (all agree on repository, commit and PR). */
  meta: ArtifactMeta;
  reports: ArtifactReport[];
  /** One artifact in artifact-dir itself and no matrix: published with its own category. */
  single: boolean;
  expect?: string[];
  /** Artifacts that could not be read: MCG990 for their targets. */
  unreadable?: UnreadableArtifact[];
}

export interface LoadedArtifacts {
  report: Report;
  meta: ArtifactMeta;
  sarifTexts: string[];
  /** Per-target comments (comment-mode: per-target over several targets). */
  comments?: { target: string; report: Report }[];
}

export function readArtifactSet(inputs: ActionInputs, root: string): ArtifactSet {
  const dirAbs = confine(root, inputs.artifactDir, 'artifact-dir');
  const expect = inputs.matrix !== undefined ? parseMatrix(inputs.matrix).map((e) => e.dockerfile) : undefined;
  if (existsSync(join(dirAbs, REPORT_FILE)) && expect === undefined) return readSingle(root, inputs.artifactDir);
  const loaded: { label: string; meta: ArtifactMeta; report: Report }[] = [];
  const unreadable: UnreadableArtifact[] = [];
  for (const d of findArtifactDirs([dirAbs])) {
    const label = relative(root, d);
    try {
      loaded.push({ label, ...readArtifacts(root, label) });
    } catch (e) {
      // one bad artifact is a scanner error for its target; every other target is still published
      if (!(e instanceof ArtifactError || e instanceof PathError)) throw e;
      unreadable.push({ label, dockerfile: matrixDockerfile(root, label, expect), reason: e.message });
    }
  }
  const first = loaded[0];
  if (!first) throw new ArtifactError(`no artifact in ${inputs.artifactDir} could be read: ${unreadable.map((u) => `${u.label}: ${u.reason}`).join('; ')}`);
  const meta = first.meta;
  for (const l of loaded) {
    const m = l.meta;
    if (m.repository !== meta.repository || m.headSha !== meta.headSha || m.pr !== meta.pr) {
      throw new Error(`${l.label} was written for ${m.repository}@${m.headSha.slice(0, 12)} (PR ${m.pr ?? 'none'}), not ${meta.repository}@${meta.headSha.slice(0, 12)} (PR ${meta.pr ?? 'none'}) like ${first.label}; refusing to merge them`);
    }
  }
  return { meta, reports: loaded.map((l) => ({ label: l.label, report: l.report })), single: false, expect, unreadable };
}

/**
 * One artifact in artifact-dir itself. Its metadata names the commit to publish on, so without it
 * nothing can be published; a report that cannot be read or does not validate is a scanner error
 * (MCG990) for this target, published like any other result (as in the multi-artifact layout).
 */
function readSingle(root: string, dir: string): ArtifactSet {
  const meta = readMeta(root, dir);
  try {
    return { meta, reports: [{ label: dir, report: readReport(root, dir) }], single: true };
  } catch (e) {
    if (!(e instanceof ArtifactError || e instanceof PathError)) throw e;
    return { meta, reports: [], single: true, unreadable: [{ label: dir, reason: e.message }] };
  }
}

/** The Dockerfile an unreadable artifact was for, when its metadata names one the matrix (trusted) lists. */
function matrixDockerfile(root: string, dir: string, expect: readonly string[] | undefined): string | undefined {
  if (!expect) return undefined;
  try {
    const target = validateMeta(JSON.parse(readFileSync(confine(root, join(dir, META_FILE), 'artifact metadata'), 'utf8'))).target;
    return expect.includes(target) ? target : undefined;
  } catch {
    return undefined;
  }
}

export interface OwnVerdict {
  inputs: ActionInputs;
  root: string;
  baseline: Baseline | undefined;
  logger: Logger;
}

export function decideArtifacts(set: ArtifactSet, own: OwnVerdict): LoadedArtifacts {
  const { inputs, logger } = own;
  // this job's own VEX files (its checkout): the artifacts' VEX decisions are claims like any suppression
  const vex = loadVex(own.root, inputs.vex);
  if (vex.errors.length > 0) throw new Error(`vex: ${vex.errors.map((e) => `${e.path}:${e.line}: ${e.message}`).join('; ')}`);
  const merged = mergeReports(set.reports, {
    vex: vex.documents,
    policy: { threshold: inputs.severityThreshold, failOn: inputs.failOn },
    ignore: loadConfig(own.root, inputs.config).ignore,
    baseline: own.baseline,
    expectDockerfiles: set.expect,
    unreadable: set.unreadable,
  });
  for (const n of merged.notes) logger.warning(n);
  if (set.single) {
    return { report: merged.report, meta: set.meta, sarifTexts: [streamSarifText(merged.report, { category: set.meta.category ?? undefined })] };
  }
  const category = inputs.category ?? set.meta.category ?? undefined;
  const sarif = mergedSarif(merged, { category });
  logger.info(`Merged ${set.reports.length} artifact(s): ${merged.report.targets.length} target(s), ${sarif.categories.length} code-scanning categor${sarif.categories.length === 1 ? 'y' : 'ies'} in ${sarif.texts.length} upload(s)`);
  const targets = merged.report.targets.map((t) => t.name);
  const comments = inputs.commentMode === 'per-target' ? targets.map((t) => ({ target: t, report: targetReport(merged, t) })) : [{ target: 'all targets', report: merged.report }];
  return {
    report: merged.report,
    meta: { ...set.meta, target: 'all targets', checkName: inputs.checkName ?? 'MCP Container Guard' },
    sarifTexts: sarif.texts,
    comments,
  };
}
