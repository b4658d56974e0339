/**
 * One probe start: `docker create -i --rm …` (through Exec) then `docker start -ai NAME`, spoken
 * to with the official MCP TypeScript SDK's Client over its StdioClientTransport (argv only, no shell; the docker CLI gets an explicit environment:
 * DOCKER_* and PATH/HOME, plus the probe-env values, which reach the container by `-e NAME` only).
 * The container is removed by name afterwards through the Exec choke point, whatever happened.
 */
import { createHash, randomBytes } from 'node:crypto';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import type { Exec } from '../../core/types.js';
import type { ProfileFlag } from '../../core/probe/profile.js';
import { runArgs } from '../../core/probe/profile.js';
import type { Attempt, ProbeTool } from '../../core/probe/search.js';
import { pickHints } from '../../core/probe/surface.js';
import { outputTail, redactSecrets } from '../errors.js';

export interface StartDeps {
  exec: Exec;
  docker: string;
  /** The environment of the run (DOCKER_HOST …); only DOCKER_*, PATH and HOME are passed on. */
  env: Record<string, string>;
  /** NAME → value the server needs at start (secrets). */
  probeEnv: Record<string, string>;
  runId: string;
  timeoutMs: number;
  /** Extra redaction of the probe-env values and other secrets. */
  redact: (s: string) => string;
}

const MAX_STDERR = 64 * 1024;
const KEEP_NON_JSON = 5;

function dockerEnv(d: StartDeps): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(d.env)) if (k.startsWith('DOCKER_') || k === 'PATH' || k === 'HOME') out[k] = v;
  return { ...out, ...d.probeEnv };
}

function sha256(s: string): string {
  return createHash('sha256').update(s).digest('hex');
}

/** JSON with sorted keys, so that the same schema always hashes the same. */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

function failureOf(e: unknown): { failure: Attempt['failure']; detail: string } {
  if (e instanceof McpError && e.code === ErrorCode.RequestTimeout) return { failure: 'timeout', detail: 'no answer within the timeout' };
  if (e instanceof McpError && e.code === ErrorCode.ConnectionClosed) return { failure: 'exited', detail: 'the server exited before the handshake completed' };
  const msg = e instanceof Error ? e.message : String(e);
  return { failure: 'error', detail: msg };
}

/** `docker rm -f` by name until `docker ps -a` no longer lists it (a `--rm` removal may still be under way). */
async function removeContainer(d: StartDeps, name: string): Promise<void> {
  for (let i = 0; i < 20; i++) {
    await d.exec(d.docker, ['rm', '-f', name], { env: d.env, timeoutMs: 60_000 }).catch(() => undefined);
    const ps = await d.exec(d.docker, ['ps', '-aq', '--filter', `name=^${name}$`], { env: d.env, timeoutMs: 60_000 }).catch(() => undefined);
    if (ps && ps.exitCode === 0 && ps.stdout.trim() === '') return;
    await new Promise((r) => setTimeout(r, 500));
  }
}

/**
 * Reads the same stdout the transport parses, to keep the lines that are not JSON-RPC messages
 * as written. The SDK keeps its child process private (`_process`, set synchronously by start()):
 * when a later SDK version renames it, this returns false and the error text is kept instead.
 */
function teeStdout(transport: StdioClientTransport, keep: (line: string) => void): boolean {
  const proc = (transport as unknown as { _process?: { stdout?: NodeJS.ReadableStream | null } })._process;
  const out = proc?.stdout;
  if (!out) return false;
  let buf = '';
  out.on('data', (c: Buffer | string) => {
    buf += c.toString();
    let nl: number;
    while ((nl = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, nl).replace(/\r$/, '');
      buf = buf.slice(nl + 1);
      if (line.trim() === '') continue;
      try {
        JSON.parse(line);
      } catch {
        keep(line);
      }
    }
    if (buf.length > 1024 * 1024) buf = '';
  });
  return true;
}

/** Starts the image once with `flags` and runs the handshake; never throws. */
export async function startOnce(d: StartDeps, image: string, flags: ProfileFlag[]): Promise<Attempt> {
  const t0 = Date.now();
  const name = `mcg-probe-${randomBytes(6).toString('hex')}`;
  const args = runArgs({ image, name, flags, envNames: Object.keys(d.probeEnv), runId: d.runId });
  // created first, through Exec, so that the container exists by name before the handshake's clock
  // starts (a slow storage driver takes seconds to create one) and no creation is still under way
  // in the daemon when the CLI is ended: `docker create -i --rm …` then `docker start -ai NAME`
  const created = await d.exec(d.docker, ['create', ...args.slice(1)], { env: dockerEnv(d), timeoutMs: 300_000 }).catch((e: unknown) => ({ exitCode: -1, stdout: '', stderr: String(e) }));
  if (created.exitCode !== 0) {
    await removeContainer(d, name);
    const why = d.redact(outputTail(created.stderr, 3, 600));
    return { flags, ok: false, failure: 'error', detail: `docker create failed: ${why}`, stderr: why, nonJson: [], durationMs: Date.now() - t0 };
  }
  const transport = new StdioClientTransport({ command: d.docker, args: ['start', '-ai', name], env: dockerEnv(d), stderr: 'pipe' });
  let stderr = '';
  transport.stderr?.on('data', (c: Buffer) => {
    if (stderr.length < MAX_STDERR) stderr += c.toString('utf8');
  });
  const nonJson: string[] = [];
  const client = new Client({ name: 'mcp-container-guard-probe', version: '1' }, { capabilities: {} });
  const keep = (line: string): void => {
    if (nonJson.length < KEEP_NON_JSON) nonJson.push(d.redact(redactSecrets(line)).slice(0, 300));
  };
  let teed = false;
  client.onerror = (e: Error) => {
    // the transport reports each stdout line that is not a JSON-RPC message here; the line itself
    // comes from the tee below when it could be attached (the error text holds only its first bytes)
    if ((e instanceof SyntaxError || e.name === 'ZodError') && !teed) keep(e.message);
  };
  const opts = { timeout: d.timeoutMs, maxTotalTimeout: d.timeoutMs };
  const base = { flags, nonJson, durationMs: 0 };
  let result: Omit<Attempt, 'stderr' | 'durationMs'>;
  try {
    const connecting = client.connect(transport, opts);
    teed = teeStdout(transport, keep);
    await connecting;
    const caps = client.getServerCapabilities() ?? {};
    const listed = caps.tools ? await client.listTools({}, opts) : { tools: [] };
    if (caps.prompts) await client.listPrompts({}, opts);
    if (caps.resources) await client.listResources({}, opts);
    const tools: ProbeTool[] = listed.tools.map((t) => {
      // the name is the server's text: registered secrets out, capped; the description is only hashed
      const hints = pickHints(t.annotations);
      return { name: d.redact(t.name).slice(0, 1000), descriptionHash: sha256(t.description ?? ''), schemaHash: sha256(canonicalJson(t.inputSchema)), ...(hints ? { annotations: hints } : {}) };
    });
    result = { ...base, ok: true, tools, serverName: client.getServerVersion()?.name };
  } catch (e) {
    result = { ...base, ok: false, ...failureOf(e) };
  } finally {
    await client.close().catch(() => undefined);
    // `--rm` removes it when it ends; a CLI ended first leaves it running: remove by name
    await removeContainer(d, name);
  }
  return { ...result, stderr: d.redact(outputTail(stderr, 8, 1200)), durationMs: Date.now() - t0 };
}
