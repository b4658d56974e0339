import type { Finding } from './types.js';
export declare function sha256Hex(s: string): string;
/** The identity of a finding before occurrence numbering. */
export declare function baseFingerprint(f: Pick<Finding, 'ruleId' | 'source' | 'location' | 'fingerprintKey' | 'target'>): string;
/**
 * Fills `fingerprint` for every finding, numbering identical ones (`<hash>` then `<hash>:2` …)
 * in their stable order so that two identical instructions keep distinct identities.
 */
export declare function assignFingerprints(findings: Finding[]): void;
/** SARIF `partialFingerprints` for a finding (GitHub reads `primaryLocationLineHash`). */
export declare function partialFingerprints(f: Finding): Record<string, string>;
/** `<first 16 hex digits>:<occurrence>` of a fingerprint (`<hash>` or `<hash>:<n>`). */
export declare function primaryLocationLineHash(fingerprint: string): string;
