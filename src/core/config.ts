/**
 * `.mcg.yml` (DESIGN §6): parsed with `yaml` keeping positions, validated against
 * schema/mcg.schema.json; every error names the file, the line and the key.
 */
import { Ajv, type ErrorObject } from 'ajv';
import { LineCounter, parseDocument, isMap, isSeq, type Node } from 'yaml';
import schema from '../../schema/mcg.schema.json' with { type: 'json' };
import type { FailOn, Severity } from './types.js';
import type { RuleSettings } from './rule-hits.js';
import type { IgnoreEntry } from './suppress.js';

export class ConfigError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly line: number,
  ) {
    super(message);
    this.name = 'ConfigError';
  }
}

export interface McgConfig {
  file?: string;
  severityThreshold?: Severity;
  failOn?: FailOn;
  rules: RuleSettings;
  ignore: IgnoreEntry[];
  imageSizeBudget: number;
  include: string[];
  exclude: string[];
  trivy: { enabled: boolean; ignoreUnfixed: boolean; timeoutMinutes?: number };
  trufflehog: { enabled: boolean; verify?: boolean; timeoutMinutes?: number };
}

export const DEFAULT_IMAGE_SIZE_BUDGET = 1024 ** 3;

export function defaultConfig(): McgConfig {
  return {
    rules: {},
    ignore: [],
    imageSizeBudget: DEFAULT_IMAGE_SIZE_BUDGET,
    include: [],
    exclude: [],
    trivy: { enabled: true, ignoreUnfixed: false },
    trufflehog: { enabled: true },
  };
}

const UNITS: Record<string, number> = { B: 1, KB: 1e3, MB: 1e6, GB: 1e9, KIB: 1024, MIB: 1024 ** 2, GIB: 1024 ** 3 };

export function parseSize(v: number | string): number {
  if (typeof v === 'number') return v;
  const m = /^([0-9]+(?:\.[0-9]+)?)\s*([KMG]i?B|B)?$/i.exec(v.trim());
  if (!m) throw new Error(`invalid size "${v}": write bytes or a number with B, KB, MB, GB, KiB, MiB or GiB`);
  return Math.round(Number(m[1]) * UNITS[(m[2] ?? 'B').toUpperCase()]!);
}

let validator: ReturnType<Ajv['compile']> | undefined;
function validate(data: unknown): ErrorObject[] {
  validator ??= new Ajv({ allErrors: true, strict: false }).compile(schema);
  return validator(data) ? [] : (validator.errors ?? []);
}

