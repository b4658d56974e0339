/**
 * MCP registry `server.json` (schema 2025-12-11; the URL in `$schema` decides the version). The
 * checks of the schema are written here by hand from the schema's published definitions (the
 * schema file is not copied into the project): required fields, types, lengths, patterns and
 * enums, each violation with its JSON path and line. Packages become Launches: an OCI package's
 * `runtimeArguments` are what a client passes to `docker run` before the identifier. Pure.
 */
import type { Word } from '../docker-run/argv.js';
import { readDockerRun } from '../docker-run/argv.js';
import { SHORTHANDS, VALUE_FLAGS } from '../docker-run/flags.js';
import { emptyModel, envKV, type KV, type Launch, type McpModel } from './model.js';
import { entriesOf, field, itemsOf, strOf, type MNode } from './tree.js';

export const CURRENT_SCHEMA = '2025-12-11';
/** Dated schemas the registry has published before the current one. */
export const OLDER_SCHEMAS: ReadonlySet<string> = new Set(['2025-07-09', '2025-09-16', '2025-09-29', '2025-10-11', '2025-10-17']);
const SCHEMA_URL = /^https:\/\/static\.modelcontextprotocol\.io\/schemas\/(\d{4}-\d{2}-\d{2})\/server\.schema\.json$/;

type Violation = McpModel['violations'][number];

interface Spec {
  type: 'string' | 'object' | 'array' | 'boolean';
  required?: boolean;
  min?: number;
  max?: number;
  pattern?: RegExp;
  patternText?: string;
  enum?: readonly string[];
}

/** Where a field is checked: the violations collected, the parent's JSON path and node. */
interface Place {
  v: Violation[];
  path: string;
  parent: MNode;
}

/** Checks `parent[key]` against `spec`; the node when it has the right type, else undefined. */
function check(at: Place, key: string, spec: Spec): MNode | undefined {
  const { v, path, parent } = at;
  const e = field(parent, key);
  const p = `${path}.${key}`;
  if (!e) {
    if (spec.required) v.push({ path: p, line: parent.line, message: `required property "${key}" is missing` });
    return undefined;
  }
  const n = e.value;
  const actual = n.t === 'obj' ? 'object' : n.t === 'arr' ? 'array' : n.value === null ? 'null' : typeof n.value;
  if (actual !== spec.type) {
    v.push({ path: p, line: e.keyLine, message: `must be ${spec.type === 'array' || spec.type === 'object' ? 'an' : 'a'} ${spec.type}, not ${actual}` });
    return undefined;
  }
  if (spec.type === 'string') {
    const s = String((n as { value: string }).value);
    if (spec.min !== undefined && s.length < spec.min) v.push({ path: p, line: e.keyLine, message: `must be at least ${spec.min} character(s) long` });
    if (spec.max !== undefined && s.length > spec.max) v.push({ path: p, line: e.keyLine, message: `must be at most ${spec.max} characters long (it has ${s.length})` });
    if (spec.pattern && !spec.pattern.test(s)) v.push({ path: p, line: e.keyLine, message: `must match ${spec.patternText ?? spec.pattern.source}` });
    if (spec.enum && !spec.enum.includes(s)) v.push({ path: p, line: e.keyLine, message: `must be one of ${spec.enum.join(', ')}` });
  }
  return n;
}

const URL_RE = /^[a-z][a-z0-9+.-]*:\/\/\S+$/i;
const LEGACY_KEYS: Record<string, string> = {
  registry_type: 'registryType',
  registry_base_url: 'registryBaseUrl',
  environment_variables: 'environmentVariables',
  runtime_arguments: 'runtimeArguments',
  package_arguments: 'packageArguments',
  runtime_hint: 'runtimeHint',
  is_required: 'isRequired',
  is_secret: 'isSecret',
  is_repeated: 'isRepeated',
  value_hint: 'valueHint',
  file_sha256: 'fileSha256',
  website_url: 'websiteUrl',
  version_detail: 'version',
};

function legacy(v: Violation[], path: string, n: MNode): void {
  for (const e of entriesOf(n)) {
    const now = LEGACY_KEYS[e.key];
    if (now) v.push({ path: `${path}.${e.key}`, line: e.keyLine, message: `"${e.key}" is the pre-2025-09 spelling: the current schema names it "${now}"` });
  }
}

function inputs(v: Violation[], path: string, n: MNode | undefined, named: boolean): void {
  itemsOf(n).forEach((it, i) => {
    const p = `${path}[${i}]`;
    if (it.t !== 'obj') return void v.push({ path: p, line: it.line, message: 'must be an object' });
    legacy(v, p, it);
    const at: Place = { v, path: p, parent: it };
    if (named) check(at, 'name', { type: 'string', required: true, min: 1 });
    else check(at, 'type', { type: 'string', required: true, enum: ['positional', 'named'] });
    if (!named && strOf(field(it, 'type')?.value) === 'named') check(at, 'name', { type: 'string', required: true, min: 1 });
    for (const b of ['isRequired', 'isSecret', 'isRepeated']) check(at, b, { type: 'boolean' });
    check(at, 'format', { type: 'string', enum: ['string', 'number', 'boolean', 'filepath'] });
  });
}

