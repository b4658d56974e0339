/**
 * The image's SBOM from the Trivy run that already scanned it (issue #22): Trivy's JSON report
 * lists every package with its layer (`--list-all-pkgs`); `trivy convert` turns that report into
 * CycloneDX and SPDX without reading the image again (measured: two converts in parallel take
 * about half a second on the examples, a second `trivy image --format cyclonedx` run 1.2–1.5 s).
 * Every CycloneDX component then gets its layer and the Dockerfile line that brought it, the same
 * layer → instruction mapping the vulnerabilities use.
 */
import { basename } from 'node:path';
import type { Exec } from '../core/types.js';
import { safeWriteFile } from '../core/safe-write.js';
import type { ImagePackage, SbomFormat } from '../core/sbom.js';
import { locatePackage } from './lockfiles.js';
import { trivyEnv, type TrivyParseContext } from './trivy.js';
import { exitDescription, outputTail } from './errors.js';

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The key joining a Trivy package with its CycloneDX component: purl and, for language packages, the file. */
function packageKey(purl: string | undefined, name: string, path: string | undefined): string {
  return `${purl ?? name}|${path ?? ''}`;
}

/**
 * The package's version as its package manager writes it: Trivy's JSON splits an OS package's
 * `1:2.38.1-5+deb12u3` into Epoch 1, Version 2.38.1 and Release 5+deb12u3 (its SBOMs and dpkg join them).
 */
export function fullVersion(p: Record<string, unknown>): string | undefined {
  const version = str(p['Version']);
  if (!version) return undefined;
  const epoch = typeof p['Epoch'] === 'number' && p['Epoch'] > 0 ? `${p['Epoch']}:` : '';
  const release = str(p['Release']);
  return `${epoch}${version}${release ? `-${release}` : ''}`;
}

/** Every package of a Trivy JSON report, with its layer, Dockerfile line and declaring manifest. */
export function trivyPackages(doc: unknown, ctx: TrivyParseContext): Array<ImagePackage & { key: string }> {
  const out: Array<ImagePackage & { key: string }> = [];
  const results = isRecord(doc) && Array.isArray(doc['Results']) ? (doc['Results'] as unknown[]) : [];
  for (const res of results) {
    if (!isRecord(res) || !Array.isArray(res['Packages'])) continue;
    const os = res['Class'] === 'os-pkgs';
    const type = str(res['Type']) ?? 'unknown';
    for (const p of res['Packages'] as unknown[]) {
      if (!isRecord(p)) continue;
      const name = str(p['Name']);
      if (!name) continue;
      const purl = isRecord(p['Identifier']) ? str(p['Identifier']['PURL']) : undefined;
      const layer = isRecord(p['Layer']) ? str(p['Layer']['DiffID']) : undefined;
      const site = (layer ? ctx.layers.byDiffId.get(layer) : undefined) ?? ctx.layers.from;
      const path = str(p['FilePath']);
      const manifest = os ? undefined : locatePackage(ctx.lockfiles, type, name);
      out.push({
        key: packageKey(purl, name, path),
        name,
        version: fullVersion(p),
        purl: purl?.startsWith('pkg:') ? purl : undefined,
        type,
        os,
        layer,
        dockerfile: ctx.dockerfile,
        line: site.line,
        instruction: site.keyword,
        base: site.base,
        ...(manifest ? { manifest } : {}),
      });
    }
  }
  return out;
}

/** The image as Trivy named it (the tarball path we gave it) and as the user knows it. */
export interface SbomImage {
  tarName: string;
  name?: string;
}

function isTarName(v: unknown, image: SbomImage): boolean {
  return v === image.tarName || v === basename(image.tarName);
}

const CDX_SCHEMA = 'http://cyclonedx.org/schema/bom-1.6.schema.json';

interface CdxProperty {
  name: string;
  value: string;
}

