/**
 * A local fake of the GitHub REST API for the operations the action calls. Every request and every
 * response is validated against GitHub's official OpenAPI description (the committed subset in
 * test/fixtures/github-openapi-subset.json, cut from npm @octokit/openapi by
 * scripts/gen-openapi-subset.mjs). A request that does not match the description is answered 422
 * and recorded in `violations`; tests assert there are none.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type JsonObject = { [k: string]: Json };
type Schema = Record<string, unknown>;

interface Operation {
  method: string;
  template: string;
  regex: RegExp;
  names: string[];
  operationId: string;
  parameters: Schema[];
  requestBody?: Schema;
  responses: Record<string, Schema>;
}

export interface Recorded {
  method: string;
  path: string;
  query: Record<string, string>;
  operationId: string;
  status: number;
  body?: unknown;
  headers: Record<string, string | string[] | undefined>;
}

export interface Failure {
  operationId: string;
  status: number;
  body?: JsonObject;
  headers?: Record<string, string>;
  /** How many matching requests fail (default 1; Infinity = always). */
  times?: number;
  /** Answer only after this many milliseconds (a slow or hung GitHub). */
  delayMs?: number;
  /** Carry the request out, then answer with the failure (a write that landed but whose answer was lost). */
  landed?: boolean;
}

export interface CheckRunState {
  id: number;
  name: string;
  head_sha: string;
  status: string;
  conclusion: string | null;
  output: { title?: string; summary?: string; text?: string };
  annotations: JsonObject[];
  external_id: string | null;
  details_url: string | null;
  started_at: string | null;
  completed_at: string | null;
}

export interface CommentState {
  id: number;
  issue: number;
  body: string;
  userType: 'Bot' | 'User';
  login: string;
}

export interface SarifState {
  id: string;
  commit_sha: string;
  ref: string;
  tool_name?: string;
  sarif: unknown;
  polls: number;
}

export interface AnalysisFixture {
  id: number;
  ref: string;
  tool: string;
  category: string;
  created_at: string;
  commit_sha: string;
  sarif: unknown;
}

export interface AlertFixture {
  number: number;
  ref: string;
  tool: string;
  state: 'open' | 'dismissed' | 'fixed';
  ruleId: string;
  path: string;
  line: number;
}

export interface FakeGitHubOptions {
  owner?: string;
  repo?: string;
  /** Polls of GET /code-scanning/sarifs/{id} answered `pending` before the final state. */
  sarifPendingPolls?: number;
  /** Final processing state of uploads. */
  sarifFinal?: 'complete' | 'failed';
  sarifErrors?: string[];
}

const here = fileURLToPath(new URL('.', import.meta.url));
const SPEC_PATH = `${here}../fixtures/github-openapi-subset.json`;
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

let cached: { ops: Operation[]; ajv: Ajv; components: Record<string, Record<string, Schema>> } | undefined;

/**
 * Points local refs at the registered components and applies OpenAPI 3.0.3's reading of
 * `nullable: true` next to `enum` or `anyOf` (null is allowed: GitHub sends `conclusion: null`).
 */
function rewriteRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rewriteRefs);
  if (node && typeof node === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node)) out[k] = k === '$ref' && typeof v === 'string' && v.startsWith('#/') ? `gh${v}` : rewriteRefs(v);
    if (out['nullable'] === true && Array.isArray(out['enum']) && !(out['enum'] as unknown[]).includes(null)) out['enum'] = [...(out['enum'] as unknown[]), null];
    // `nullable` beside `anyOf` without a `type` (the snapshot's metadata values): null is one more choice
    if (out['nullable'] === true && out['type'] === undefined && Array.isArray(out['anyOf'])) {
      out['anyOf'] = [...(out['anyOf'] as unknown[]), { type: 'null' }];
      delete out['nullable'];
    }
    return out;
  }
  return node;
}