function pointerToPath(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

function describe(e: ErrorObject): string {
  const key = e.instancePath ? pointerToPath(e.instancePath).join('.') : '(top level)';
  const propertyName = (e as { propertyName?: string }).propertyName ?? (e.params as { propertyName?: string }).propertyName;
  if (propertyName !== undefined) return `${key} has a key "${propertyName}" that is not a rule id: write rule ids like MCG005`;
  switch (e.keyword) {
    case 'additionalProperties':
      return `unknown key "${String((e.params as { additionalProperty: string }).additionalProperty)}" in ${key}: remove it or fix its spelling`;
    case 'enum':
      return `${key} must be one of ${((e.params as { allowedValues: unknown[] }).allowedValues ?? []).map(String).join(', ')}`;
    case 'required':
      return `${key} is missing required key "${String((e.params as { missingProperty: string }).missingProperty)}"`;
    case 'pattern':
      return `${key} has the wrong format (${e.message ?? 'pattern'})${key.endsWith('expires') ? ': write the date as YYYY-MM-DD' : ''}`;
    case 'propertyNames':
      return `${key} has a key that is not a rule id: write rule ids like MCG005`;
    default:
      return `${key} ${e.message ?? 'is invalid'}`;
  }
}

/** YYYY-MM-DD that names a day of the calendar (Date rolls 2026-11-31 over to 1 December). */
function realDate(day: string): boolean {
  const t = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === day;
}

/** The rank of an error among those at the same depth: an unknown key says most, oneOf least. */
function keywordRank(e: ErrorObject): number {
  return e.keyword === 'additionalProperties' || e.keyword === 'propertyNames' ? 0 : e.keyword === 'oneOf' ? 2 : 1;
}

/** Loads config text. `file` is the repository-relative path used in messages and MCG900 findings. */
export function parseConfig(file: string, text: string): McgConfig {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  const lineOf = (node: Node | null | undefined): number => (node?.range ? lc.linePos(node.range[0]).line : 1);
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const line = e.linePos?.[0]?.line ?? lc.linePos(e.pos[0]).line;
    throw new ConfigError(`${file}:${line}: invalid YAML: ${e.message.split('\n')[0]}`, file, line);
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 }) ?? {};
  } catch (e) {
    // yaml refuses alias expansion beyond maxAliasCount (a "billion laughs" file) with a plain Error
    throw new ConfigError(`${file}:1: the YAML cannot be loaded: ${(e as Error).message}`, file, 1);
  }
  const errors = validate(data);
  if (errors.length > 0) {
    // the most specific error first
    const e = [...errors].sort((a, b) => b.instancePath.length - a.instancePath.length || keywordRank(a) - keywordRank(b))[0]!;
    const path = pointerToPath(e.instancePath);
    let node = doc.getIn(path, true) as Node | undefined;
    const keyName = (e.params as { additionalProperty?: string }).additionalProperty ?? (e as { propertyName?: string }).propertyName ?? (e.params as { propertyName?: string }).propertyName;
    if (keyName !== undefined && isMap(node)) {
      const extra = keyName;
      const pair = node.items.find((p) => (p.key as { value?: unknown } | null)?.value === extra);
      if (pair?.key) node = pair.key as Node;
    }
    const line = lineOf(node ?? doc.contents);
    throw new ConfigError(`${file}:${line}: ${describe(e)}`, file, line);
  }
  const d = data as Record<string, unknown>;
  const cfg = defaultConfig();
  cfg.file = file;
  if (d['severity-threshold']) cfg.severityThreshold = d['severity-threshold'] as Severity;
  if (d['fail-on']) cfg.failOn = d['fail-on'] as FailOn;
  if (d['rules']) cfg.rules = d['rules'] as RuleSettings;
  if (d['image-size-budget'] !== undefined) cfg.imageSizeBudget = parseSize(d['image-size-budget'] as number | string);
  cfg.include = (d['include'] as string[] | undefined) ?? [];
  cfg.exclude = (d['exclude'] as string[] | undefined) ?? [];
  const sc = (d['scanners'] ?? {}) as Record<string, Record<string, unknown>>;
  if (sc['trivy']) {
    cfg.trivy = {
      enabled: sc['trivy']['enabled'] !== false,
      ignoreUnfixed: sc['trivy']['ignore-unfixed'] === true,
      timeoutMinutes: sc['trivy']['timeout-minutes'] as number | undefined,
    };
  }
  if (sc['trufflehog']) {
    cfg.trufflehog = {
      enabled: sc['trufflehog']['enabled'] !== false,
      verify: sc['trufflehog']['verify'] as boolean | undefined,
      timeoutMinutes: sc['trufflehog']['timeout-minutes'] as number | undefined,
    };
  }
  const ignoreNode = doc.get('ignore', true);
  const items = isSeq(ignoreNode) ? ignoreNode.items : [];
  cfg.ignore = ((d['ignore'] as Record<string, string>[] | undefined) ?? []).map((e, i) => {
    const item = items[i] as Node | undefined;
    const line = lineOf(item);
    if (e['expires'] && !realDate(String(e['expires']).slice(0, 10))) {
      // reported where the date is written, not on the entry's first line
      const at = isMap(item) ? lineOf(item.get('expires', true) as Node | undefined) : line;
      throw new ConfigError(`${file}:${at}: ignore[${i}].expires "${e['expires']}" is not a real date: write YYYY-MM-DD`, file, at);
    }
    return {
      id: e['id']!,
      path: e['path'],
      target: e['target'],
      reason: e['reason']?.trim() || undefined,
      expires: e['expires'],
      owner: e['owner'],
      where: `${file}:${line}`,
      file,
      line,
    };
  });
  return cfg;
}
