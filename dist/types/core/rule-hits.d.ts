import type { Finding, RuleHit, RuleMeta, Severity } from './types.js';
/** Per-rule settings from `.mcg.yml` `rules:`. */
export type RuleSettings = Record<string, 'off' | 'on' | {
    severity?: Severity;
    enabled?: boolean;
}>;
export declare function ruleEnabled(settings: RuleSettings | undefined, id: string): boolean;
export declare function ruleSeverity(settings: RuleSettings | undefined, meta: RuleMeta, hit?: RuleHit): Severity;
/** What a finding carries of its rule hit's key: a digest, so that no instruction text (and no secret in it) reaches any output. */
export declare function fingerprintKeyDigest(key: string): string;
/** Where a hit was found: the file (a hit's own `path` wins), the target, and the settings in force. */
export interface HitSite {
    path: string;
    target: string;
    settings?: RuleSettings;
}
export declare function hitToFinding(meta: RuleMeta, hit: RuleHit, { path, target, settings }: HitSite): Finding;
/** A finding that says a file (or part of it) could not be checked. */
export declare function inputErrorFinding(path: string, line: number, message: string, target: string): Finding;
