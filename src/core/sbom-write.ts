/**
 * Writes the SBOMs a scan collected (issue #22) through the one safe writer: `<base>.cdx.json`
 * and `<base>.spdx.json`, with the target in the name when the run had several images.
 */
import { safeWriteFile, type WriteTarget } from './safe-write.js';
import { sbomFileName, targetSlug, type ImageSbom, type SbomFormat, type SbomRequest } from './sbom.js';

/** Collects the pipeline's SBOMs for the formats asked for. */
export class SbomCollector {
  readonly sboms: ImageSbom[] = [];

  constructor(readonly formats: SbomFormat[]) {}

  /** The request handed to the scan. */
  request(): SbomRequest {
    return { formats: this.formats, onSbom: (s) => this.sboms.push(s) };
  }
}

export interface WrittenSbom {
  target: string;
  format: SbomFormat;
  /** Absolute path written. */
  path: string;
}

/**
 * Writes every document; returns what was written, in target order and CycloneDX before SPDX.
 * `exact` (the CLI's `--sbom F`): with one image, the first format goes to `base` itself.
 */
export function writeSboms(sboms: readonly ImageSbom[], out: WriteTarget, at: { base: string; exact?: boolean }): WrittenSbom[] {
  const { base } = at;
  const written: WrittenSbom[] = [];
  const several = sboms.filter((s) => Object.keys(s.documents).length > 0).length > 1;
  const used = new Set<string>();
  for (const s of sboms) {
    let suffix: string | undefined;
    if (several) {
      suffix = targetSlug(s.target);
      for (let i = 2; used.has(suffix); i++) suffix = `${targetSlug(s.target)}-${i}`;
      used.add(suffix);
    }
    let first = true;
    for (const format of ['cyclonedx', 'spdx'] as const) {
      const text = s.documents[format];
      if (text === undefined) continue;
      const name = at.exact && !several && first ? base : sbomFileName(base, format, suffix);
      first = false;
      written.push({ target: s.target, format, path: safeWriteFile(out, name, text) });
    }
  }
  return written;
}
