/**
 * From a rule's hit to a finding: per-rule settings (on/off, severity), the fingerprint key's
 * digest, and the MCG991 finding for input that could not be read. Pure.
 */
import { isFailClosed } from './policy.js';
import type { Finding, RuleHit, RuleMeta, Severity } from './types.js';
import { ruleDocsUrl } from './meta.js';
import { sha256Hex } from './fingerprint.js';
import { meta as unreadable } from './meta-rules/MCG991-unreadable-input.js';

/** Per-rule settings from `.mcg.yml` `rules:`. */
export type RuleSettings = Record<string, 'off' | 'on' | { severity?: Severity; enabled?: boolean }>;

export function ruleEnabled(settings: RuleSettings | undefined, id: string): boolean {
  if (isFailClosed(id)) return true; // "not checked" cannot be turned off
  const s = settings?.[id];
  if (s === undefined || s === 'on') return true;
  if (s === 'off') return false;
  return s.enabled !== false;
}

export function ruleSeverity(settings: RuleSettings | undefined, meta: RuleMeta, hit?: RuleHit): Severity {
  const s = isFailClosed(meta.id) ? undefined : settings?.[meta.id];
  if (typeof s === 'object' && s.severity) return s.severity;
  return hit?.severity ?? meta.severity;
}

/** What a finding carries of its rule hit's key: a digest, so that no instruction text (and no secret in it) reaches any output. */
export function fingerprintKeyDigest(key: string): string {
  return `k:${sha256Hex(key).slice(0, 32)}`;
}

/** Where a hit was found: the file (a hit's own `path` wins), the target, and the settings in force. */
export interface HitSite {
  path: string;
  target: string;
  settings?: RuleSettings;
}

export function hitToFinding(meta: RuleMeta, hit: RuleHit, { path, target, settings }: HitSite): Finding {
  return {
    ruleId: meta.id,
    source: 'mcg',
    severity: ruleSeverity(settings, meta, hit),
    message: hit.message,
    location: {
      path: hit.path ?? path,
      startLine: hit.line,
      endLine: hit.endLine,
      startColumn: hit.startColumn,
      endColumn: hit.endColumn,
      evidence: hit.evidence,
    },
    fingerprint: '',
    // only a digest: the key holds instruction text, which may hold a secret (DESIGN §3)
    fingerprintKey: fingerprintKeyDigest(hit.key),
    target,
    fix: meta.fix,
    helpUri: ruleDocsUrl(meta.id),
  };
}

/** A finding that says a file (or part of it) could not be checked. */
export function inputErrorFinding(path: string, line: number, message: string, target: string): Finding {
  return {
    ruleId: unreadable.id,
    source: 'mcg',
    severity: unreadable.severity,
    message: `${path}:${line}: ${message}`,
    location: { path, startLine: Math.max(1, line) },
    fingerprint: '',
    fingerprintKey: `input-error|${message.replace(/\d+/g, 'N')}`,
    target,
    fix: unreadable.fix,
    helpUri: ruleDocsUrl(unreadable.id),
  };
}