function loadSpec(): NonNullable<typeof cached> {
  if (cached) return cached;
  const spec = JSON.parse(readFileSync(SPEC_PATH, 'utf8')) as { paths: Record<string, Record<string, Schema>>; components: Record<string, Record<string, Schema>> };
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  ajv.addSchema({ $id: 'gh', components: rewriteRefs(spec.components) } as Schema);
  const ops: Operation[] = [];
  for (const [template, item] of Object.entries(spec.paths)) {
    const shared = (item['parameters'] as Schema[] | undefined) ?? [];
    for (const [method, opRaw] of Object.entries(item)) {
      if (method === 'parameters') continue;
      const op = opRaw as Schema;
      const names: string[] = [];
      const regex = new RegExp(
        `^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{([^}]+)\}/g, (_m, n: string) => {
          names.push(n);
          return '([^/]+)';
        })}$`,
      );
      ops.push({
        method: method.toUpperCase(),
        template,
        regex,
        names,
        operationId: op['operationId'] as string,
        parameters: [...shared, ...((op['parameters'] as Schema[] | undefined) ?? [])],
        requestBody: op['requestBody'] as Schema | undefined,
        responses: op['responses'] as Record<string, Schema>,
      });
    }
  }
  cached = { ops, ajv, components: spec.components };
  return cached;
}

function deref(s: Schema | undefined): Schema | undefined {
  if (!s) return s;
  const ref = s['$ref'];
  if (typeof ref !== 'string') return s;
  const [, , kind, name] = ref.split('/');
  return deref(loadSpec().components[kind!]?.[name!]);
}

const validators = new Map<string, ValidateFunction>();
function validator(key: string, schema: unknown): ValidateFunction {
  let v = validators.get(key);
  if (!v) {
    v = loadSpec().ajv.compile(rewriteRefs(schema) as Schema);
    validators.set(key, v);
  }
  return v;
}

function ajvErrors(v: ValidateFunction): string {
  return (v.errors ?? [])
    .slice(0, 5)
    .map((e) => `${e.instancePath || '/'} ${e.message ?? ''}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`)
    .join('; ');
}

/** A minimal instance of a schema: required properties filled with plausible values. */
export function sample(schemaIn: unknown, depth = 0): Json {
  const schema = deref(schemaIn as Schema) ?? {};
  if (depth > 12) return null;
  if (schema['nullable'] === true) return null;
  if (Array.isArray(schema['allOf'])) {
    let out: JsonObject = {};
    for (const s of schema['allOf'] as Schema[]) {
      const v = sample(s, depth + 1);
      if (v && typeof v === 'object' && !Array.isArray(v)) out = { ...out, ...v };
    }
    return out;
  }
  const alt = (schema['anyOf'] ?? schema['oneOf']) as Schema[] | undefined;
  if (Array.isArray(alt)) {
    const nonNull = alt.find((s) => (deref(s) ?? {})['type'] !== 'null') ?? alt[0];
    return sample(nonNull, depth + 1);
  }
  if (Array.isArray(schema['enum'])) return (schema['enum'] as Json[]).find((x) => x !== null) ?? null;
  const type = Array.isArray(schema['type']) ? (schema['type'] as string[]).find((t) => t !== 'null') : (schema['type'] as string | undefined);
  switch (type) {
    case 'object':
    case undefined: {
      if (type === undefined && !schema['properties']) return {};
      const out: JsonObject = {};
      const props = (schema['properties'] ?? {}) as Record<string, Schema>;
      for (const k of (schema['required'] as string[] | undefined) ?? []) out[k] = sample(props[k] ?? {}, depth + 1);
      return out;
    }
    case 'array':
      return [];
    case 'integer':
    case 'number':
      return typeof schema['minimum'] === 'number' ? (schema['minimum'] as number) : 1;
    case 'boolean':
      return false;
    case 'string': {
      const f = schema['format'];
      if (f === 'date-time') return '2026-01-01T00:00:00Z';
      if (f === 'uri') return 'https://github.test/x';
      if (f === 'email') return 'a@github.test';
      if (f === 'uuid') return '00000000-0000-4000-8000-000000000000';
      if (schema['pattern'] === '^[0-9a-fA-F]+$' || /sha/i.test(String(schema['pattern'] ?? ''))) return '0'.repeat(40);
      return 'x';
    }
    default:
      return null;
  }
}

function merge(base: Json, over: unknown): Json {
  if (over === undefined) return base;
  if (base && typeof base === 'object' && !Array.isArray(base) && over && typeof over === 'object' && !Array.isArray(over)) {
    const out: JsonObject = { ...base };
    for (const [k, v] of Object.entries(over)) out[k] = merge(out[k] ?? null, v);
    return out;
  }
  return over as Json;
}

