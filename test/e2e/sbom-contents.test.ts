/**
 * What the image's SBOM says, checked against the image itself (issue #22). For each example, the
 * image is built on the rig's engine and scanned by the CLI bundle (`mcg scan --image … --sbom F
 * --sbom-format both`) with the rig's real Trivy; then
 * - the CycloneDX document validates against the official CycloneDX 1.6 JSON schema, as shipped in
 *   the npm package @cyclonedx/cyclonedx-library (res/schema/bom-1.6.SNAPSHOT.schema.json with its
 *   spdx and jsf schemas), with ajv;
 * - the SPDX document is parsed and validated against the SPDX 2.3 specification by the SPDX
 *   project's own library spdx-tools (PyPI, installed by scripts/rig/spdx-tools.sh; no npm package
 *   ships the official SPDX 2.3 JSON schema), and every primaryPackagePurpose is a value of that
 *   schema's enum (spdx/spdx-spec schemas/spdx-schema.json at v2.3), the OS being OPERATING_SYSTEM;
 * - both list exactly the Debian packages `dpkg-query` reports installed in the image, with
 *   dpkg's own version strings (epoch included), and exactly the language packages pip or npm
 *   report installed (those a Debian package installed are Debian's, and dpkg owns their files);
 * - every package carries its layer and the Dockerfile line that brought it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { privateTrivyCache, repoRoot } from '../support/scan-rig.js';
import { rigCacheDir, rigEnv, rigValue } from '../support/rig.js';
import { runCli } from '../support/cli-run.js';

const CDX_SCHEMAS = join(repoRoot, 'node_modules', '@cyclonedx', 'cyclonedx-library', 'res', 'schema');
/** primaryPackagePurpose's enum in the SPDX 2.3 JSON schema (spdx/spdx-spec, schemas/spdx-schema.json, tag v2.3). */
const SPDX_23_PURPOSES = ['OTHER', 'INSTALL', 'ARCHIVE', 'FIRMWARE', 'APPLICATION', 'FRAMEWORK', 'LIBRARY', 'CONTAINER', 'SOURCE', 'DEVICE', 'OPERATING_SYSTEM', 'FILE'];

const base = mkdtempSync(join(tmpdir(), 'mcg-sbom-contents-'));
let env: Record<string, string>;

function spdxPython(): string {
  let py: string;
  try {
    py = rigValue('MCG_SPDX_TOOLS_PYTHON');
  } catch {
    py = join(rigCacheDir(), 'spdx-tools', 'bin', 'python');
  }
  if (!existsSync(py)) throw new Error(`spdx-tools is not installed (${py}): run \`bash scripts/rig/setup.sh\` (or scripts/rig/spdx-tools.sh)`);
  return py;
}

