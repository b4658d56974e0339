/**
 * The MCP registry's own server.json schema, as the registry validates with it: the dated schema
 * files embedded in its Go module (internal/validators/schemas/<date>.json), fetched through the
 * Go module proxy at a pinned version with its checksum, never copied into this repository.
 * `go` is the rig's (GO_BIN, else on PATH, else /usr/local/go/bin/go); a missing Go or an
 * unreachable proxy FAILS the test with the reason.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import type { ValidateFunction } from 'ajv';

export const REGISTRY_MODULE = 'github.com/modelcontextprotocol/registry';
export const REGISTRY_VERSION = 'v1.8.14';
/** go.sum's h1: hash of the module zip at that version. */
const REGISTRY_SUM = 'h1:frZ0mVCX9XcUNZZbnEPFEeyFjz73rNEHUQCHWpFkmvo=';

function goBin(): string {
  if (process.env['GO_BIN']) return process.env['GO_BIN'];
  for (const dir of (process.env['PATH'] ?? '').split(':')) if (dir && existsSync(join(dir, 'go'))) return join(dir, 'go');
  return '/usr/local/go/bin/go';
}

let moduleDir: string | undefined;

/** The registry module's directory in the Go module cache (downloaded on first use). */
export function registryModuleDir(): string {
  if (moduleDir) return moduleDir;
  const out = execFileSync(goBin(), ['mod', 'download', '-json', `${REGISTRY_MODULE}@${REGISTRY_VERSION}`], {
    cwd: mkdtempSync(join(tmpdir(), 'mcg-gomod-')),
    env: { ...process.env, GOTOOLCHAIN: 'local', GOFLAGS: '' },
    encoding: 'utf8',
    timeout: 300_000,
  });
  const info = JSON.parse(out) as { Dir?: string; Sum?: string; Error?: string };
  if (info.Error || !info.Dir) throw new Error(`go mod download ${REGISTRY_MODULE}@${REGISTRY_VERSION}: ${info.Error ?? 'no directory'}`);
  if (info.Sum !== REGISTRY_SUM) throw new Error(`${REGISTRY_MODULE}@${REGISTRY_VERSION} has checksum ${info.Sum}, expected ${REGISTRY_SUM}`);
  moduleDir = info.Dir;
  return moduleDir;
}

const compiled = new Map<string, ValidateFunction>();

/** The registry's validator for one dated schema (`2025-12-11`). */
export function registrySchema(date: string): ValidateFunction {
  const have = compiled.get(date);
  if (have) return have;
  const schema = JSON.parse(readFileSync(join(registryModuleDir(), 'internal', 'validators', 'schemas', `${date}.json`), 'utf8')) as { $id?: string };
  if (schema.$id !== `https://static.modelcontextprotocol.io/schemas/${date}/server.schema.json`) throw new Error(`the registry's ${date} schema names itself ${schema.$id}`);
  const ajv = new Ajv({ allErrors: true, strict: false });
  (addFormats as unknown as (a: Ajv) => void)(ajv);
  const v = ajv.compile(schema);
  compiled.set(date, v);
  return v;
}

/** The schema errors of a document (empty when valid), as `path message`. */
export function registryErrors(date: string, doc: unknown): string[] {
  const v = registrySchema(date);
  return v(doc) ? [] : (v.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
}
