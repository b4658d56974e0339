/** External image references of a Dockerfile (FROM and COPY --from=<image>), for MCG002–MCG004. Pure. */
import type { DockerfileModel, ImageRef, Instruction, Stage } from '../../core/dockerfile/model.js';
import { blankWords, expand, normalizedText, parseImageRef, resolveStageRef, variablesAt } from '../../core/dockerfile/model.js';
import { stageLabel } from './util.js';

export interface ExternalRef {
  /** The stage that holds the instruction. */
  stage: Stage;
  /** The FROM or COPY instruction. */
  ins: Instruction;
  image: ImageRef;
  /** How the reference is written in the Dockerfile (before ARG substitution). */
  written: string;
  /** Fingerprint key: stage + instruction, without tag or digest (a version bump keeps it). */
  key: string;
}

/** `registry/repository` without tag or digest. */
export function imageName(img: ImageRef): string {
  return (img.registry ? `${img.registry}/` : '') + img.repository;
}

function isStageName(model: DockerfileModel, ref: string, before: number): boolean {
  if (resolveStageRef(model, ref, before) !== undefined) return true;
  // A name defined later is still a stage name, never an image Docker would pull.
  const low = ref.toLowerCase();
  return model.stages.some((s) => s.name?.toLowerCase() === low);
}

/**
 * Every reference to an external image: each `FROM` whose base is not a stage, and each
 * `COPY --from=` that names neither a stage name nor a stage index. `scratch` and references a
 * build argument decides (a global ARG declared without a value) are left out: nothing can be said
 * about them; with `tagDecided`, only those where it decides the tag or digest part.
 */
export function externalImageRefs(model: DockerfileModel, opts: { tagDecided?: boolean } = {}): ExternalRef[] {
  const out: ExternalRef[] = [];
  for (const stage of model.stages) {
    const img = stage.image;
    // with tagDecided: a FROM whose tag and digest no build argument can change, even where one
    // decides the registry (`ARG REGISTRY` + `FROM ${REGISTRY}/ubuntu` is certainly untagged)
    const decided = img !== undefined && (opts.tagDecided ? img.tagVaries !== true : !img.unresolved);
    if (stage.parent === undefined && img && !img.scratch && decided) {
      const written = blankWords(stage.from.rest)[0] ?? stage.base;
      out.push({ stage, ins: stage.from, image: img, written, key: `${stageLabel(stage)}|FROM ${imageName(img)}` });
    }
    for (const ins of stage.instructions) {
      if (ins.keyword !== 'COPY') continue;
      const from = ins.flags['from']?.[0];
      if (from === undefined || from === '') continue;
      const value = expand(from, variablesAt(model, stage, ins));
      if (/^\d+$/.test(value) || isStageName(model, value, stage.index)) continue;
      const ref = parseImageRef(value);
      if (ref.scratch || ref.unresolved) continue;
      const target = normalizedText({ ...ins, args: ins.rest });
      out.push({ stage, ins, image: ref, written: from, key: `${stageLabel(stage)}|COPY --from=${imageName(ref)} ${target.slice('COPY '.length)}` });
    }
  }
  return out;
}

/** How a reference is shown in messages: as written, plus what it resolves to when ARGs changed it. */
export function describeRef(r: ExternalRef): string {
  return r.written === r.image.ref ? r.image.ref : `${r.written} (resolves to ${r.image.ref})`;
}
