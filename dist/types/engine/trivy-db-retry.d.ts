import * as trivy from '../scanners/trivy.js';
import type { PipelineRun } from './pipeline-types.js';
type TrivyCtx = Parameters<typeof trivy.run>[2];
/** trivy.run with retries on a retryable DB download failure; the failure message says what the registry answered. */
export declare function runTrivyWithRetry(run: PipelineRun, o: trivy.TrivyRunOptions, ctx: TrivyCtx): Promise<trivy.ScannerRun>;
/** A failing message when the DB is older than max-db-age (unless offline: true, then a log line). */
export declare function dbAgeProblem(run: PipelineRun, cacheDir: string): string | undefined;
export {};
