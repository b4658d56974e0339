/**
 * Trivy's DB download against an unkind registry (issue #23 item 3): Trivy is run again after a
 * backoff when its DB download failed on a rate limit (429 / TOOMANYREQUESTS) or a 5xx answer; when
 * every attempt failed, the failure names the repository and the answer (the caller turns it into
 * MCG990: fail closed). After a successful run, `max-db-age` is checked against db/metadata.json.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as trivy from '../scanners/trivy.js';
import { backoffDelays, checkDbAge, dbDownloadFailure, dbFailureMessage } from '../core/trivy-db.js';
import type { PipelineRun } from './pipeline-types.js';

type TrivyCtx = Parameters<typeof trivy.run>[2];

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** trivy.run with retries on a retryable DB download failure; the failure message says what the registry answered. */
export async function runTrivyWithRetry(run: PipelineRun, o: trivy.TrivyRunOptions, ctx: TrivyCtx): Promise<trivy.ScannerRun> {
  const db = run.opts.trivyDb;
  const delays = o.offline ? [] : backoffDelays(db?.retryBaseMs);
  const tried = db?.repositories ?? [];
  let durationMs = 0;
  for (let attempt = 1; ; attempt++) {
    const r = await trivy.run(run.exec, o, ctx);
    durationMs += r.durationMs;
    if (!r.failure || r.stderr === undefined) return { ...r, durationMs };
    const f = dbDownloadFailure(r.stderr);
    if (!f) return { ...r, durationMs };
    const wait = delays[attempt - 1];
    if (!f.retryable || wait === undefined) return { ...r, failure: dbFailureMessage(f, tried, attempt), durationMs };
    const said = f.answers.map((a) => `${a.repository ?? 'its repository'}: "${a.answer}"`).join('; ');
    run.deps.logger.warning(`Trivy DB download failed (${said}); retry ${attempt} of ${delays.length} in ${Math.round(wait / 100) / 10} s`);
    await sleep(wait);
  }
}

/** A failing message when the DB is older than max-db-age (unless offline: true, then a log line). */
export function dbAgeProblem(run: PipelineRun, cacheDir: string): string | undefined {
  const max = run.opts.trivyDb?.maxAgeHours;
  if (max === undefined) return undefined;
  let metadataJson: string | undefined;
  try {
    metadataJson = readFileSync(join(cacheDir, 'db', 'metadata.json'), 'utf8');
  } catch {
    metadataJson = undefined;
  }
  const v = checkDbAge({ metadataJson, now: run.opts.now ?? new Date(), maxHours: max, offline: run.opts.offline === true });
  if (v.note) run.deps.logger.warning(v.note);
  else if (v.ageHours !== undefined) run.deps.logger.info(`Trivy DB: ${v.ageHours} h old (max-db-age ${max} h)`);
  return v.failure;
}
