/**
 * The image's SBOM (issue #22): what the image pipeline hands out beside the findings, and where
 * the files go. Pure: the pipeline makes the documents, the action and the CLI write them through
 * the one safe writer.
 */

export type SbomFormat = 'cyclonedx' | 'spdx';

/** The `sbom-format` input / `--sbom-format` option. */
export type SbomFormatChoice = SbomFormat | 'both' | 'none';

export const SBOM_FORMAT_CHOICES: readonly SbomFormatChoice[] = ['cyclonedx', 'spdx', 'both', 'none'];

export function sbomFormats(choice: SbomFormatChoice): SbomFormat[] {
  if (choice === 'both') return ['cyclonedx', 'spdx'];
  if (choice === 'none') return [];
  return [choice];
}

/** One package found in the image, with where it came from. */
export interface ImagePackage {
  name: string;
  version?: string;
  purl?: string;
  /** Trivy's package type (`debian`, `python-pkg`, `node-pkg` …). */
  type: string;
  /** True for the image's OS packages. */
  os: boolean;
  /** The layer (diff id) that brought it. */
  layer?: string;
  /** Repository path of the Dockerfile and the line of the instruction whose layer brought it. */
  dockerfile: string;
  line: number;
  /** The instruction keyword (`RUN`, `COPY` …), `FROM` for the base image. */
  instruction: string;
  /** True when the package came with the base image. */
  base: boolean;
  /** The build-context manifest or lockfile that declares it, when one does. */
  manifest?: { path: string; line: number };
}

/** The SBOM of one target's image. */
export interface ImageSbom {
  target: string;
  dockerfile: string;
  /** The image reference (tag we built, `--image`, or the tarball's name). */
  image?: string;
  /** The documents, by format (JSON text). */
  documents: Partial<Record<SbomFormat, string>>;
  packages: ImagePackage[];
}

/** What the scan asks of the image pipeline: the formats, and where each target's SBOM goes. */
export interface SbomRequest {
  formats: SbomFormat[];
  /** Receives each target's SBOM (also when no document format is wanted, for the dependency snapshot). */
  onSbom(sbom: ImageSbom): void;
}

export const SBOM_EXTENSION: Record<SbomFormat, string> = { cyclonedx: '.cdx.json', spdx: '.spdx.json' };

/** A file-name-safe form of a target name. */
export function targetSlug(target: string): string {
  const s = target
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 100);
  return s === '' ? 'image' : s;
}

/**
 * Where an SBOM file goes: `<base><ext>` (`mcg.cdx.json`), or `<base>.<target><ext>` when the run
 * has several targets. `base` may carry its own extension (`--sbom sbom.json`): a `.json`,
 * `.cdx.json` or `.spdx.json` ending is replaced by the format's.
 */
export function sbomFileName(base: string, format: SbomFormat, target?: string): string {
  const stem = base.replace(/(\.cdx|\.spdx)?\.json$/i, '');
  return `${stem}${target !== undefined ? `.${targetSlug(target)}` : ''}${SBOM_EXTENSION[format]}`;
}
