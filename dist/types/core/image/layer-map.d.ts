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
    layers: {
        diffId: string;
        historyIndex?: number;
        site: LayerSite;
    }[];
    byDiffId: Map<string, LayerSite>;
    /** The final stage's FROM line. */
    from: LayerSite;
}
/** The Dockerfile keyword that wrote a history entry, from its `created_by` (undefined when unknown). */
export declare function historyKeyword(createdBy: string | undefined): string | undefined;
export declare function mapLayers(model: DockerfileModel, final: Stage, history: readonly HistoryEntry[], diffIds: readonly string[]): LayerMap;