function transport(v: Violation[], path: string, n: MNode, remote: boolean): void {
  const types = remote ? ['streamable-http', 'sse'] : ['stdio', 'streamable-http', 'sse'];
  const at: Place = { v, path, parent: n };
  const type = strOf(check(at, 'type', { type: 'string', required: true, enum: types }));
  if (type === 'streamable-http' || type === 'sse') check(at, 'url', { type: 'string', required: true, pattern: remote ? URL_RE : /\S/, patternText: 'a URL' });
  if (remote) inputs(v, `${path}.headers`, check(at, 'headers', { type: 'array' }), true);
}

function validate(root: MNode, v: Violation[]): void {
  legacy(v, '$', root);
  const top: Place = { v, path: '$', parent: root };
  check(top, 'name', { type: 'string', required: true, min: 3, max: 200, pattern: /^[a-zA-Z0-9.-]+\/[a-zA-Z0-9._-]+$/, patternText: 'reverse-DNS namespace "/" name (io.github.owner/server)' });
  check(top, 'description', { type: 'string', required: true, min: 1, max: 100 });
  check(top, 'title', { type: 'string', min: 1, max: 100 });
  const ver = strOf(check(top, 'version', { type: 'string', required: true, min: 1, max: 255 }));
  if (ver !== undefined && (ver === 'latest' || /^[\^~><=*]|\|\||\s-\s|^\d+(\.\d+)?\.(x|\*)$/i.test(ver))) {
    v.push({ path: '$.version', line: field(root, 'version')!.keyLine, message: 'must be one specific version, not "latest" or a range' });
  }
  check(top, 'websiteUrl', { type: 'string', pattern: URL_RE, patternText: 'a URL' });
  const repo = check(top, 'repository', { type: 'object' });
  if (repo) {
    const inRepo: Place = { v, path: '$.repository', parent: repo };
    check(inRepo, 'url', { type: 'string', required: true, pattern: URL_RE, patternText: 'a URL' });
    check(inRepo, 'source', { type: 'string', required: true, min: 1 });
  }
  itemsOf(check(top, 'packages', { type: 'array' })).forEach((p, i) => {
    const path = `$.packages[${i}]`;
    if (p.t !== 'obj') return void v.push({ path, line: p.line, message: 'must be an object' });
    legacy(v, path, p);
    const at: Place = { v, path, parent: p };
    check(at, 'registryType', { type: 'string', required: true, min: 1 });
    check(at, 'identifier', { type: 'string', required: true, min: 1 });
    const pv = strOf(check(at, 'version', { type: 'string', min: 1, max: 255 }));
    if (pv === 'latest') v.push({ path: `${path}.version`, line: field(p, 'version')!.keyLine, message: 'must be one specific version, not "latest"' });
    check(at, 'registryBaseUrl', { type: 'string', pattern: URL_RE, patternText: 'a URL' });
    check(at, 'fileSha256', { type: 'string', pattern: /^[a-f0-9]{64}$/, patternText: '64 lowercase hex digits' });
    const t = check(at, 'transport', { type: 'object', required: true });
    if (t) transport(v, `${path}.transport`, t, false);
    inputs(v, `${path}.runtimeArguments`, check(at, 'runtimeArguments', { type: 'array' }), false);
    inputs(v, `${path}.packageArguments`, check(at, 'packageArguments', { type: 'array' }), false);
    inputs(v, `${path}.environmentVariables`, check(at, 'environmentVariables', { type: 'array' }), true);
  });
  itemsOf(check(top, 'remotes', { type: 'array' })).forEach((r, i) => {
    if (r.t !== 'obj') return void v.push({ path: `$.remotes[${i}]`, line: r.line, message: 'must be an object' });
    transport(v, `$.remotes[${i}]`, r, true);
  });
}

/** The words a client passes for an argument list: named `name value` (or `name=value`), positional `value`. */
function argWords(n: MNode | undefined, takesValue: (name: string) => boolean): Word[] {
  const out: Word[] = [];
  for (const a of itemsOf(n)) {
    const given = strOf(field(a, 'value')?.value) ?? strOf(field(a, 'default')?.value) ?? strOf(field(a, 'placeholder')?.value) ?? strOf(field(a, 'valueHint')?.value);
    const name = strOf(field(a, 'name')?.value);
    const line = field(a, 'value')?.keyLine ?? a.line;
    const named = strOf(field(a, 'type')?.value) === 'named' && name !== undefined;
    // a named input the user fills in: the client prompts for the value
    const value = given ?? (named && takesValue(name) ? '{value}' : undefined);
    if (named) {
      if (name.includes('=')) out.push({ value: name, line: a.line });
      else {
        out.push({ value: name, line: field(a, 'name')!.keyLine });
        if (value !== undefined) out.push({ value, line });
      }
    } else if (value !== undefined) out.push({ value, line });
  }
  return out;
}

