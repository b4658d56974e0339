/**
 * Changed-only scans (issue #23 item 2): which discovered targets a pull request can have changed.
 * Pure: the changed file list, each target's build context (its .dockerignore matcher) and COPY
 * sources, and the changed manifests' texts come in; the selection, with a reason for every target
 * kept or skipped, goes out. Whatever cannot be decided selects (fail closed): a skipped target is
 * one no changed file can reach.
 */
import picomatch from 'picomatch';
import type { DockerfileModel } from './dockerfile/model.js';
import { copyValues } from './dockerfile/values.js';

/** What the selection needs to know of one target. */
export interface ChangeTarget {
  target: string;
  /** Repository-relative Dockerfile path. */
  dockerfile: string;
  /** Repository-relative context directory ('.' for the root). */
  context: string;
  /** True when Docker leaves the context-relative path out of the context (its .dockerignore). */
  ignored(contextRel: string): boolean;
  /** Context-relative sources its COPY/ADD/RUN --mount read from the context; undefined = unknown (all of it). */
  copySources?: readonly string[];
}

/** The changed files, or why they are not known (then everything is scanned). */
export type ChangedFiles = { ok: true; files: readonly string[]; source: string } | { ok: false; reason: string };

export interface SelectOptions {
  /** Repository-relative paths of the configuration (`.mcg.yml`): a change selects every target. */
  configPaths: readonly string[];
  /** Texts of changed YAML/JSON manifests (compose, Kubernetes), by repository path. */
  manifestTexts?: ReadonlyMap<string, string>;
}

export interface Decision {
  target: string;
  dockerfile: string;
  context: string;
  reason: string;
}

export interface Selection {
  selected: Decision[];
  skipped: Decision[];
  /** Set when every target was selected without looking at them one by one (config, unknown list). */
  all?: string;
}

/** A file name as shown in a reason: JSON-quoted (no control character survives), at most 200 characters. */
export function shownPath(p: string): string {
  return JSON.stringify(p.length > 200 ? `${p.slice(0, 197)}...` : p);
}

const MANIFEST = /\.(ya?ml|json)$/i;

function dirOf(p: string): string {
  const i = p.lastIndexOf('/');
  return i < 0 ? '.' : p.slice(0, i);
}

/** `p` relative to directory `dir` when inside it, else undefined ('.' is the root). */
function inside(dir: string, p: string): string | undefined {
  if (dir === '.' || dir === '') return p;
  return p.startsWith(`${dir}/`) ? p.slice(dir.length + 1) : undefined;
}

function norm(src: string): string {
  return src.replace(/^(\.?\/)+/, '').replace(/\/+$/, '').replace(/\/\.$/, '');
}

