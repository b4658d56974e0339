/**
 * Image layer → Dockerfile line (DESIGN §3). Pure.
 *
 * The image config pairs `history[]` entries that are not `empty_layer` with `rootfs.diff_ids` in
 * order. The history's tail was written by the scanned Dockerfile's final stage (and the stages it
 * is built FROM); older entries come from the base image and map to the final stage's FROM line.
 * Entries are aligned with the stage chain's instructions from the END by the instruction keyword
 * read from `created_by` (classic builder `/bin/sh -c #(nop)  ENV …` / `|1 A=b /bin/sh -c …`,
 * BuildKit `RUN /bin/sh -c … # buildkit`): the classic builder makes a non-empty layer for a WORKDIR
 * that creates its directory, so counting RUN/COPY/ADD alone would shift every later layer. When
 * the history carries no `created_by`, the non-empty layers are counted against RUN/COPY/ADD.
 */
import type { DockerfileModel, Instruction, Stage } from '../dockerfile/model.js';
import { chainInstructions } from '../dockerfile/model.js';
import { fromKey, insKey } from '../dockerfile/keys.js';

export interface HistoryEntry {
  created_by?: string;
  empty_layer?: boolean;
  comment?: string;
  created?: string;
}

/** Where a layer or history entry lands in the repository. */
export interface LayerSite {
  line: number;
  endLine: number;
  /** Fingerprint key of the instruction (no line numbers). */
  key: string;
  keyword: string;
  instruction?: Instruction;
  /** True when it came from the base image (mapped to the final FROM). */
  base: boolean;
}

export interface LayerMap {
  /** One site per history entry (same index as the config's history). */
  history: LayerSite[];
  /** rootfs.diff_ids in order with the history entry that made each. */
  layers: { diffId: string; historyIndex?: number; site: LayerSite }[];
  byDiffId: Map<string, LayerSite>;
  /** The final stage's FROM line. */
  from: LayerSite;
}

const KEYWORDS = new Set([
  'ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'HEALTHCHECK', 'LABEL', 'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL',
  'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR',
]);

/** The Dockerfile keyword that wrote a history entry, from its `created_by` (undefined when unknown). */
export function historyKeyword(createdBy: string | undefined): string | undefined {
  if (createdBy === undefined) return undefined;
  const t = createdBy.trim();
  if (t === '') return undefined;
  const nop = /#\(nop\)\s+([A-Z]+)\b/.exec(t);
  if (nop) return KEYWORDS.has(nop[1]!) ? nop[1] : undefined;
  const first = /^([A-Z]+)(\s|$)/.exec(t);
  if (first && KEYWORDS.has(first[1]!)) return first[1];
  // classic builder: a RUN is recorded as its command line, optionally prefixed by `|N K=V …`
  return 'RUN';
}

/** Instructions that may leave no history entry (BuildKit records no ARG whose value is unused). */
const MAY_LACK_HISTORY = new Set(['ARG', 'ONBUILD', 'MAINTAINER']);
const LAYER_MAKERS = new Set(['RUN', 'COPY', 'ADD']);

function siteOf(model: DockerfileModel, ins: Instruction): LayerSite {
  const stage = model.stages[ins.stageIndex]!;
  return { line: ins.line, endLine: ins.endLine, key: insKey(stage, ins), keyword: ins.keyword, instruction: ins, base: false };
}

export function mapLayers(model: DockerfileModel, final: Stage, history: readonly HistoryEntry[], diffIds: readonly string[]): LayerMap {
  const from: LayerSite = { line: final.from.line, endLine: final.from.endLine, key: fromKey(final), keyword: 'FROM', base: true };
  const chain = chainInstructions(model, final);
  const sites: LayerSite[] = history.map(() => from);
  const keywords = history.map((h) => historyKeyword(h.created_by));
  const known = keywords.filter((k) => k !== undefined).length;
  if (history.length > 0 && known >= Math.ceil(history.length / 2)) {
    let j = chain.length - 1;
    for (let i = history.length - 1; i >= 0 && j >= 0; i--) {
      const k = keywords[i];
      if (k === undefined) continue;
      let jj = j;
      while (jj >= 0 && chain[jj]!.keyword !== k && MAY_LACK_HISTORY.has(chain[jj]!.keyword)) jj--;
      if (jj >= 0 && chain[jj]!.keyword === k) {
        sites[i] = siteOf(model, chain[jj]!);
        j = jj - 1;
      } else {
        // an entry the chain cannot explain: the Dockerfile's part of the history has ended
        break;
      }
    }
  } else {
    // no usable created_by: count the non-empty layers against RUN/COPY/ADD from the end
    const makers = chain.filter((i) => LAYER_MAKERS.has(i.keyword));
    let j = makers.length - 1;
    for (let i = history.length - 1; i >= 0 && j >= 0; i--) {
      if (history[i]!.empty_layer) continue;
      sites[i] = siteOf(model, makers[j]!);
      j--;
    }
  }
  const layers: LayerMap['layers'] = [];
  const byDiffId = new Map<string, LayerSite>();
  const nonEmpty: number[] = [];
  history.forEach((h, i) => {
    if (!h.empty_layer) nonEmpty.push(i);
  });
  if (history.length === 0 && diffIds.length > 0) {
    // no history at all: only the newest layers can be guessed, by counting RUN/COPY/ADD
    const makers = chain.filter((i) => LAYER_MAKERS.has(i.keyword));
    diffIds.forEach((d, idx) => {
      const fromEnd = diffIds.length - 1 - idx;
      const ins = makers[makers.length - 1 - fromEnd];
      const site = ins ? siteOf(model, ins) : from;
      layers.push({ diffId: d, site });
      if (!byDiffId.has(d)) byDiffId.set(d, site);
    });
    return { history: sites, layers, byDiffId, from };
  }
  // pair from the end so that a base image whose history lost entries still maps the new layers
  const offset = nonEmpty.length - diffIds.length;
  diffIds.forEach((d, idx) => {
    const hi = nonEmpty[idx + offset];
    const site = hi !== undefined ? sites[hi]! : from;
    layers.push({ diffId: d, historyIndex: hi, site });
    // the same diff id twice (an empty tar): the newest wins
    byDiffId.set(d, site);
  });
  return { history: sites, layers, byDiffId, from };
}