function dockerTakesValue(name: string): boolean {
  if (name.includes('=')) return false;
  const long = name.startsWith('--') ? name.slice(2) : name.length === 2 ? SHORTHANDS.get(name[1]!) : undefined;
  return long !== undefined && VALUE_FLAGS.has(long);
}

function packageLaunch(p: MNode, i: number): Launch {
  const type = strOf(field(p, 'registryType')?.value) ?? '';
  const id = field(p, 'identifier');
  const identifier = strOf(id?.value) ?? '';
  const version = strOf(field(p, 'version')?.value);
  const env: KV[] = itemsOf(field(p, 'environmentVariables')?.value).map((e) => ({
    name: strOf(field(e, 'name')?.value) ?? '',
    value: strOf(field(e, 'value')?.value),
    line: e.line,
    via: 'environmentVariables',
  }));
  const hint = strOf(field(p, 'runtimeHint')?.value);
  const runtime = argWords(field(p, 'runtimeArguments')?.value, type === 'oci' ? dockerTakesValue : () => false);
  const pkgArgs = argWords(field(p, 'packageArguments')?.value, () => false);
  const launch: Launch = {
    name: identifier || `packages[${i}]`,
    key: `packages[${type}:${identifier}]`,
    line: p.line,
    origin: 'server.json',
    transport: strOf(field(field(p, 'transport')?.value, 'type')?.value) === 'stdio' ? 'stdio' : 'remote',
    args: [],
    env,
    headers: [],
    fullCommand: false,
  };
  if (type === 'oci') {
    const docker = readDockerRun([...runtime, { value: identifier, line: id?.keyLine ?? p.line }, ...pkgArgs]);
    for (const f of docker.flags) if (f.name === 'env') launch.env.push(envKV(f.value, f.line, 'runtimeArguments -e'));
    return { ...launch, docker };
  }
  // npm/pypi: the client runs `npx <id>@<version>` / `uvx <id>==<version>`; runtimeArguments go to the runner
  const runner = hint ?? (type === 'npm' ? 'npx' : type === 'pypi' ? 'uvx' : type);
  const spec = version ? (type === 'pypi' ? `${identifier}==${version}` : `${identifier}@${version}`) : identifier;
  return { ...launch, command: { value: runner, line: p.line }, args: [...runtime, { value: spec, line: id?.keyLine ?? p.line }, ...pkgArgs] };
}

export function readServerJson(root: MNode): McpModel {
  const model = emptyModel('server-json');
  if (root.t !== 'obj') {
    model.issues.push({ line: root.line, message: 'server.json must be a JSON object' });
    return model;
  }
  const s = field(root, '$schema');
  const url = strOf(s?.value);
  const date = url !== undefined ? SCHEMA_URL.exec(url)?.[1] : undefined;
  const nameE = field(root, 'name');
  const verE = field(root, 'version');
  const w = (e: typeof nameE): Word | undefined => (e && strOf(e.value) !== undefined ? { value: strOf(e.value)!, line: e.keyLine } : undefined);
  model.server = { root, schemaVersion: date, schemaLine: s?.keyLine ?? root.line, name: w(nameE), version: w(verE) };
  if (!s) model.violations.push({ path: '$.$schema', line: root.line, message: `"$schema" is missing: the registry needs the schema URL (current: ${CURRENT_SCHEMA})` });
  else if (date === CURRENT_SCHEMA) validate(root, model.violations);
  else if (date !== undefined && (OLDER_SCHEMAS.has(date) || date < CURRENT_SCHEMA)) {
    model.violations.push({ path: '$.$schema', line: s.keyLine, message: `schema ${date} is not the current ${CURRENT_SCHEMA}: the registry refuses to publish it; migrate the file` });
  } else {
    model.issues.push({ line: s.keyLine, message: `unknown "$schema" ${JSON.stringify(url ?? null).slice(0, 120)}: only the registry's dated schemas (current ${CURRENT_SCHEMA}) are known, so the file was not checked against a schema` });
  }
  itemsOf(field(root, 'packages')?.value).forEach((p, i) => {
    if (p.t === 'obj') model.launches.push(packageLaunch(p, i));
  });
  itemsOf(field(root, 'remotes')?.value).forEach((r, i) => {
    if (r.t !== 'obj') return;
    const headers: KV[] = itemsOf(field(r, 'headers')?.value).map((h) => ({ name: strOf(field(h, 'name')?.value) ?? '', value: strOf(field(h, 'value')?.value), line: h.line, via: 'headers' }));
    model.launches.push({ name: strOf(field(r, 'url')?.value) ?? `remotes[${i}]`, key: `remotes[${i}]`, line: r.line, origin: 'server.json', transport: 'remote', args: [], env: [], headers, fullCommand: false });
  });
  return model;
}

export function looksLikeServerJson(root: MNode): boolean {
  const s = strOf(field(root, '$schema')?.value) ?? '';
  return /server\.schema\.json/.test(s) || (field(root, 'packages') !== undefined && field(root, 'name') !== undefined);
}
