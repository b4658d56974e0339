/** The text of an instruction as fingerprints key it (DESIGN §3). */
import type { Instruction } from './model-types.js';

/**
 * Version-shaped parts of an instruction, masked so that a fingerprint survives a version bump
 * (DESIGN §3): digests, values after a pin operator (`pkg==1.2.3`, `pkg@1.2.3`, `curl=7.88.1-10`,
 * `image:22-slim`, `--chown=1000:1000`) and dotted numbers standing alone (`ENV V 22.1.0`).
 */
function maskVersions(text: string): string {
  return text
    .replace(/sha256:[0-9a-f]{64}/gi, 'sha256:<digest>')
    .replace(/(==|~=|>=|<=|!=|\^|~|[=@:])v?\d[^\s"',;)\]}]*/g, '$1<v>')
    .replace(/\b\d+(?:\.\d+)+\b/g, '<v>');
}

/** Normalised instruction text for fingerprints: keyword + whitespace-folded arguments, versions masked. */
export function normalizedText(ins: Instruction): string {
  return `${ins.keyword} ${maskVersions(ins.args.replace(/\\\r?\n/g, ' ').replace(/\s+/g, ' ').trim())}`;
}
