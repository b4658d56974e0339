/**
 * The in-process rule engine: turns files into findings. Pure apart from what the caller
 * passes in; no file system access here (see scan.ts for the part that reads files).
 */
import { isFailClosed } from './policy.js';
import type { Finding, RuleHit, RuleMeta, Severity } from './types.js';
import { parseDockerfile, finalStage, type DockerfileModel } from './dockerfile/model.js';
import type { BuildContextInfo, DockerfileRule, ImageFacts } from '../rules/types.js';
import { ruleDocsUrl } from './meta.js';
import { sha256Hex } from './fingerprint.js';
import { meta as unreadable } from '../rules/meta/MCG991-unreadable-input.js';

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

export function hitToFinding(meta: RuleMeta, hit: RuleHit, path: string, target: string, settings?: RuleSettings): Finding {
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

export interface DockerfileInput {
  path: string;
  text: string;
  /** The file's model when the caller has parsed it already (parsed once per target). */
  model?: DockerfileModel;
  target: string;
  buildTarget?: string;
  context?: BuildContextInfo;
  image?: ImageFacts;
}

export interface DockerfileResult {
  model: DockerfileModel;
  findings: Finding[];
  /** Nothing in the file could be checked. */
  fatal: boolean;
}

export function checkDockerfile(input: DockerfileInput, rules: readonly DockerfileRule[], settings?: RuleSettings): DockerfileResult {
  const model = input.model ?? parseDockerfile(input.path, input.text);
  const findings: Finding[] = [];
  for (const issue of model.issues) findings.push(inputErrorFinding(input.path, issue.line, issue.message, input.target));
  const fatal = model.issues.some((i) => i.fatal);
  if (fatal) return { model, findings, fatal };
  if (input.context && !input.context.exists) {
    findings.push(
      inputErrorFinding(input.path, 1, `build context "${input.context.dir}" does not exist: checks that read the context were skipped`, input.target),
    );
  }
  const ctx = { path: input.path, model, final: finalStage(model, input.buildTarget), context: input.context, image: input.image };
  for (const rule of rules) {
    if (!ruleEnabled(settings, rule.meta.id)) continue;
    for (const hit of rule.check(ctx)) findings.push(hitToFinding(rule.meta, hit, input.path, input.target, settings));
  }
  return { model, findings, fatal };
}