/** The properties we add to a component: where in the image and in the repository it came from. */
export function mcgProperties(p: ImagePackage): CdxProperty[] {
  const props: CdxProperty[] = [];
  if (p.layer) props.push({ name: 'mcg:layer', value: p.layer });
  props.push({ name: 'mcg:dockerfile', value: p.dockerfile });
  props.push({ name: 'mcg:dockerfile:line', value: String(p.line) });
  props.push({ name: 'mcg:dockerfile:instruction', value: p.instruction });
  props.push({ name: 'mcg:base-image', value: String(p.base) });
  if (p.manifest) props.push({ name: 'mcg:manifest', value: `${p.manifest.path}:${p.manifest.line}` });
  return props;
}

function propertyValue(c: Record<string, unknown>, name: string): string | undefined {
  const props = Array.isArray(c['properties']) ? (c['properties'] as unknown[]) : [];
  for (const p of props) if (isRecord(p) && p['name'] === name) return str(p['value']);
  return undefined;
}

/**
 * Trivy's CycloneDX → ours: CycloneDX 1.6 (the version asked for; Trivy 0.74 writes 1.7 with
 * nothing 1.6 lacks for an image, which the schema test checks), the image named by its reference
 * instead of our temp tarball, no vulnerabilities (the SARIF and mcg.vex.json carry those), and
 * each library component with our properties. Returns the text, or an error message.
 */
export function finishCycloneDx(text: string, packages: ReadonlyArray<ImagePackage & { key: string }>, image: SbomImage): { text?: string; error?: string } {
  let bom: unknown;
  try {
    bom = JSON.parse(text);
  } catch (e) {
    return { error: `trivy convert printed CycloneDX that is not JSON (${e instanceof Error ? e.message : String(e)})` };
  }
  if (!isRecord(bom) || bom['bomFormat'] !== 'CycloneDX' || !Array.isArray(bom['components'])) return { error: 'trivy convert printed JSON that is not a CycloneDX BOM' };
  bom['$schema'] = CDX_SCHEMA;
  bom['specVersion'] = '1.6';
  delete bom['vulnerabilities'];
  const meta = bom['metadata'];
  if (isRecord(meta) && isRecord(meta['component']) && image.name && isTarName(meta['component']['name'], image)) meta['component']['name'] = image.name;
  const byKey = new Map<string, ImagePackage>();
  for (const p of packages) if (!byKey.has(p.key)) byKey.set(p.key, p);
  for (const c of bom['components'] as unknown[]) {
    if (!isRecord(c) || c['type'] !== 'library') continue;
    const purl = str(c['purl']);
    const name = str(c['name']) ?? '';
    const p = byKey.get(packageKey(purl, name, propertyValue(c, 'aquasecurity:trivy:FilePath'))) ?? byKey.get(packageKey(purl, name, undefined));
    if (!p) continue;
    const props = Array.isArray(c['properties']) ? (c['properties'] as CdxProperty[]) : [];
    c['properties'] = [...props.filter((x) => !String(x.name).startsWith('mcg:')), ...mcgProperties(p)];
  }
  return { text: `${JSON.stringify(bom, null, 2)}\n` };
}

/** `<tar> (debian 12.15)`: the name Trivy gives the OS package, after its input. */
function osPackageName(v: unknown, image: SbomImage): { name: string; version?: string } | undefined {
  if (typeof v !== 'string') return undefined;
  const m = / \(([^()]+)\)$/.exec(v);
  if (!m || !isTarName(v.slice(0, m.index), image)) return undefined;
  const os = m[1]!.trim();
  const sp = os.lastIndexOf(' ');
  return sp > 0 ? { name: os.slice(0, sp), version: os.slice(sp + 1) } : { name: os };
}

