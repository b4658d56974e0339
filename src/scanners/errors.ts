/** Scanner failures as findings (MCG990, fail-closed) and redaction of tool output. Pure. */
import type { Finding } from '../core/types.js';
import { meta as scannerError } from '../core/meta-rules/MCG990-scanner-error.js';
import { ruleDocsUrl } from '../core/meta.js';
import { KNOWN_TOKEN_PREFIXES } from '../core/secret-registry.js';
import { stripEscapes } from '../core/controls.js';

const SECRET_ASSIGN = /((?:password|passwd|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|credential|authorization)["']?\s*[:=]\s*["']?)[^\s"',;]+/gi;
/** Long runs of key-like characters: tokens, keys, base64 blobs. Digests lose their tail too. */
const LONG_TOKEN = /[A-Za-z0-9_\-+/]{24,}={0,2}/g;
const KNOWN_PREFIX = new RegExp(`\\b(${KNOWN_TOKEN_PREFIXES})[A-Za-z0-9_-]{8,}`, 'g');
const URL_CREDS = /(\w+:\/\/[^:/\s]+:)[^@\s]+@/g;

/** Removes anything that looks like a secret from tool output before it is shown. */
export function redactSecrets(text: string): string {
  return text
    .replace(URL_CREDS, '$1****@')
    .replace(SECRET_ASSIGN, '$1****')
    .replace(KNOWN_PREFIX, '****')
    .replace(LONG_TOKEN, (m) => `${m.slice(0, 4)}****`);
}

/** The last `maxLines` non-empty lines of tool output, colour residue stripped, redacted and capped. */
export function outputTail(text: string, maxLines = 6, maxChars = 800): string {
  const lines = stripEscapes(text)
    .split(/\r?\n/)
    .map((l) => l.trimEnd())
    .filter((l) => l.trim() !== '');
  let tail = redactSecrets(lines.slice(-maxLines).join('\n'));
  if (tail.length > maxChars) tail = `…${tail.slice(-maxChars)}`;
  return tail;
}

export interface ScannerErrorInput {
  tool: string;
  /** Dockerfile (repo path) and line the error is anchored on (its FROM, or the failing instruction). */
  path: string;
  line: number;
  target: string;
  message: string;
  /** Stable part for the fingerprint (no counts, no times). */
  key: string;
}

export function scannerErrorFinding(i: ScannerErrorInput): Finding {
  return {
    ruleId: scannerError.id,
    source: 'mcg',
    severity: scannerError.severity,
    message: i.message,
    location: { path: i.path, startLine: Math.max(1, i.line) },
    fingerprint: '',
    fingerprintKey: `scanner-error|${i.tool}|${i.key}`,
    target: i.target,
    fix: scannerError.fix,
    helpUri: ruleDocsUrl(scannerError.id),
    error: true,
  };
}

/** A short description of how a process ended, for messages. */
export function exitDescription(r: { exitCode: number; timedOut?: boolean }, timeoutMs?: number): string {
  if (r.timedOut) return `timed out after ${Math.round((timeoutMs ?? 0) / 1000)} s and was stopped`;
  if (r.exitCode === 127) return 'could not be started (exit 127)';
  return `exited with status ${r.exitCode}`;
}
