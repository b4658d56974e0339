/**
 * Trivy's vulnerability DB when the registry is unkind (issue #23 item 3), real Trivy on the rig:
 * max-db-age read from a copy of the fixture DB whose metadata.json is made old (or fresh), and a
 * rate-limiting registry (a local HTTP server answering every request 429 TOOMANYREQUESTS, as a
 * registry's rate limit does) given as db-repository to an empty cache: retried with backoff, then
 * MCG990 naming the repository and its answer (fail closed).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rigScan, type RigScan } from '../support/scan-rig.js';

const NODE = 'examples/node-mcp-server';
const noSecrets = { scanners: { trivy: true, trufflehog: false } };

function updatedAt(at: Date): (dir: string) => void {
  return (dir) => {
    const p = join(dir, 'db', 'metadata.json');
    const m = JSON.parse(readFileSync(p, 'utf8')) as Record<string, unknown>;
    writeFileSync(p, JSON.stringify({ ...m, UpdatedAt: at.toISOString(), DownloadedAt: at.toISOString() }));
  };
}

const mcg990 = (r: RigScan): string[] => r.report.findings.filter((f) => f.ruleId === 'MCG990').map((f) => f.message);

describe('max-db-age', () => {
  let old: RigScan;
  let oldOffline: RigScan;
  let fresh: RigScan;
  beforeAll(async () => {
    const longAgo = new Date(Date.now() - 30 * 24 * 3_600_000);
    old = await rigScan(NODE, { ...noSecrets, offline: false, trivyDb: { maxAgeHours: 24 } }, updatedAt(longAgo));
    oldOffline = await rigScan(NODE, { ...noSecrets, offline: true, trivyDb: { maxAgeHours: 24 } }, updatedAt(longAgo));
    fresh = await rigScan(NODE, { ...noSecrets, offline: false, trivyDb: { maxAgeHours: 24 } }, updatedAt(new Date(Date.now() - 2 * 3_600_000)));
  }, 20 * 60_000);
  it('a cached DB older than max-db-age is a failing MCG990', () => {
    expect(mcg990(old).join('\n')).toMatch(/Trivy's vulnerability DB is 72\d(\.\d)? h old .* older than max-db-age 24 h/);
    expect(old.report.result).toBe('fail');
  });
  it('with offline: true it is accepted, and a warning says so', () => {
    expect(mcg990(oldOffline)).toEqual([]);
    expect(oldOffline.logs.join('\n')).toMatch(/warning: Trivy's vulnerability DB is .* accepted because offline: true/);
  });
  it('a DB younger than max-db-age passes, its age logged', () => {
    expect(mcg990(fresh)).toEqual([]);
    expect(fresh.logs.join('\n')).toMatch(/info: Trivy DB: 2(\.\d)? h old \(max-db-age 24 h\)/);
  });
});

describe('a rate-limited DB registry', () => {
  let server: Server;
  let requests = 0;
  let run: RigScan;
  let repo: string;
  beforeAll(async () => {
    server = createServer((_req, res) => {
      requests++;
      res.writeHead(429, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ errors: [{ code: 'TOOMANYREQUESTS', message: 'retry-after: 1s, allowed: 44000/minute' }] }));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    repo = `127.0.0.1:${(server.address() as AddressInfo).port}/trivy-db:2`;
    run = await rigScan(NODE, { ...noSecrets, offline: false, trivyDb: { repositories: [repo], retryBaseMs: 20 } }, (dir) => rmSync(join(dir, 'db'), { recursive: true, force: true }));
  }, 20 * 60_000);
  afterAll(() => new Promise<void>((r) => server.close(() => r())));
  it('retried three times with backoff, then fails closed naming the repository and the answer', () => {
    const logs = run.logs.join('\n');
    for (const n of [1, 2, 3]) expect(logs).toContain(`retry ${n} of 3`);
    const m = mcg990(run).join('\n');
    expect(m).toContain(`after 4 attempts: ${repo} answered "TOOMANYREQUESTS: retry-after: 1s, allowed: 44000/minute"`);
    expect(run.report.scanners.find((s) => s.name === 'trivy')?.status).toBe('failed');
    expect(run.report.result).toBe('fail');
    expect(requests).toBeGreaterThanOrEqual(4);
  });
});
