/**
 * TruffleHog adapter: buildArgs() and parse() are pure, run() = exec + parse (DESIGN §7).
 * `trufflehog docker --image file://<tar>` for the image, `trufflehog filesystem <context>` for the
 * build context, line-delimited JSON on stdout.
 *
 * The raw secret never leaves this file: findings carry the detector, where it was found, a hash
 * prefix of the secret for the fingerprint and at most its first four characters.
 */
import { createHash } from 'node:crypto';
import type { Exec, Finding } from '../core/types.js';
import type { LayerMap, LayerSite } from '../core/image/layer-map.js';
import { exitDescription, outputTail } from './errors.js';
import { fingerprintKeyDigest } from '../core/rule-hits.js';
import type { ScannerRun } from './trivy.js';

export interface TruffleHogArgsOptions {
  /** Ask the services whether the secrets are live (never for fork pull requests). */
  verify: boolean;
}

function common(o: TruffleHogArgsOptions): string[] {
  return ['--json', '--no-update', ...(o.verify ? [] : ['--no-verification'])];
}

/** `excludePaths`: globs of paths inside the image left out of the scan (comma-joined, as TruffleHog's docker source takes them). */
export function imageArgs(tar: string, o: TruffleHogArgsOptions & { excludePaths?: readonly string[] }): string[] {
  const ex = o.excludePaths && o.excludePaths.length > 0 ? ['--exclude-paths', o.excludePaths.join(',')] : [];
  return ['docker', '--image', `file://${tar}`, ...common(o), ...ex];
}

/**
 * Package-manager-owned trees of the image, as globs for `--exclude-paths`. Used only without
 * verification: every hit there would be unverified and dropped as noise (PACKAGE_OWNED below), so
 * not reading them loses nothing and saves most of TruffleHog's time (25 s → 6 s on the flawed
 * example). With verification on, they are scanned so that a live credential is never missed.
 */
export const IMAGE_NOISE_GLOBS = [
  '/var/lib/apt/**', '/var/lib/dpkg/**', '/var/lib/rpm/**', '/var/lib/apk/**', '/var/cache/**', '/usr/share/**', '/usr/lib/**',
  '/usr/lib64/**', '/lib/**', '/lib64/**', '/usr/local/lib/python*/**', '/usr/bin/**', '/usr/sbin/**', '/usr/include/**',
  '/etc/ssl/**', '**/node_modules/**', '**/site-packages/**', '**/dist-packages/**',
];

/** `excludeFile`: a file of newline-separated path regexes (TruffleHog's `--exclude-paths`). */
export function filesystemArgs(dir: string, o: TruffleHogArgsOptions & { excludeFile?: string }): string[] {
  return ['filesystem', dir, ...common(o), ...(o.excludeFile ? ['--exclude-paths', o.excludeFile] : [])];
}

/**
 * Dependency and VCS directories left out of the build-context scan: installed packages are not
 * the project's secrets (and are scanned in the image), `.git` history is a repository scan's job.
 */
export const CONTEXT_EXCLUDES = ['(^|/)node_modules/', '(^|/)\\.git/', '(^|/)\\.venv/', '(^|/)venv/', '(^|/)__pycache__/', '(^|/)\\.tox/', '(^|/)\\.mypy_cache/'];

