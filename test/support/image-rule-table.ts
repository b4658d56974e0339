/**
 * Image rules without Docker: an ImageInspection made from a short description of the image
 * (paths, user, passwd users, setuid files, size) and the Dockerfile it was "built" from. A path
 * written `/usr/bin/curl@7` was added by the layer of the instruction on line 7; others come from
 * the base image. The history is the classic builder's shape for the Dockerfile's final chain.
 */
import { describe, expect, it } from 'vitest';
import { chainInstructions, finalStage, parseDockerfile } from '../../src/core/dockerfile/model.js';
import { mapLayers, type HistoryEntry } from '../../src/core/image/layer-map.js';
import type { FsEntry, ImageConfigFacts, ImageInspection } from '../../src/core/image/model.js';
import type { ImageRule, ImageRuleContext } from '../../src/rules/image/types.js';
import type { RuleHit } from '../../src/core/types.js';

export interface ImageDesc {
  user?: string;
  /** Files (and `@line` for the instruction that added them); directories are implied. */
  paths?: string[];
  /** Symlinks `link=>target`. */
  links?: string[];
  /** Users in /etc/passwd; undefined = no /etc/passwd. */
  passwdUsers?: string[];
  /** Paths with the setuid bit (also added as files). */
  setuid?: string[];
  size?: number;
  sizeBudget?: number;
  /** More of the image config (merged over `user`). */
  config?: Partial<ImageConfigFacts>;
  /** The image history as written (replaces the classic-builder one made from the Dockerfile). */
  history?: HistoryEntry[];
  /** The stage that was built (`--target`); default the last. */
  target?: string;
  /** Build args: set when the pipeline built the image itself (MCG992 compares only then). */
  built?: Record<string, string>;
}

export function imageRuleContext(dockerfile: string, d: ImageDesc): ImageRuleContext {
  const model = parseDockerfile('Dockerfile', dockerfile);
  const final = finalStage(model, d.target)!;
  const chain = chainInstructions(model, final);
  const history: HistoryEntry[] = [{ comment: 'base image' }];
  let diffIds = ['sha256:base'];
  const layerOfLine = new Map<number, number>();
  for (const ins of chain) {
    const makes = ins.keyword === 'RUN' || ins.keyword === 'COPY' || ins.keyword === 'ADD';
    history.push({ created_by: ins.keyword === 'RUN' ? `/bin/sh -c ${ins.rest}` : `/bin/sh -c #(nop)  ${ins.keyword} ${ins.rest}`, empty_layer: !makes });
    if (makes) {
      layerOfLine.set(ins.line, diffIds.length);
      diffIds.push(`sha256:layer${diffIds.length}`);
    }
  }
  if (d.history) {
    history.splice(0, history.length, ...d.history);
    diffIds = d.history.filter((h) => !h.empty_layer).map((_, i) => `sha256:given${i}`);
  }
  const files = new Map<string, FsEntry>();
  const add = (spec: string, mode: number, linkname?: string): void => {
    const [p, at] = spec.split('@');
    const layer = at ? (layerOfLine.get(Number(at)) ?? 0) : 0;
    const path = p!.startsWith('/') ? p! : `/${p}`;
    const parts = path.split('/').filter(Boolean);
    for (let i = 1; i < parts.length; i++) {
      const dir = `/${parts.slice(0, i).join('/')}`;
      if (!files.has(dir)) files.set(dir, { path: dir, type: 'dir', mode: 0o755, size: 0, uid: 0, gid: 0, layer: 0 });
    }
    files.set(path, { path, type: linkname ? 'symlink' : 'file', mode, size: 1, uid: 0, gid: 0, layer, linkname });
  };
  for (const p of d.paths ?? []) add(p, 0o755);
  for (const p of d.setuid ?? []) add(p, 0o4755);
  for (const l of d.links ?? []) {
    const [from, to] = l.split('=>');
    add(from!, 0o777, to);
  }
  const passwd = d.passwdUsers?.map((u, i) => `${u}:x:${u === 'root' ? 0 : 1000 + i}:${u === 'root' ? 0 : 1000 + i}::/home/${u}:/bin/sh`).join('\n');
  if (passwd !== undefined) add('/etc/passwd', 0o644);
  const newest = new Map([...files.values()].map((f) => [f.path, f.layer]));
  const image: ImageInspection = {
    config: { user: d.user ?? '', env: [], ...d.config },
    files,
    passwd: passwd !== undefined ? `${passwd}\n` : undefined,
    size: d.size ?? 100 * 1024 * 1024,
    diffIds,
    history,
    repoTags: [],
    layerOfPath: (p) => newest.get(p),
    unreadableLayers: [],
  };
  return {
    image,
    path: 'Dockerfile',
    model,
    final,
    layers: mapLayers(model, final, history, diffIds),
    sizeBudget: d.sizeBudget ?? 1024 * 1024 * 1024,
    built: d.built ? { buildArgs: d.built } : undefined,
  };
}

export interface ImageCase {
  name: string;
  dockerfile: string;
  image: ImageDesc;
  lines?: number[];
  message?: string;
}

export function runImageRule(rule: ImageRule, c: ImageCase): RuleHit[] {
  return rule.check(imageRuleContext(c.dockerfile, c.image));
}

export function imageRuleTable(rule: ImageRule, table: { fires: ImageCase[]; passes: ImageCase[] }): void {
  describe(`${rule.meta.id} ${rule.meta.name}`, () => {
    it('has at least 3 firing and 3 non-firing cases', () => {
      expect(table.fires.length).toBeGreaterThanOrEqual(3);
      expect(table.passes.length).toBeGreaterThanOrEqual(3);
    });
    it.each(table.fires.map((c) => [c.name, c] as const))('fires: %s', (_n, c) => {
      const hits = runImageRule(rule, c);
      expect(hits.length).toBeGreaterThan(0);
      for (const h of hits) {
        expect(h.key).not.toMatch(/\bline\s*\d/);
        if (c.message) expect(h.message).toContain(c.message);
      }
      if (c.lines) expect(hits.map((h) => h.line).sort((a, b) => a - b)).toEqual([...c.lines].sort((a, b) => a - b));
    });
    it.each(table.passes.map((c) => [c.name, c] as const))('passes: %s', (_n, c) => {
      expect(runImageRule(rule, c)).toEqual([]);
    });
  });
}

/** Docs fences: ```dockerfile failing image-paths="/bin/sh /usr/bin/curl@3" image-user="app" image-passwd="root app" …``` */
export function imageDescFromAttrs(attrs: Record<string, string>): ImageDesc {
  const list = (k: string): string[] | undefined => (attrs[k] !== undefined ? attrs[k].split(/\s+/).filter(Boolean) : undefined);
  const bytes = (k: string): number | undefined => {
    const v = attrs[k];
    if (v === undefined) return undefined;
    const m = /^(\d+(?:\.\d+)?)\s*(B|KiB|MiB|GiB)?$/.exec(v.trim());
    if (!m) throw new Error(`bad size ${v}`);
    const mult = { B: 1, KiB: 1024, MiB: 1024 ** 2, GiB: 1024 ** 3 }[(m[2] ?? 'B') as 'B'];
    return Math.round(Number(m[1]) * mult);
  };
  return {
    user: attrs['image-user'],
    paths: list('image-paths'),
    links: list('image-links'),
    passwdUsers: list('image-passwd'),
    setuid: list('image-setuid'),
    size: bytes('image-size'),
    sizeBudget: bytes('size-budget'),
  };
}
