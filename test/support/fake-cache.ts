/**
 * A fake of the GitHub Actions cache service as the installed @actions/cache (6.x) speaks it with
 * ACTIONS_CACHE_SERVICE_V2 set: twirp JSON calls under ACTIONS_RESULTS_URL
 * (`POST /twirp/github.actions.results.api.v1.CacheService/{GetCacheEntryDownloadURL,
 * CreateCacheEntry,FinalizeCacheEntryUpload}`, proto field names), a signed upload URL that the
 * Azure storage SDK PUTs the archive to (one shot below 128 MiB), and a signed download URL that is
 * fetched with a plain GET (the host is not *.blob.core.windows.net). Entries match a key exactly,
 * else the newest entry whose key starts with a restore key; the version (paths + compression) must
 * match too. `failWith` makes every call answer with that HTTP status.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CacheEntry {
  key: string;
  version: string;
  data?: Buffer;
  finalized: boolean;
  created: number;
}

export interface CacheCall {
  method: string;
  path: string;
  body?: Record<string, unknown>;
  auth?: string;
}

const SERVICE = '/twirp/github.actions.results.api.v1.CacheService/';

export class FakeCache {
  readonly entries: CacheEntry[] = [];
  readonly calls: CacheCall[] = [];
  failWith?: number;
  private server?: Server;
  private seq = 0;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((e: unknown) => {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ code: 'internal', msg: String(e) }));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
    return this;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  /**
   * The environment the runner gives a JS action for the cache service. GITHUB_SERVER_URL must be
   * github.com: on any other host @actions/cache assumes GHES and speaks the v1 protocol.
   */
  env(): Record<string, string> {
    return { ACTIONS_CACHE_SERVICE_V2: 'True', ACTIONS_RESULTS_URL: this.url, ACTIONS_RUNTIME_TOKEN: 'fake-runtime-token', GITHUB_SERVER_URL: 'https://github.com' };
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks);
    const u = new URL(req.url ?? '/', this.url);
    const call: CacheCall = { method: req.method ?? '', path: u.pathname, auth: req.headers.authorization };
    this.calls.push(call);
    const json = (status: number, body: unknown): void => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (this.failWith !== undefined) {
      json(this.failWith, { code: 'unavailable', msg: 'the fake cache service is down' });
      return;
    }
    if (req.method === 'POST' && u.pathname.startsWith(SERVICE)) {
      const body = JSON.parse(raw.toString('utf8') || '{}') as Record<string, unknown>;
      call.body = body;
      if (req.headers.authorization !== 'Bearer fake-runtime-token') return json(401, { code: 'unauthenticated', msg: 'no token' });
      const method = u.pathname.slice(SERVICE.length);
      const key = String(body['key'] ?? '');
      const version = String(body['version'] ?? '');
      if (method === 'GetCacheEntryDownloadURL') {
        const done = this.entries.filter((e) => e.finalized && e.version === version).sort((a, b) => b.created - a.created);
        const restoreKeys = Array.isArray(body['restore_keys']) ? body['restore_keys'].map(String) : [];
        const hit = done.find((e) => e.key === key) ?? restoreKeys.map((p) => done.find((e) => e.key.startsWith(p))).find((e) => e !== undefined);
        if (!hit) return json(200, { ok: false });
        return json(200, { ok: true, signed_download_url: `${this.url}blob/${this.entries.indexOf(hit)}?sig=read`, matched_key: hit.key });
      }
      if (method === 'CreateCacheEntry') {
        if (this.entries.some((e) => e.key === key && e.version === version)) return json(409, { code: 'already_exists', msg: 'cache entry with the same key, version, and scope already exists' });
        this.entries.push({ key, version, finalized: false, created: ++this.seq });
        return json(200, { ok: true, signed_upload_url: `${this.url}devstoreaccount1/actions-cache/${this.entries.length - 1}?sig=write` });
      }
      if (method === 'FinalizeCacheEntryUpload') {
        const e = this.entries.find((x) => x.key === key && x.version === version && !x.finalized);
        if (!e?.data) return json(200, { ok: false, message: 'nothing uploaded' });
        if (String(body['size_bytes']) !== String(e.data.length)) return json(200, { ok: false, message: `size ${String(body['size_bytes'])} != ${e.data.length}` });
        e.finalized = true;
        return json(200, { ok: true, entry_id: String(this.entries.indexOf(e) + 1) });
      }
      return json(404, { code: 'bad_route', msg: method });
    }
    const up = /^\/devstoreaccount1\/actions-cache\/(\d+)$/.exec(u.pathname);
    if (req.method === 'PUT' && up) {
      const e = this.entries[Number(up[1])];
      if (!e || u.searchParams.get('sig') !== 'write') return json(403, {});
      e.data = raw;
      res.writeHead(201, { etag: '"0x1"', 'last-modified': new Date().toUTCString(), 'content-md5': '', 'x-ms-request-id': '1', 'x-ms-version': '2024-11-04', 'x-ms-request-server-encrypted': 'true' });
      res.end();
      return;
    }
    const down = /^\/blob\/(\d+)$/.exec(u.pathname);
    if (req.method === 'GET' && down) {
      const e = this.entries[Number(down[1])];
      if (!e?.data || u.searchParams.get('sig') !== 'read') return json(404, {});
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(e.data.length) });
      res.end(e.data);
      return;
    }
    json(404, { msg: `${req.method} ${u.pathname}` });
  }
}