/**
 * Trivy's SPDX → ours: the document and the image package named by the image reference, not our
 * temp tarball; the OS package named by the OS (`debian`, version `12.15`) instead of
 * `<tarball path> (debian 12.15)`; and `primaryPackagePurpose` in the spelling of the SPDX 2.3
 * JSON schema's enum (`OPERATING_SYSTEM`: Trivy 0.74 writes the tag-value form `OPERATING-SYSTEM`,
 * which the JSON schema refuses).
 */
export function finishSpdx(text: string, image: SbomImage): { text?: string; error?: string } {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    return { error: `trivy convert printed SPDX that is not JSON (${e instanceof Error ? e.message : String(e)})` };
  }
  if (!isRecord(doc) || typeof doc['spdxVersion'] !== 'string' || !Array.isArray(doc['packages'])) return { error: 'trivy convert printed JSON that is not an SPDX document' };
  for (const p of doc['packages'] as unknown[]) {
    if (!isRecord(p)) continue;
    const purpose = str(p['primaryPackagePurpose']);
    if (purpose) p['primaryPackagePurpose'] = purpose.replace(/-/g, '_');
    const os = osPackageName(p['name'], image);
    if (os) {
      p['name'] = os.name;
      if (os.version && p['versionInfo'] === undefined) p['versionInfo'] = os.version;
    }
  }
  if (image.name) {
    if (isTarName(doc['name'], image)) doc['name'] = image.name;
    for (const p of doc['packages'] as unknown[]) if (isRecord(p) && isTarName(p['name'], image)) p['name'] = image.name;
    // the namespace is a URI Trivy makes from the input path: no runner path in the document
    const ns = str(doc['documentNamespace']);
    if (ns?.includes(image.tarName)) doc['documentNamespace'] = ns.replace(image.tarName, encodeURIComponent(image.name));
  }
  return { text: `${JSON.stringify(doc, null, 2)}\n` };
}

const CONVERT_FORMAT: Record<SbomFormat, string> = { cyclonedx: 'cyclonedx', spdx: 'spdx-json' };

export function convertArgs(format: SbomFormat, report: string): string[] {
  return ['convert', '--format', CONVERT_FORMAT[format], '--quiet', report];
}

export interface SbomRunOptions {
  trivy: string;
  /** Directory for the report file (and the converts' working directory: no repository config is read). */
  tmp: string;
  env?: Record<string, string>;
  timeoutMs?: number;
}

export interface SbomRunResult {
  documents: Partial<Record<SbomFormat, string>>;
  packages: ImagePackage[];
  failures: string[];
  durationMs: number;
}

/** Trivy's JSON report (already printed by the vulnerability run) → the wanted documents and the package list. */
export async function runSbom(exec: Exec, o: SbomRunOptions, input: { json: string; formats: readonly SbomFormat[]; image: SbomImage }, ctx: TrivyParseContext): Promise<SbomRunResult> {
  const t0 = Date.now();
  const packages = trivyPackages(JSON.parse(input.json), ctx);
  const out: SbomRunResult = { documents: {}, packages: packages.map(({ key: _key, ...p }) => p), failures: [], durationMs: 0 };
  if (input.formats.length === 0) return out;
  const report = safeWriteFile({ root: o.tmp, what: 'Trivy report copy' }, 'trivy-report.json', input.json);
  await Promise.all(
    input.formats.map(async (format) => {
      const r = await exec(o.trivy, convertArgs(format, report), { cwd: o.tmp, env: trivyEnv(o.env), timeoutMs: o.timeoutMs });
      if (r.timedOut || r.exitCode !== 0) {
        out.failures.push(`trivy convert --format ${CONVERT_FORMAT[format]} ${exitDescription(r, o.timeoutMs)}: ${outputTail(r.stderr) || '(no error output)'}`);
        return;
      }
      const done = format === 'cyclonedx' ? finishCycloneDx(r.stdout, packages, input.image) : finishSpdx(r.stdout, input.image);
      if (done.error) out.failures.push(done.error);
      else out.documents[format] = done.text;
    }),
  );
  out.durationMs = Date.now() - t0;
  return out;
}