class HttpAnswer {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
    readonly contentType = 'application/json; charset=utf-8',
  ) {}
}

export class FakeGitHub {
  readonly owner: string;
  readonly repo: string;
  url = '';
  readonly requests: Recorded[] = [];
  readonly violations: string[] = [];
  readonly checkRuns = new Map<number, CheckRunState>();
  readonly comments: CommentState[] = [];
  readonly sarifs = new Map<string, SarifState>();
  readonly analyses: AnalysisFixture[] = [];
  readonly alerts: AlertFixture[] = [];
  readonly pulls = new Map<number, { headSha: string; baseRef: string; headRepo: string }>();
  readonly failures: Failure[] = [];
  /** Dependency snapshots submitted (request bodies, already validated against the description). */
  readonly snapshots: JsonObject[] = [];
  /** Files of a pull request as pulls/list-files returns them. */
  readonly prFiles = new Map<number, { filename: string; status: 'added' | 'modified' | 'removed'; patch?: string; additions: number }[]>();
  codeScanningEnabled = true;
  private server?: Server;
  private nextId = 1000;
  private opts: FakeGitHubOptions;

  constructor(opts: FakeGitHubOptions = {}) {
    this.owner = opts.owner ?? 'acme';
    this.repo = opts.repo ?? 'mcp-server';
    this.opts = opts;
  }

  async start(): Promise<this> {
    loadSpec();
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const addr = this.server.address();
    if (!addr || typeof addr === 'string') throw new Error('no port');
    this.url = `http://127.0.0.1:${addr.port}`;
    return this;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  fail(f: Failure): void {
    this.failures.push({ times: 1, ...f });
  }

  writes(): Recorded[] {
    return this.requests.filter((r) => r.method !== 'GET' && r.method !== 'HEAD');
  }

  commentsOn(issue: number): CommentState[] {
    return this.comments.filter((c) => c.issue === issue);
  }

  private html(path: string): string {
    return `https://github.test/${this.owner}/${this.repo}/${path}`;
  }

  private apiUrl(path: string): string {
    return `${this.url}/repos/${this.owner}/${this.repo}/${path}`;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const u = new URL(req.url ?? '/', 'http://x');
    const method = (req.method ?? 'GET').toUpperCase();
    const query = Object.fromEntries(u.searchParams.entries());
    const { ops } = loadSpec();
    const op = ops.find((o) => o.method === method && o.regex.test(u.pathname));
    const rec: Recorded = { method, path: u.pathname, query, operationId: op?.operationId ?? '(none)', status: 0, headers: req.headers };
    this.requests.push(rec);
    let answer: HttpAnswer;
    if (!op) {
      this.violations.push(`${method} ${u.pathname}: not an operation of the description subset`);
      answer = new HttpAnswer(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });
    } else {
      const m = op.regex.exec(u.pathname)!;
      const params: Record<string, string> = {};
      op.names.forEach((n, i) => (params[n] = decodeURIComponent(m[i + 1]!)));
      let body: unknown;
      if (raw !== '') {
        try {
          body = JSON.parse(raw);
        } catch {
          this.violations.push(`${op.operationId}: request body is not JSON`);
        }
      }
      rec.body = body;
      const problem = this.validateRequest(op, params, query, body, req);
      if (problem) {
        this.violations.push(`${op.operationId}: ${problem}`);
        answer = new HttpAnswer(422, { message: `Invalid request.\n\n${problem}`, documentation_url: 'https://docs.github.com/rest' });
      } else {
        const f = this.failures.find((x) => x.operationId === op.operationId && (x.times ?? 1) > 0);
        if (f) {
          f.times = (f.times ?? 1) - 1;
          if (f.delayMs) {
            await new Promise((r) => setTimeout(r, f.delayMs));
            if (req.socket.destroyed) return; // the client gave up: nothing is answered
          }
          if (f.landed) this.route(op.operationId, params, query, body, req);
          answer = new HttpAnswer(f.status, f.body ?? { message: `status ${f.status}`, documentation_url: 'https://docs.github.com/rest' }, f.headers);
        } else {
          try {
            answer = this.route(op.operationId, params, query, body, req);
          } catch (e) {
            answer = e instanceof HttpAnswer ? e : new HttpAnswer(500, { message: String(e) });
            if (!(e instanceof HttpAnswer)) this.violations.push(`${op.operationId}: fake crashed: ${String(e)}`);
          }
        }
      }
      this.validateResponse(op, answer);
    }
    rec.status = answer.status;
    const text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
    if (res.destroyed || req.socket.destroyed) return;
    res.writeHead(answer.status, { 'content-type': answer.contentType, 'x-github-api-version-selected': '2022-11-28', ...answer.headers });
    res.end(answer.status === 204 ? undefined : text);
  }