/** Messages of spdx-tools' validation ([] = valid). */
function spdxMessages(file: string): string[] {
  const r = spawnSync(spdxPython(), [join(repoRoot, 'test', 'support', 'spdx-validate.py'), file], { encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0 && r.status !== 2) throw new Error(`spdx-validate.py exited ${r.status}: ${r.stderr}`);
  return JSON.parse(r.stdout) as string[];
}

function cdxValidator(): (doc: unknown) => string[] {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats.default(ajv);
  // draft 2019 formats the 1.6 schema names; ajv-formats has no checker for them
  ajv.addFormat('iri-reference', true);
  ajv.addFormat('idn-email', true);
  ajv.addSchema(JSON.parse(readFileSync(join(CDX_SCHEMAS, 'spdx.SNAPSHOT.schema.json'), 'utf8')), 'http://cyclonedx.org/schema/spdx.SNAPSHOT.schema.json');
  ajv.addSchema(JSON.parse(readFileSync(join(CDX_SCHEMAS, 'jsf-0.82.SNAPSHOT.schema.json'), 'utf8')), 'http://cyclonedx.org/schema/jsf-0.82.SNAPSHOT.schema.json');
  const validate = ajv.compile(JSON.parse(readFileSync(join(CDX_SCHEMAS, 'bom-1.6.SNAPSHOT.schema.json'), 'utf8')));
  return (doc) => (validate(doc) ? [] : (validate.errors ?? []).slice(0, 10).map((e) => `${e.instancePath} ${e.message ?? ''}`));
}

function docker(args: string[], timeout = 600_000): string {
  return execFileSync('docker', args, { env, encoding: 'utf8', timeout, maxBuffer: 64 * 1024 * 1024 });
}

/** `name version` of every package dpkg says is installed (status ii). */
function dpkgPackages(tag: string): Set<string> {
  const out = docker(['run', '--rm', '--user', '0', '--network', 'none', '--entrypoint', 'dpkg-query', tag, '-W', '-f', '${db:Status-Abbrev}|${Package}|${Version}\\n']);
  const set = new Set<string>();
  for (const line of out.split('\n')) {
    const [status, name, version] = line.split('|');
    if (status?.startsWith('ii') && name && version) set.add(`${name} ${version}`);
  }
  return set;
}

const pyName = (n: string): string => n.toLowerCase().replace(/[-_.]+/g, '-');

interface Component {
  type: string;
  name: string;
  version?: string;
  purl?: string;
  properties?: { name: string; value: string }[];
}

interface Example {
  dir: string;
  tag: string;
  out: string;
  cdx: { components: Component[] };
  spdxFile: string;
  spdx: { name: string; packages: { name: string; versionInfo?: string; primaryPackagePurpose?: string; externalRefs?: { referenceType: string; referenceLocator: string }[] }[] };
  dockerfile: string[];
}

const examples = new Map<string, Example>();

async function prepare(name: string): Promise<void> {
  const ws = join(base, name);
  cpSync(join(repoRoot, 'examples', name), ws, { recursive: true });
  const tag = `mcg-e2e/sbom-contents-${name}:${process.pid}`;
  const b = spawnSync('docker', ['build', '-q', '-t', tag, ws], { env, encoding: 'utf8', timeout: 600_000 });
  expect(b.status, b.stderr).toBe(0);
  const out = join(base, `${name}-out`);
  const cli = await runCli(
    ['scan', ws, '--image', tag, '--scanners', 'trivy', '--offline', '--fail-on', 'never', '--sbom', join(out, 'sbom.cdx.json'), '--sbom-format', 'both', '--format', 'json', '--output', join(out, 'report.json')],
    { cwd: ws, env: { ...env, MCG_TRIVY_CACHE_DIR: privateTrivyCache() }, timeoutMs: 600_000 },
  );
  expect(cli.code, `${cli.stdout.slice(-3000)}\n${cli.stderr.slice(-3000)}`).toBe(0);
  // the CLI names the files it wrote
  expect(cli.stderr).toContain(join(out, 'sbom.cdx.json'));
  const spdxFile = join(out, 'sbom.spdx.json');
  examples.set(name, {
    dir: ws,
    tag,
    out,
    cdx: JSON.parse(readFileSync(join(out, 'sbom.cdx.json'), 'utf8')) as Example['cdx'],
    spdxFile,
    spdx: JSON.parse(readFileSync(spdxFile, 'utf8')) as Example['spdx'],
    dockerfile: readFileSync(join(ws, 'Dockerfile'), 'utf8').split('\n'),
  });
}

beforeAll(async () => {
  env = rigEnv();
  for (const k of ['MCG_TRIVY', 'MCG_TRIVY_CACHE_DIR', 'DOCKER_HOST']) rigValue(k);
  spdxPython();
  await prepare('python-mcp-server');
  await prepare('node-mcp-server');
}, 30 * 60_000);

afterAll(() => {
  for (const e of examples.values()) spawnSync('docker', ['rmi', '-f', e.tag], { env });
});

const prop = (c: Component, n: string): string | undefined => c.properties?.find((p) => p.name === n)?.value;
const ofType = (cs: readonly Component[], t: string): Component[] => cs.filter((c) => c.purl?.startsWith(`pkg:${t}/`));
const spdxPurl = (p: Example['spdx']['packages'][number]): string | undefined => p.externalRefs?.find((r) => r.referenceType === 'purl')?.referenceLocator;

describe.each(['python-mcp-server', 'node-mcp-server'])('the SBOM of %s', (name) => {
  const ex = (): Example => examples.get(name)!;

  it('CycloneDX validates against the CycloneDX 1.6 JSON schema; a broken copy does not', () => {
    const validate = cdxValidator();
    expect(validate(ex().cdx)).toEqual([]);
    expect(validate({ ...ex().cdx, components: [{ type: 'no-such-type', name: 'x' }] }).length).toBeGreaterThan(0);
  });

  it('SPDX validates with spdx-tools against SPDX 2.3; a broken copy does not; OPERATING_SYSTEM as the schema spells it', () => {
    expect(spdxMessages(ex().spdxFile)).toEqual([]);
    const broken = join(ex().out, 'broken.spdx.json');
    const doc = JSON.parse(readFileSync(ex().spdxFile, 'utf8')) as { relationships: unknown[] };
    writeFileSync(broken, JSON.stringify({ ...doc, relationships: [...doc.relationships, { spdxElementId: 'SPDXRef-DOCUMENT', relatedSpdxElement: 'SPDXRef-Nowhere', relationshipType: 'DESCRIBES' }] }));
    expect(spdxMessages(broken).length).toBeGreaterThan(0);
    const purposes = ex().spdx.packages.map((p) => p.primaryPackagePurpose).filter((p): p is string => p !== undefined);
    expect(purposes.filter((p) => !SPDX_23_PURPOSES.includes(p))).toEqual([]);
    const os = ex().spdx.packages.filter((p) => p.primaryPackagePurpose === 'OPERATING_SYSTEM');
    expect(os.map((p) => p.name)).toEqual(['debian']);
    expect(os[0]!.versionInfo).toMatch(/^12\./);
    // no runner path: the documents name the image
    expect(JSON.stringify(ex().spdx)).not.toContain(tmpdir());
    expect(JSON.stringify(ex().cdx)).not.toContain(tmpdir());
  });

  it('lists exactly the Debian packages dpkg-query reports installed, with dpkg\'s versions, in both formats', () => {
    const dpkg = dpkgPackages(ex().tag);
    expect(dpkg.size).toBeGreaterThan(50);
    const cdx = new Set(ofType(ex().cdx.components, 'deb').map((c) => `${c.name} ${c.version}`));
    expect([...cdx].filter((x) => !dpkg.has(x))).toEqual([]);
    expect([...dpkg].filter((x) => !cdx.has(x))).toEqual([]);
    const spdx = new Set(ex().spdx.packages.filter((p) => spdxPurl(p)?.startsWith('pkg:deb/')).map((p) => `${p.name} ${p.versionInfo}`));
    expect([...spdx].sort()).toEqual([...dpkg].sort());
  });

  it('every package carries its layer and the Dockerfile line that brought it', () => {
    const libs = ex().cdx.components.filter((c) => c.type === 'library');
    expect(libs.length).toBeGreaterThan(50);
    for (const c of libs) {
      expect(prop(c, 'mcg:layer'), c.name).toMatch(/^sha256:[0-9a-f]{64}$/);
      const line = Number(prop(c, 'mcg:dockerfile:line'));
      const instruction = prop(c, 'mcg:dockerfile:instruction')!;
      expect(ex().dockerfile[line - 1]?.trimStart().toUpperCase().startsWith(instruction), `${c.name}: line ${line} is "${ex().dockerfile[line - 1]}", not ${instruction}`).toBe(true);
      expect(prop(c, 'mcg:dockerfile')).toBe('Dockerfile');
    }
  });
});

describe('language packages, against the package managers inside the image', () => {
  it('python: the pip-installed distributions are the pypi packages; the others are Debian\'s (dpkg owns their files)', () => {
    const ex = examples.get('python-mcp-server')!;
    const pip = JSON.parse(docker(['run', '--rm', '--network', 'none', '--entrypoint', 'python3', ex.tag, '-m', 'pip', 'list', '-v', '--format', 'json', '--disable-pip-version-check'])) as { name: string; version: string; location: string; installer: string }[];
    const byPip = new Set(pip.filter((p) => p.installer === 'pip').map((p) => `${pyName(p.name)} ${p.version}`));
    const inSbom = new Set(ofType(ex.cdx.components, 'pypi').map((c) => `${pyName(c.name)} ${c.version}`));
    expect(byPip.size).toBeGreaterThan(5);
    expect([...inSbom].sort()).toEqual([...byPip].sort());
    const others = pip.filter((p) => p.installer !== 'pip');
    if (others.length > 0) {
      const owners = docker(['run', '--rm', '--network', 'none', '--entrypoint', 'dpkg-query', ex.tag, '-S', ...others.map((p) => `${p.location}/${p.name.replace(/-/g, '_')}`)]);
      const debs = new Set(ofType(ex.cdx.components, 'deb').map((c) => c.name));
      for (const line of owners.trim().split('\n')) expect(debs.has(line.split(':')[0]!), line).toBe(true);
    }
    // requirements.txt's own packages name it as their manifest, on their line
    const req = readFileSync(join(ex.dir, 'requirements.txt'), 'utf8').split('\n');
    const declared = ofType(ex.cdx.components, 'pypi').filter((c) => prop(c, 'mcg:manifest'));
    expect(declared.length).toBeGreaterThan(0);
    for (const c of declared) {
      const [file, line] = prop(c, 'mcg:manifest')!.split(':');
      expect(file).toBe('requirements.txt');
      expect(pyName(req[Number(line) - 1] ?? '')).toContain(pyName(c.name));
    }
  });

  it('node: the npm packages are what npm query reports in /app and globally (a package.json outside an install directory excepted)', () => {
    const ex = examples.get('node-mcp-server')!;
    type Queried = { name?: string; version?: string };
    const query = (args: string[]): Queried[] => JSON.parse(docker(['run', '--rm', '--network', 'none', '--user', '0', ...args])) as Queried[];
    // npm query reads each installed package's own package.json: real names, also behind npm: aliases
    const installed = [...query(['--workdir', '/app', '--entrypoint', 'npm', ex.tag, 'query', '*']), ...query(['--entrypoint', 'npm', ex.tag, 'query', '*', '-g'])];
    const npm = new Set(installed.filter((p) => p.name && p.version).map((p) => `${p.name} ${p.version}`));
    expect(npm.size).toBeGreaterThan(50);
    const sbom = new Map(ofType(ex.cdx.components, 'npm').map((c) => [`${decodeURIComponent(c.purl!.replace(/^pkg:npm\//, '').replace(/@[^@]*$/, ''))} ${c.version}`, c]));
    expect([...npm].filter((x) => !sbom.has(x)).sort()).toEqual([]);
    // Trivy also lists a package.json that no package manager installed (a fixture inside a
    // package, e.g. fast-uri's benchmark/): explained only when its file is not node_modules/<name>/package.json
    const extra = [...sbom.entries()].filter(([k]) => !npm.has(k)).map(([k, c]) => `${k} ${prop(c, 'aquasecurity:trivy:FilePath') ?? ''}`);
    expect(extra.filter((e) => /node_modules\/(@[^/]+\/)?[^/]+\/package\.json$/.test(e))).toEqual([]);

  });
});
