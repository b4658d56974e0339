/** mode: discover — the Dockerfiles (dockerfile = globs) as a strategy.matrix for the reusable workflow. */
import { loadConfig } from '../../engine/scan.js';
import { discover, matrixOf } from '../../core/discover.js';
import { selectChangedTargets } from '../../engine/changed-targets.js';
import type { ChangedFiles } from '../../core/changed-only.js';
import { createClient } from '../github.js';
import { actionsExec } from '../exec.js';
import { prChangedFiles } from '../pr-files.js';
import type { ModeRun } from './common.js';

async function changedFiles(m: ModeRun): Promise<ChangedFiles> {
  const { ctx, inputs, log } = m;
  if (!ctx.pr) return { ok: false, reason: 'this run is not for a pull request' };
  const ev = (m.payload as { pull_request?: { changed_files?: unknown; base?: { sha?: unknown } } } | null)?.pull_request;
  const gh = inputs.githubToken !== '' ? createClient(inputs.githubToken, { apiUrl: ctx.apiUrl, logger: log, secondMs: m.second }) : undefined;
  return prChangedFiles(
    gh,
    {
      owner: ctx.owner,
      repo: ctx.repo,
      number: ctx.pr.number,
      changedFiles: typeof ev?.changed_files === 'number' ? ev.changed_files : undefined,
      baseSha: typeof ev?.base?.sha === 'string' ? ev.base.sha : undefined,
      headSha: ctx.pr.headSha || undefined,
    },
    { exec: actionsExec, root: ctx.workspace },
  );
}

export async function runDiscoverMode(m: ModeRun): Promise<void> {
  const { inputs, log } = m;
  const root = m.ctx.workspace;
  const config = loadConfig(root, inputs.config);
  const found = discover({ root, dockerfileGlobs: inputs.dockerfiles, context: inputs.context, include: config.include, exclude: config.exclude });
  const full = matrixOf(found.dockerfiles);
  let matrix: { include: typeof full.include; skipped?: { target: string; dockerfile: string; context: string; reason: string }[] } = full;
  if (inputs.changedOnly) {
    const sel = selectChangedTargets({ root, entries: full.include, changed: await changedFiles(m), config: inputs.config });
    const keep = new Set(sel.selected.map((s) => s.target));
    matrix = { include: full.include.filter((e) => keep.has(e.target)), skipped: sel.skipped };
    // reasons quote file names as JSON strings: no newline or workflow command reaches the log
    if (sel.all !== undefined) log.info(`changed-only: ${sel.all}`);
    for (const s of sel.selected) if (sel.all === undefined) log.info(`changed-only: ${s.dockerfile} (${s.target}) is scanned: ${s.reason}`);
    for (const s of sel.skipped) log.info(`changed-only: ${s.dockerfile} (${s.target}) is ${s.reason}`);
  }
  log.setOutput('matrix', JSON.stringify(matrix));
  log.setOutput('count', matrix.include.length);
  log.setOutput('skipped', matrix.skipped?.length ?? 0);
  log.info(`${matrix.include.length} Dockerfile(s): ${matrix.include.map((e) => `${e.dockerfile} (${e.target})`).join(', ') || 'none'}`);
}
