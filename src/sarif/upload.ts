/**
 * Code-scanning upload, the pure part (DESIGN §8): encode the SARIF once (gzip, then Base64), check
 * it against GitHub's size limit, send it through an injected API, and poll the processing status on
 * a bounded schedule. No network and no @actions/* here: src/action/code-scanning.ts supplies the API.
 */
import { gzipSync } from 'node:zlib';
import type { Logger } from '../core/types.js';

/**
 * GitHub rejects a SARIF upload above 10 MB gzipped ("SARIF file is too large", 413). Decimal
 * megabytes, to stay on the safe side (docs: code scanning, SARIF support, file size limits).
 */
export const MAX_SARIF_GZIP_BYTES = 10 * 1000 * 1000;

/** `commit_sha` as the upload endpoint accepts it: 40 (SHA-1) or 64 (SHA-256) hex digits (OpenAPI). */
export const COMMIT_SHA = /^([0-9a-fA-F]{40}(?:[0-9a-fA-F]{24})?)$/;
/** `ref` as the upload endpoint accepts it (OpenAPI `code-scanning-ref-full`). */
export const UPLOAD_REF = /^refs\/(heads|tags|pull)\/.*$/;

export interface EncodedSarif {
  /** gzip, then Base64: the `sarif` field of the upload request. */
  payload: string;
  rawBytes: number;
  gzipBytes: number;
}

export class SarifTooLargeError extends Error {
  constructor(
    readonly gzipBytes: number,
    readonly limit: number,
  ) {
    super(
      `the SARIF log is ${(gzipBytes / 1e6).toFixed(2)} MB gzipped; code scanning accepts at most ${(limit / 1e6).toFixed(0)} MB. ` +
        'Raise severity-threshold, split the scan (one target per job) or set upload-sarif: false and keep the file as an artifact.',
    );
  }
}

export class SarifProcessingError extends Error {
  constructor(
    readonly sarifId: string,
    readonly errors: readonly string[],
  ) {
    super(`code scanning could not process the SARIF upload ${sarifId}: ${errors.length > 0 ? errors.join('; ') : 'no reason given'}`);
  }
}

/** Gzip once, Base64 once. Takes the serialised log so the bytes uploaded are the bytes written to disk. */
export function encodeSarif(text: string): EncodedSarif {
  const raw = Buffer.from(text, 'utf8');
  const gz = gzipSync(raw, { level: 9 });
  return { payload: gz.toString('base64'), rawBytes: raw.length, gzipBytes: gz.length };
}

export function checkSarifSize(encoded: EncodedSarif, limit = MAX_SARIF_GZIP_BYTES): void {
  if (encoded.gzipBytes > limit) throw new SarifTooLargeError(encoded.gzipBytes, limit);
}

/**
 * Delays before each status poll, in milliseconds: quick at first (small logs finish in seconds),
 * then capped, never more than `maxTotalMs` in all. `unitMs` is one second (smaller in tests).
 */
export function pollSchedule(maxTotalMs = 120_000, unitMs = 1000): number[] {
  const steps = [1, 2, 3, 5, 8, 10];
  const out: number[] = [];
  let total = 0;
  for (let i = 0; ; i++) {
    const d = (steps[Math.min(i, steps.length - 1)] ?? 10) * unitMs;
    if (total + d > maxTotalMs) break;
    out.push(d);
    total += d;
  }
  return out;
}

export interface UploadRequest {
  commit_sha: string;
  ref: string;
  sarif: string;
  tool_name: string;
  started_at?: string;
}

export type ProcessingStatus = 'pending' | 'complete' | 'failed';

export interface SarifUploadApi {
  upload(req: UploadRequest): Promise<{ id: string; url?: string }>;
  status(id: string): Promise<{ processing_status?: ProcessingStatus | string; errors?: readonly string[] | null; analyses_url?: string | null }>;
  sleep(ms: number): Promise<void>;
}

export interface UploadOptions {
  commitSha: string;
  ref: string;
  toolName: string;
  startedAt?: string;
  /** Poll at all (the action waits; `false` returns right after the 202). */
  wait?: boolean;
  maxWaitMs?: number;
  unitMs?: number;
  maxGzipBytes?: number;
}

export interface UploadOutcome {
  id: string;
  url?: string;
  /** `timeout`: still pending when the schedule ran out (a warning, not a failure). */
  status: 'complete' | 'timeout' | 'not-waited';
  analysesUrl?: string;
  gzipBytes: number;
}

export function validateUploadTarget(commitSha: string, ref: string): void {
  if (!COMMIT_SHA.test(commitSha)) throw new Error(`cannot upload SARIF: commit "${commitSha}" is not a 40- or 64-digit hex commit SHA`);
  if (!UPLOAD_REF.test(ref)) throw new Error(`cannot upload SARIF: ref "${ref}" is not refs/heads/…, refs/tags/… or refs/pull/…`);
}

/**
 * Uploads one SARIF log and waits for GitHub to process it. Throws SarifTooLargeError before any
 * request, SarifProcessingError when GitHub reports `failed`, and whatever the API throws otherwise.
 */
export async function uploadSarif(sarifText: string, opts: UploadOptions, api: SarifUploadApi, logger: Logger): Promise<UploadOutcome> {
  validateUploadTarget(opts.commitSha, opts.ref);
  const encoded = encodeSarif(sarifText);
  checkSarifSize(encoded, opts.maxGzipBytes);
  logger.info(`Uploading SARIF (${encoded.rawBytes} bytes, ${encoded.gzipBytes} gzipped) for ${opts.ref} at ${opts.commitSha.slice(0, 12)}`);
  const receipt = await api.upload({
    commit_sha: opts.commitSha,
    ref: opts.ref,
    sarif: encoded.payload,
    tool_name: opts.toolName,
    ...(opts.startedAt ? { started_at: opts.startedAt } : {}),
  });
  const base = { id: receipt.id, url: receipt.url, gzipBytes: encoded.gzipBytes };
  if (opts.wait === false) return { ...base, status: 'not-waited' };
  for (const delay of pollSchedule(opts.maxWaitMs, opts.unitMs)) {
    await api.sleep(delay);
    const st = await api.status(receipt.id);
    if (st.processing_status === 'complete') {
      logger.info(`Code scanning processed SARIF upload ${receipt.id}`);
      return { ...base, status: 'complete', analysesUrl: st.analyses_url ?? undefined };
    }
    if (st.processing_status === 'failed') throw new SarifProcessingError(receipt.id, st.errors ?? []);
    if (st.processing_status !== 'pending') {
      // GitHub has been seen answering unexpected states; do not loop on them forever (codeql-action does the same).
      logger.warning(`code scanning reported an unexpected processing status "${String(st.processing_status)}" for ${receipt.id}; not waiting further`);
      return { ...base, status: 'timeout' };
    }
  }
  logger.warning(`code scanning is still processing SARIF upload ${receipt.id}; not waiting any longer (results will appear when it finishes)`);
  return { ...base, status: 'timeout' };
}