export interface TruffleHogResult {
  detector: string;
  description?: string;
  verified: boolean;
  raw: string;
  docker?: { file?: string; layer?: string };
  filesystem?: { file?: string; line?: number };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Line-delimited JSON → results; non-JSON lines (banners, logs) are skipped and counted. */
export function parseLines(stdout: string): { results: TruffleHogResult[]; skipped: number } {
  const results: TruffleHogResult[] = [];
  let skipped = 0;
  // walks the lines without splitting: a flood of output (capped at the Exec's limit) must not
  // turn into hundreds of millions of strings at once
  for (let start = 0; start < stdout.length; ) {
    let end = stdout.indexOf('\n', start);
    if (end < 0) end = stdout.length;
    const t = stdout.slice(start, end).trim();
    start = end + 1;
    if (t === '') continue;
    let v: unknown;
    try {
      v = t.startsWith('{') ? JSON.parse(t) : undefined;
    } catch {
      v = undefined;
    }
    if (!isRecord(v) || typeof v['DetectorName'] !== 'string') {
      skipped++;
      continue;
    }
    const data = isRecord(v['SourceMetadata']) && isRecord(v['SourceMetadata']['Data']) ? v['SourceMetadata']['Data'] : {};
    const d = isRecord(data['Docker']) ? data['Docker'] : undefined;
    const fs = isRecord(data['Filesystem']) ? data['Filesystem'] : undefined;
    const raw = typeof v['Raw'] === 'string' && v['Raw'] !== '' ? v['Raw'] : typeof v['RawV2'] === 'string' ? v['RawV2'] : '';
    results.push({
      detector: v['DetectorName'],
      description: typeof v['DetectorDescription'] === 'string' ? v['DetectorDescription'] : undefined,
      verified: v['Verified'] === true,
      raw,
      docker: d ? { file: typeof d['file'] === 'string' ? d['file'] : undefined, layer: typeof d['layer'] === 'string' ? d['layer'] : undefined } : undefined,
      filesystem: fs ? { file: typeof fs['file'] === 'string' ? fs['file'] : undefined, line: typeof fs['line'] === 'number' ? fs['line'] : undefined } : undefined,
    });
  }
  return { results, skipped };
}

/** First 16 hex of sha256(raw): identifies the secret in fingerprints without revealing it. */
export function secretHash(raw: string): string {
  return createHash('sha256').update(raw).digest('hex').slice(0, 16);
}

/** At most the first 4 characters followed by ****, and nothing for short secrets. */
export function redactedHint(raw: string): string {
  return raw.length >= 16 ? `${raw.slice(0, 4)}****` : '';
}

/**
 * Trees that package managers own: unverified hits there are generic-detector noise (hex strings in
 * dpkg md5sums, apt lists, example URLs in library sources), never a credential the image's authors put there.
 */
const PACKAGE_OWNED = [
  /^\/var\/lib\/(apt|dpkg|rpm|apk)\//,
  /^\/var\/cache\//,
  /^\/usr\/share\//,
  /^\/usr\/lib\//,
  /^\/usr\/lib64\//,
  /^\/lib(64)?\//,
  /^\/usr\/local\/lib\/(python|node)/,
  /\/(site|dist)-packages\//,
  /\/node_modules\//,
  /^\/usr\/(local\/)?(s?bin|include)\//,
  /^\/etc\/ssl\//,
  /^\/root\/\.cache\//,
];

export interface ImageContext {
  /** Repository path of the Dockerfile. */
  dockerfile: string;
  target: string;
  layers: LayerMap;
  /** Index (manifest order) of the newest layer whose tar holds the path. */
  layerOfPath(path: string): number | undefined;
}

export interface ParsedFindings {
  findings: Finding[];
  /** Unverified hits left out as package-manager noise. */
  dropped: number;
}

/** The finding of one TruffleHog result, at `location`; `where` keys its fingerprint, `whereText` tells the user. */
function secretFinding(r: TruffleHogResult, target: string, at: { location: Finding['location']; where: string; whereText: string }): Finding {
  const { location, where, whereText } = at;
  const hint = redactedHint(r.raw);
  return {
    ruleId: `trufflehog/${r.detector}`,
    source: 'trufflehog',
    severity: r.verified ? 'critical' : 'high',
    message: `${r.verified ? 'Verified live' : 'Possible'} ${r.detector} secret ${whereText}${hint ? ` (starts ${hint})` : ''}.${r.verified ? ' It works: revoke it now.' : ''}`,
    location,
    fingerprint: '',
    fingerprintKey: `${r.detector}|${secretHash(r.raw)}|${where}`,
    target,
    fix: 'Revoke and rotate the credential, remove it from the files and the image (it stays in every layer that ever held it, so rebuild from a clean context), and pass secrets at run time instead (environment from a secret store, `RUN --mount=type=secret` at build time).',
    rule: {
      title: `${r.detector} secret`,
      description: r.description,
      tags: ['security', 'secret'],
    },
  };
}

export interface ParseCounts {
  /** Results read. */
  parsed: number;
  /** stdout lines that were not a result. */
  skipped: number;
  /** The raw secret values TruffleHog reported: for masking in the runtime's log only, never for output. */
  raws: string[];
}

function rawsOf(results: readonly TruffleHogResult[]): string[] {
  return [...new Set(results.map((r) => r.raw).filter((v) => v !== ''))];
}

/** Image results → findings on the instruction of the layer (or history entry) that holds them. */
export function parseImage(stdout: string, ctx: ImageContext): ParsedFindings & ParseCounts {
  const { results, skipped } = parseLines(stdout);
  const findings: Finding[] = [];
  const seen = new Set<string>();
  let dropped = 0;
  for (const r of results) {
    const file = r.docker?.file ?? '';
    const hist = /^image-metadata:history:(\d+):created-by$/.exec(file);
    let site: LayerSite;
    let where: string;
    let whereText: string;
    if (hist) {
      site = ctx.layers.history[Number(hist[1])] ?? ctx.layers.from;
      // the instruction text can hold the very secret (ENV X=…): only its digest goes into the key
      where = `history|${fingerprintKeyDigest(site.key)}`;
      whereText = site.base ? 'in the base image build history' : `in the image history written by ${site.keyword} (build arguments and ENV values are stored in the image)`;
    } else {
      const path = file.startsWith('/') ? file : `/${file}`;
      const idx = ctx.layerOfPath(path);
      site = idx !== undefined ? (ctx.layers.layers[idx]?.site ?? ctx.layers.from) : ctx.layers.from;
      if (!r.verified && (site.base || PACKAGE_OWNED.some((re) => re.test(path)))) {
        dropped++;
        continue;
      }
      where = `image|${path}`;
      whereText = `in ${path} inside the image (${site.base ? 'from the base image' : `layer of ${site.keyword} on line ${site.line}`})`;
    }
    if (!r.verified && site.base) {
      dropped++;
      continue;
    }
    const f = secretFinding(r, ctx.target, { location: { path: ctx.dockerfile, startLine: site.line, endLine: site.endLine, evidence: hist ? `image history entry ${hist[1]}` : file }, where, whereText });
    if (seen.has(f.fingerprintKey)) continue;
    seen.add(f.fingerprintKey);
    findings.push(f);
  }
  return { findings, dropped, parsed: results.length, skipped, raws: rawsOf(results) };
}

export interface FilesystemContext {
  /** Absolute directory that was scanned. */
  scannedDir: string;
  /** Its repository-relative path ('.' for the root). */
  repoDir: string;
  target: string;
}

/** Context results → findings on the file and line. */
export function parseFilesystem(stdout: string, ctx: FilesystemContext): ParsedFindings & ParseCounts {
  const { results, skipped } = parseLines(stdout);
  const findings: Finding[] = [];
  const seen = new Set<string>();
  const base = ctx.scannedDir.replace(/\/+$/, '');
  for (const r of results) {
    let file = r.filesystem?.file ?? '';
    if (file.startsWith(`${base}/`)) file = file.slice(base.length + 1);
    else if (file.startsWith('/')) continue; // outside the scanned directory (a followed symlink)
    const rel = ctx.repoDir === '.' || ctx.repoDir === '' ? file : `${ctx.repoDir.replace(/\/+$/, '')}/${file}`;
    const line = Math.max(1, r.filesystem?.line ?? 1);
    const f = secretFinding(r, ctx.target, { location: { path: rel, startLine: line }, where: `context|${rel}`, whereText: `in ${rel} (build context)` });
    if (seen.has(f.fingerprintKey)) continue;
    seen.add(f.fingerprintKey);
    findings.push(f);
  }
  return { findings, dropped: 0, parsed: results.length, skipped, raws: rawsOf(results) };
}

export interface TruffleHogRunOptions extends TruffleHogArgsOptions {
  trufflehog: string;
  excludeFile?: string;
  excludePaths?: readonly string[];
  timeoutMs?: number;
  env?: Record<string, string>;
  /** Called with each raw secret value found (the action masks them in the log); the value goes nowhere else. */
  onSecret?: (raw: string) => void;
}

/** Why a TruffleHog run failed (`counts`: the results read and the stdout lines that were not one), undefined when it did not. */
function failureOf(tool: string, r: { exitCode: number; timedOut?: boolean; stderr: string }, counts: { parsed: number; skipped: number }, timeoutMs?: number): string | undefined {
  const { parsed, skipped } = counts;
  if (r.timedOut) return `${tool} ${exitDescription(r, timeoutMs)}: ${outputTail(r.stderr) || '(no error output)'}`;
  // exit 183 = results found with --fail; any other non-zero exit is a failure
  if (r.exitCode !== 0 && r.exitCode !== 183) {
    return `${tool} ${exitDescription(r, timeoutMs)}${parsed === 0 ? ' and printed no results' : ''}: ${outputTail(r.stderr) || '(no error output)'}`;
  }
  // with --json every stdout line is a result object (logs go to stderr): lines that are not, and no
  // result at all, mean the program is not the TruffleHog it claims to be or broke mid-way
  if (parsed === 0 && skipped > 0) {
    return `${tool} printed output that is not JSON lines (${skipped} unreadable line(s), no result): ${outputTail(r.stderr) || '(no error output)'}`;
  }
  return undefined;
}

/** `ctx` may still be in the making (the image tarball is read while TruffleHog runs): it is awaited after the process ends. */
export async function runImage(exec: Exec, tar: string, o: TruffleHogRunOptions, ctx: ImageContext | Promise<ImageContext>): Promise<ScannerRun & { dropped: number }> {
  const t0 = Date.now();
  const r = await exec(o.trufflehog, imageArgs(tar, o), { timeoutMs: o.timeoutMs, env: o.env });
  const p = parseImage(r.stdout, await ctx);
  for (const raw of p.raws) o.onSecret?.(raw);
  return { findings: p.findings, dropped: p.dropped, failure: failureOf('TruffleHog (image)', r, p, o.timeoutMs), durationMs: Date.now() - t0 };
}

export async function runFilesystem(exec: Exec, o: TruffleHogRunOptions, ctx: FilesystemContext): Promise<ScannerRun> {
  const t0 = Date.now();
  const r = await exec(o.trufflehog, filesystemArgs(ctx.scannedDir, o), { timeoutMs: o.timeoutMs, env: o.env });
  const p = parseFilesystem(r.stdout, ctx);
  for (const raw of p.raws) o.onSecret?.(raw);
  return { findings: p.findings, failure: failureOf('TruffleHog (build context)', r, p, o.timeoutMs), durationMs: Date.now() - t0 };
}