  private validateRequest(op: Operation, params: Record<string, string>, query: Record<string, string>, body: unknown, req: IncomingMessage): string | undefined {
    if (!/^(token|Bearer) \S+$/i.test(String(req.headers['authorization'] ?? ''))) return 'no token in the Authorization header';
    for (const pRaw of op.parameters) {
      const p = deref(pRaw) as { name: string; in: string; required?: boolean; schema?: Schema };
      const value = p.in === 'path' ? params[p.name] : p.in === 'query' ? query[p.name] : undefined;
      if (p.in !== 'path' && p.in !== 'query') continue;
      if (value === undefined) {
        if (p.required) return `missing ${p.in} parameter ${p.name}`;
        continue;
      }
      const schema = deref(p.schema) ?? {};
      const t = schema['type'];
      const coerced: unknown = t === 'integer' || t === 'number' ? Number(value) : t === 'boolean' ? value === 'true' : value;
      const v = validator(`${op.operationId}:param:${p.name}`, p.schema ?? {});
      if (!v(coerced)) return `${p.in} parameter ${p.name}=${value}: ${ajvErrors(v)}`;
    }
    for (const q of Object.keys(query)) {
      const known = op.parameters.some((pr) => (deref(pr) as { name: string; in: string }).name === q);
      if (!known) return `undocumented query parameter ${q}`;
    }
    const rb = op.requestBody ? deref(op.requestBody) : undefined;
    if (rb) {
      const schema = (rb['content'] as Record<string, { schema: Schema }>)['application/json']?.schema;
      if (body === undefined) {
        if (rb['required']) return 'missing request body';
      } else if (schema) {
        const v = validator(`${op.operationId}:body`, schema);
        if (!v(body)) return `request body: ${ajvErrors(v)}`;
      }
    } else if (body !== undefined && op.method === 'GET') return 'a GET with a body';
    return undefined;
  }

  private validateResponse(op: Operation, a: HttpAnswer): void {
    const documented = op.responses[String(a.status)];
    if (!documented) {
      if (a.status >= 400) {
        const v = validator('basic-error', { $ref: '#/components/schemas/basic-error' });
        if (!v(a.body)) this.violations.push(`${op.operationId}: error response ${a.status} is not a basic-error: ${ajvErrors(v)}`);
        return;
      }
      this.violations.push(`${op.operationId}: response status ${a.status} is not documented`);
      return;
    }
    const resp = deref(documented) ?? {};
    const content = resp['content'] as Record<string, { schema?: Schema }> | undefined;
    if (!content) return;
    const ct = a.contentType.split(';')[0]!.trim();
    const media = content[ct];
    if (!media) {
      this.violations.push(`${op.operationId}: response ${a.status} has no ${ct} content in the description`);
      return;
    }
    if (media.schema) {
      const v = validator(`${op.operationId}:${a.status}:${ct}`, media.schema);
      const body = typeof a.body === 'string' ? JSON.parse(a.body) : a.body;
      if (!v(body)) this.violations.push(`${op.operationId}: response ${a.status} does not match the description: ${ajvErrors(v)}`);
    }
  }

  private responseSchema(operationId: string, status: number): Schema {
    const op = loadSpec().ops.find((o) => o.operationId === operationId)!;
    const resp = deref(op.responses[String(status)]) ?? {};
    return ((resp['content'] as Record<string, { schema: Schema }>)['application/json']?.schema ?? {}) as Schema;
  }