/** True when a COPY source (context-relative, as BuildKit resolves it) takes in the file. */
export function sourceCovers(source: string, rel: string): boolean {
  const s = norm(source);
  if (s === '' || s === '.') return true;
  if (rel === s || rel.startsWith(`${s}/`)) return true;
  if (!/[*?[\\]/.test(s)) return false;
  // a pattern matches the file or one of its parent directories (a matched directory is copied whole)
  const m = picomatch(s, { dot: true });
  const parts = rel.split('/');
  for (let i = 1; i <= parts.length; i++) if (m(parts.slice(0, i).join('/'))) return true;
  return false;
}

/**
 * The context-relative sources a Dockerfile reads from its context: COPY/ADD without `--from`
 * (remote ADD sources left out) and `RUN --mount=type=bind` without `from`. Undefined when a
 * source cannot be expanded (the whole context counts then).
 */
export function contextSources(model: DockerfileModel): string[] | undefined {
  const out: string[] = [];
  for (const stage of model.stages) {
    for (const ins of stage.instructions) {
      if (ins.keyword === 'RUN') {
        for (const mount of ins.flags['mount'] ?? []) {
          const kv = mount.split(',').map((x) => x.trim());
          const bind = kv.includes('type=bind') || !kv.some((x) => x.startsWith('type='));
          if (!bind || kv.some((x) => x.startsWith('from='))) continue;
          const src = kv.find((x) => /^(source|src)=/.test(x));
          out.push(src ? src.slice(src.indexOf('=') + 1) : '.');
        }
        continue;
      }
      if ((ins.keyword !== 'COPY' && ins.keyword !== 'ADD') || (ins.flags['from'] ?? []).length > 0) continue;
      // a source naming a variable can be any path at build time (a --build-arg overrides the default)
      if ((ins.words ?? []).slice(0, -1).some((w) => w.includes('$'))) return undefined;
      const v = copyValues(model, stage, ins);
      if (!v.ok) return undefined;
      for (const s of v.value.sources) if (!/^[a-z][a-z0-9+.-]*:\/\/|^git@/i.test(s)) out.push(s);
    }
  }
  return out;
}

/** Why one changed file reaches the target, or undefined. */
function reaches(t: ChangeTarget, f: string, opts: SelectOptions): string | undefined {
  const own = dirOf(t.dockerfile);
  if (f === t.dockerfile) return `its Dockerfile ${shownPath(f)} changed`;
  if (f === `${t.dockerfile}.dockerignore` || f === (t.context === '.' ? '.dockerignore' : `${t.context}/.dockerignore`)) return `its .dockerignore ${shownPath(f)} changed`;
  const rel = inside(t.context, f);
  if (rel !== undefined && !t.ignored(rel)) {
    if (inside(own, f) !== undefined) return `${shownPath(f)} in its build context changed`;
    if (t.copySources === undefined) return `${shownPath(f)} in its build context changed (what it copies is not known)`;
    if (t.copySources.some((s) => sourceCovers(s, rel))) return `the shared file ${shownPath(f)} that it copies changed`;
  }
  if (MANIFEST.test(f)) {
    if (own !== '.' && inside(own, f) !== undefined) return `the manifest ${shownPath(f)} beside its Dockerfile changed`;
    const text = opts.manifestTexts?.get(f);
    if (text !== undefined && (text.includes(t.dockerfile) || (own !== '.' && text.includes(own)))) return `the manifest ${shownPath(f)} naming it changed`;
  }
  return undefined;
}

/** The targets the change set reaches, each with its reason; the others with the reason they were skipped. */
export function selectChanged(targets: readonly ChangeTarget[], changed: ChangedFiles, opts: SelectOptions): Selection {
  const all = (reason: string): Selection => ({ selected: targets.map((t) => ({ target: t.target, dockerfile: t.dockerfile, context: t.context, reason })), skipped: [], all: reason });
  if (!changed.ok) return all(`every target is scanned: ${changed.reason}`);
  const config = changed.files.find((f) => opts.configPaths.includes(f));
  if (config !== undefined) return all(`every target is scanned: the configuration ${shownPath(config)} changed`);
  const sel: Selection = { selected: [], skipped: [] };
  for (const t of targets) {
    let reason: string | undefined;
    for (const f of changed.files) {
      reason = reaches(t, f, opts);
      if (reason !== undefined) break;
    }
    const d = { target: t.target, dockerfile: t.dockerfile, context: t.context };
    if (reason !== undefined) sel.selected.push({ ...d, reason });
    else sel.skipped.push({ ...d, reason: `not rescanned: none of the ${changed.files.length} changed file(s) (${changed.source}) is its Dockerfile, in its build context after .dockerignore, copied by it, or a manifest naming it` });
  }
  return sel;
}

/** A target of the matrix's `skipped` list, as mode: report reads it back (untrusted text). */
export interface SkippedEntry {
  target: string;
  dockerfile: string;
  reason: string;
}

/** The `skipped` list of a discover matrix; entries that are not well-formed are dropped. */
export function parseSkipped(text: string): SkippedEntry[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return [];
  }
  const list = (data as { skipped?: unknown } | null)?.skipped;
  if (!Array.isArray(list)) return [];
  const str = (v: unknown, max: number): v is string => typeof v === 'string' && v.length > 0 && v.length <= max;
  return list.slice(0, 256).flatMap((e: unknown) => {
    const o = e as Record<string, unknown> | null;
    if (!o || !str(o['target'], 64) || !/^[a-z0-9._-]+$/.test(o['target']) || !str(o['dockerfile'], 4096) || !str(o['reason'], 2000)) return [];
    return [{ target: o['target'], dockerfile: o['dockerfile'], reason: o['reason'] }];
  });
}
