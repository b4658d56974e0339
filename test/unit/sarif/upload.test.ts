import { describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import { randomBytes } from 'node:crypto';
import {
  checkSarifSize,
  encodeSarif,
  MAX_SARIF_GZIP_BYTES,
  pollSchedule,
  SarifProcessingError,
  SarifTooLargeError,
  uploadSarif,
  type SarifUploadApi,
  type UploadRequest,
} from '../../../src/sarif/upload.js';
import type { Logger } from '../../../src/core/types.js';

const SHA = 'a'.repeat(40);
const quiet: Logger & { warnings: string[] } = Object.assign(
  { warnings: [] as string[] },
  { debug: () => {}, info: () => {}, error: () => {} },
  { warning(this: { warnings: string[] }, m: string) { this.warnings.push(m); } },
);

function fakeApi(statuses: string[], errors: string[] = []): SarifUploadApi & { uploads: UploadRequest[]; sleeps: number[]; polls: number } {
  const api = {
    uploads: [] as UploadRequest[],
    sleeps: [] as number[],
    polls: 0,
    async upload(req: UploadRequest) {
      api.uploads.push(req);
      return { id: 'r1', url: 'https://api/x' };
    },
    async status() {
      const s = statuses[Math.min(api.polls, statuses.length - 1)]!;
      api.polls++;
      return { processing_status: s, errors: s === 'failed' ? errors : null };
    },
    async sleep(ms: number) {
      api.sleeps.push(ms);
    },
  };
  return api;
}

describe('encodeSarif', () => {
  it('gzips then base64-encodes, round-tripping the exact text', () => {
    const text = JSON.stringify({ version: '2.1.0', runs: [{ tool: { driver: { name: 'ü' } } }] });
    const e = encodeSarif(text);
    expect(gunzipSync(Buffer.from(e.payload, 'base64')).toString('utf8')).toBe(text);
    expect(e.rawBytes).toBe(Buffer.byteLength(text));
    expect(e.gzipBytes).toBe(Buffer.from(e.payload, 'base64').length);
  });

  it('refuses a log over the gzipped limit before any request', async () => {
    expect(() => checkSarifSize({ payload: '', rawBytes: 0, gzipBytes: MAX_SARIF_GZIP_BYTES + 1 })).toThrow(SarifTooLargeError);
    expect(() => checkSarifSize({ payload: '', rawBytes: 0, gzipBytes: MAX_SARIF_GZIP_BYTES })).not.toThrow();
    const api = fakeApi(['complete']);
    // random bytes do not compress: 2 KB limit, 8 KB of noise
    const noise = randomBytes(6000).toString('base64');
    await expect(uploadSarif(JSON.stringify({ noise }), { commitSha: SHA, ref: 'refs/heads/main', toolName: 't', maxGzipBytes: 2000 }, api, quiet)).rejects.toThrow(SarifTooLargeError);
    expect(api.uploads).toHaveLength(0);
  });
});

describe('pollSchedule', () => {
  it('is bounded in total and capped per step', () => {
    const s = pollSchedule(120_000, 1000);
    expect(s.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(120_000);
    expect(Math.max(...s)).toBe(10_000);
    expect(s.slice(0, 3)).toEqual([1000, 2000, 3000]);
    expect(pollSchedule(500, 1000)).toEqual([]);
  });

  it('scales with the unit', () => {
    expect(pollSchedule(120, 1)).toEqual(pollSchedule(120_000, 1000).map((d) => d / 1000));
  });
});

describe('uploadSarif', () => {
  it('sends commit, ref, tool and the encoded log, then polls until complete', async () => {
    const api = fakeApi(['pending', 'pending', 'complete']);
    const out = await uploadSarif('{"version":"2.1.0","runs":[]}', { commitSha: SHA, ref: 'refs/pull/7/head', toolName: 'MCP Container Guard' }, api, quiet);
    expect(out.status).toBe('complete');
    expect(api.uploads).toHaveLength(1);
    const req = api.uploads[0]!;
    expect(req).toMatchObject({ commit_sha: SHA, ref: 'refs/pull/7/head', tool_name: 'MCP Container Guard' });
    expect(req).not.toHaveProperty('checkout_uri');
    expect(api.polls).toBe(3);
    expect(api.sleeps).toEqual([1000, 2000, 3000]);
  });

  it('throws GitHub\'s errors when processing failed', async () => {
    const api = fakeApi(['pending', 'failed'], ['locationFromSarifResult: expected artifact location']);
    const err = await uploadSarif('{}', { commitSha: SHA, ref: 'refs/heads/main', toolName: 't' }, api, quiet).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SarifProcessingError);
    expect((err as Error).message).toContain('expected artifact location');
  });

  it('gives up after the schedule with a warning, not a failure', async () => {
    const api = fakeApi(['pending']);
    quiet.warnings.length = 0;
    const out = await uploadSarif('{}', { commitSha: SHA, ref: 'refs/heads/main', toolName: 't', maxWaitMs: 10_000 }, api, quiet);
    expect(out.status).toBe('timeout');
    expect(api.sleeps.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(10_000);
    expect(quiet.warnings.join('\n')).toContain('still processing');
  });

  it('rejects a malformed commit or ref before any request', async () => {
    const api = fakeApi(['complete']);
    await expect(uploadSarif('{}', { commitSha: 'abc', ref: 'refs/heads/main', toolName: 't' }, api, quiet)).rejects.toThrow(/not a 40- or 64-digit/);
    await expect(uploadSarif('{}', { commitSha: SHA, ref: 'main', toolName: 't' }, api, quiet)).rejects.toThrow(/refs\/heads/);
    expect(api.uploads).toHaveLength(0);
  });
});