  private ok(operationId: string, status: number, over: unknown): HttpAnswer {
    return new HttpAnswer(status, merge(sample(this.responseSchema(operationId, status)), over));
  }

  private checkRunJson(c: CheckRunState): unknown {
    return {
      id: c.id,
      head_sha: c.head_sha,
      node_id: `CR_${c.id}`,
      external_id: c.external_id,
      url: this.apiUrl(`check-runs/${c.id}`),
      html_url: this.html(`runs/${c.id}`),
      details_url: c.details_url,
      status: c.status,
      conclusion: c.conclusion,
      started_at: c.started_at,
      completed_at: c.completed_at,
      output: {
        title: c.output.title ?? null,
        summary: c.output.summary ?? null,
        text: c.output.text ?? null,
        annotations_count: c.annotations.length,
        annotations_url: this.apiUrl(`check-runs/${c.id}/annotations`),
      },
      name: c.name,
      check_suite: { id: 1 },
      app: null,
      pull_requests: [],
    };
  }

  private commentJson(c: CommentState): unknown {
    return {
      id: c.id,
      node_id: `IC_${c.id}`,
      url: this.apiUrl(`issues/comments/${c.id}`),
      html_url: this.html(`pull/${c.issue}#issuecomment-${c.id}`),
      body: c.body,
      user: merge(sample({ $ref: '#/components/schemas/simple-user' }), { login: c.login, type: c.userType, id: c.userType === 'Bot' ? 41898282 : 7 }),
      created_at: '2026-01-01T00:00:00Z',
      updated_at: '2026-01-01T00:00:00Z',
      issue_url: this.apiUrl(`issues/${c.issue}`),
      author_association: c.userType === 'Bot' ? 'NONE' : 'OWNER',
    };
  }

  private page<T>(items: T[], query: Record<string, string>, path: string): HttpAnswer & { items?: T[] } {
    const per = Math.min(100, Number(query['per_page'] ?? 30));
    const page = Number(query['page'] ?? 1);
    const slice = items.slice((page - 1) * per, page * per);
    const last = Math.max(1, Math.ceil(items.length / per));
    const headers: Record<string, string> = {};
    if (page < last) {
      const q = new URLSearchParams({ ...query, page: String(page + 1) });
      headers['link'] = `<${this.url}${path}?${q.toString()}>; rel="next"`;
    }
    return new HttpAnswer(200, slice, headers);
  }

