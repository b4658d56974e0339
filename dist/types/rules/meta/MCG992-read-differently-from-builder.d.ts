import type { RuleMeta } from '../../core/types.js';
import type { ImageRule } from '../image/types.js';
/**
 * Raised when the image the builder made from the Dockerfile disagrees with our static reading of
 * the stage that was built (config and history; see core/builder-compare.ts), so that a reading
 * difference nobody has thought of yet still fails the run. Fail-closed (core/policy.ts).
 */
export declare const meta: RuleMeta;
export declare const rule: ImageRule;