  private route(id: string, p: Record<string, string>, query: Record<string, string>, body: unknown, req: IncomingMessage): HttpAnswer {
    if (p['owner'] !== this.owner || p['repo'] !== this.repo) throw new HttpAnswer(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });
    const b = (body ?? {}) as Record<string, unknown>;
    const now = '2026-01-01T00:00:00Z';
    switch (id) {
      case 'checks/create': {
        const c: CheckRunState = {
          id: this.nextId++,
          name: String(b['name']),
          head_sha: String(b['head_sha']),
          status: String(b['status'] ?? 'queued'),
          conclusion: (b['conclusion'] as string | undefined) ?? null,
          output: { ...((b['output'] as object | undefined) ?? {}) },
          annotations: [...(((b['output'] as { annotations?: JsonObject[] } | undefined)?.annotations) ?? [])],
          external_id: (b['external_id'] as string | undefined) ?? null,
          details_url: (b['details_url'] as string | undefined) ?? null,
          started_at: (b['started_at'] as string | undefined) ?? now,
          completed_at: null,
        };
        this.checkRuns.set(c.id, c);
        return this.ok(id, 201, this.checkRunJson(c));
      }
      case 'checks/update': {
        const c = this.checkRuns.get(Number(p['check_run_id']));
        if (!c) throw new HttpAnswer(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });
        if (b['status']) c.status = String(b['status']);
        if (b['conclusion']) {
          c.conclusion = String(b['conclusion']);
          c.status = 'completed';
        }
        if (b['completed_at']) c.completed_at = String(b['completed_at']);
        const o = b['output'] as { title?: string; summary?: string; text?: string; annotations?: JsonObject[] } | undefined;
        if (o) {
          const { annotations, ...rest } = o;
          c.output = { ...c.output, ...rest };
          if (annotations) c.annotations.push(...annotations);
        }
        return this.ok(id, 200, this.checkRunJson(c));
      }
      case 'checks/list-for-ref': {
        const runs = [...this.checkRuns.values()].filter((c) => c.head_sha === p['ref'] && (!query['check_name'] || c.name === query['check_name']));
        return this.ok(id, 200, { total_count: runs.length, check_runs: runs.map((c) => this.checkRunJson(c)) });
      }
      case 'issues/list-comments': {
        const list = this.commentsOn(Number(p['issue_number'])).map((c) => this.commentJson(c));
        return this.page(list, query, `/repos/${this.owner}/${this.repo}/issues/${p['issue_number']}/comments`);
      }
      case 'issues/create-comment': {
        const text = String(b['body']);
        if (text.length > 65536) throw new HttpAnswer(422, { message: 'Validation Failed', errors: [{ resource: 'IssueComment', code: 'custom', field: 'body', message: 'body is too long (maximum is 65536 characters)' }], documentation_url: 'https://docs.github.com/rest' });
        const c: CommentState = { id: this.nextId++, issue: Number(p['issue_number']), body: text, userType: 'Bot', login: 'github-actions[bot]' };
        this.comments.push(c);
        return this.ok(id, 201, this.commentJson(c));
      }
      case 'issues/update-comment': {
        const c = this.comments.find((x) => x.id === Number(p['comment_id']));
        if (!c) throw new HttpAnswer(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });
        c.body = String(b['body']);
        return this.ok(id, 200, this.commentJson(c));
      }
      case 'code-scanning/upload-sarif': {
        if (!this.codeScanningEnabled) throw new HttpAnswer(403, { message: 'Advanced Security must be enabled for this repository to use code scanning.', documentation_url: 'https://docs.github.com/rest' });
        let sarif: unknown;
        try {
          sarif = JSON.parse(gunzipSync(Buffer.from(String(b['sarif']), 'base64')).toString('utf8'));
        } catch {
          throw new HttpAnswer(400, { message: 'Invalid SARIF: not gzip+base64 JSON', documentation_url: 'https://docs.github.com/rest' });
        }
        const sid = `00000000-0000-4000-8000-${String(this.nextId++).padStart(12, '0')}`;
        this.sarifs.set(sid, { id: sid, commit_sha: String(b['commit_sha']), ref: String(b['ref']), tool_name: b['tool_name'] as string | undefined, sarif, polls: 0 });
        return this.ok(id, 202, { id: sid, url: this.apiUrl(`code-scanning/sarifs/${sid}`) });
      }
      case 'code-scanning/get-sarif': {
        const s = this.sarifs.get(p['sarif_id']!);
        if (!s) throw new HttpAnswer(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });
        s.polls++;
        const pending = s.polls <= (this.opts.sarifPendingPolls ?? 1);
        const final = this.opts.sarifFinal ?? 'complete';
        return this.ok(id, 200, {
          processing_status: pending ? 'pending' : final,
          analyses_url: pending || final === 'failed' ? null : this.apiUrl(`code-scanning/analyses?sarif_id=${s.id}`),
          errors: !pending && final === 'failed' ? (this.opts.sarifErrors ?? ['invalid SARIF']) : null,
        });
      }
      case 'code-scanning/list-recent-analyses': {
        if (!this.codeScanningEnabled) throw new HttpAnswer(403, { message: 'Advanced Security must be enabled for this repository to use code scanning.', documentation_url: 'https://docs.github.com/rest' });
        const list = this.analyses
          .filter((a) => (!query['ref'] || a.ref === query['ref']) && (!query['tool_name'] || a.tool === query['tool_name']))
          .sort((a, b2) => b2.created_at.localeCompare(a.created_at))
          .map((a) =>
            merge(sample(this.responseSchema(id, 200)['items'] ?? {}), {
              ref: a.ref,
              commit_sha: a.commit_sha,
              analysis_key: '.github/workflows/ci.yml:scan',
              environment: '{}',
              category: a.category,
              error: '',
              created_at: a.created_at,
              results_count: 1,
              rules_count: 1,
              id: a.id,
              url: this.apiUrl(`code-scanning/analyses/${a.id}`),
              sarif_id: `sarif-${a.id}`,
              tool: { name: a.tool, guid: null, version: null },
              deletable: true,
              warning: '',
            }),
          );
        return this.page(list, query, `/repos/${this.owner}/${this.repo}/code-scanning/analyses`);
      }
      case 'code-scanning/get-analysis': {
        const a = this.analyses.find((x) => x.id === Number(p['analysis_id']));
        if (!a) throw new HttpAnswer(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });
        if (!/application\/sarif\+json/.test(String(req.headers['accept'] ?? ''))) {
          this.violations.push('code-scanning/get-analysis: fetched without Accept: application/sarif+json (no fingerprints in that form)');
        }
        return new HttpAnswer(200, a.sarif, {}, 'application/sarif+json');
      }
      case 'code-scanning/list-alerts-for-repo': {
        if (!this.codeScanningEnabled) throw new HttpAnswer(403, { message: 'Advanced Security must be enabled for this repository to use code scanning.', documentation_url: 'https://docs.github.com/rest' });
        const list = this.alerts
          .filter((a) => (!query['ref'] || a.ref === query['ref']) && (!query['state'] || a.state === query['state']) && (!query['tool_name'] || a.tool === query['tool_name']))
          .map((a) =>
            merge(sample(this.responseSchema(id, 200)['items'] ?? {}), {
              number: a.number,
              created_at: now,
              url: this.apiUrl(`code-scanning/alerts/${a.number}`),
              html_url: this.html(`security/code-scanning/${a.number}`),
              instances_url: this.apiUrl(`code-scanning/alerts/${a.number}/instances`),
              state: a.state,
              fixed_at: null,
              dismissed_by: null,
              dismissed_at: a.state === 'dismissed' ? now : null,
              dismissed_reason: a.state === 'dismissed' ? 'false positive' : null,
              dismissed_comment: null,
              rule: { id: a.ruleId, severity: 'error', description: a.ruleId, name: a.ruleId, tags: [], security_severity_level: 'high' },
              tool: { name: a.tool, guid: null, version: null },
              most_recent_instance: { ref: a.ref, location: { path: a.path, start_line: a.line, end_line: a.line } },
            }),
          );
        return this.page(list, query, `/repos/${this.owner}/${this.repo}/code-scanning/alerts`);
      }
      case 'pulls/get': {
        const pr = this.pulls.get(Number(p['pull_number']));
        if (!pr) throw new HttpAnswer(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });
        const base = sample(this.responseSchema(id, 200));
        return new HttpAnswer(
          200,
          merge(base, {
            number: Number(p['pull_number']),
            state: 'open',
            head: merge((base as JsonObject)['head'] ?? {}, { sha: pr.headSha, ref: 'feature', label: `${pr.headRepo.split('/')[0]}:feature`, repo: { full_name: pr.headRepo } }),
            base: merge((base as JsonObject)['base'] ?? {}, { sha: 'b'.repeat(40), ref: pr.baseRef, label: `${this.owner}:${pr.baseRef}` }),
          }),
        );
      }
      case 'pulls/list-files': {
        const files = (this.prFiles.get(Number(p['pull_number'])) ?? []).map((f) =>
          merge(sample(this.responseSchema(id, 200)['items'] ?? {}), {
            sha: 'e'.repeat(40),
            filename: f.filename,
            status: f.status,
            additions: f.additions,
            deletions: 0,
            changes: f.additions,
            blob_url: this.html(`blob/x/${f.filename}`),
            raw_url: this.html(`raw/x/${f.filename}`),
            contents_url: this.apiUrl(`contents/${f.filename}`),
            ...(f.patch !== undefined ? { patch: f.patch } : {}),
          }),
        );
        return this.page(files, query, `/repos/${this.owner}/${this.repo}/pulls/${p['pull_number']}/files`);
      }
      case 'dependency-graph/create-repository-snapshot': {
        this.snapshots.push(b as JsonObject);
        return this.ok(id, 201, { id: this.nextId++, created_at: now, result: 'SUCCESS', message: 'Dependency results for the repo have been successfully updated.' });
      }
      default:
        throw new HttpAnswer(501, { message: `the fake does not implement ${id}`, documentation_url: 'https://docs.github.com/rest' });
    }
  }
}

export async function startFakeGitHub(opts: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  return new FakeGitHub(opts).start();
}
