// Regenerates test/fixtures/github-openapi-subset.json: the operations the action calls, cut from
// GitHub's official REST description (npm @octokit/openapi), with every component they reference.
// The full package is large (~385 MB unpacked), so it is installed into a cache directory here,
// never as a project dependency.
//   node scripts/gen-openapi-subset.mjs [path/to/api.github.com.json]
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const OPENAPI_VERSION = '23.0.2';
export const OPERATIONS = [
  'checks/create',
  'checks/update',
  'checks/list-for-ref',
  'issues/list-comments',
  'issues/create-comment',
  'issues/update-comment',
  'code-scanning/upload-sarif',
  'code-scanning/get-sarif',
  'code-scanning/list-recent-analyses',
  'code-scanning/get-analysis',
  'code-scanning/list-alerts-for-repo',
  'repos/get',
  'pulls/get',
  'pulls/list-files',
  'dependency-graph/create-repository-snapshot',
];
const METHODS = ['get', 'put', 'post', 'patch', 'delete'];

function sourceFile() {
  if (process.argv[2]) return process.argv[2];
  const dir = join(process.env.MCG_TEST_CACHE ?? join(homedir(), '.cache', 'mcp-container-guard-test'), 'openapi');
  const file = join(dir, 'node_modules', '@octokit', 'openapi', 'generated', 'api.github.com.json');
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    if (!existsSync(join(dir, 'package.json'))) writeFileSync(join(dir, 'package.json'), '{"private":true}\n');
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', `@octokit/openapi@${OPENAPI_VERSION}`], { cwd: dir, stdio: 'inherit' });
  }
  return file;
}

/** Drops what validation does not need (examples, prose), keeping the structure intact. */
function strip(node) {
  if (Array.isArray(node)) return node.map(strip);
  if (!node || typeof node !== 'object') return node;
  const out = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === 'examples' || k === 'example' || k === 'x-github' || k === 'externalDocs') continue;
    if (k === 'description' && typeof v === 'string') continue;
    out[k] = strip(v);
  }
  return out;
}

function main() {
  const file = sourceFile();
  const api = JSON.parse(readFileSync(file, 'utf8'));
  const paths = {};
  const found = new Set();
  for (const [p, item] of Object.entries(api.paths)) {
    for (const m of METHODS) {
      const op = item[m];
      if (!op || !OPERATIONS.includes(op.operationId)) continue;
      found.add(op.operationId);
      paths[p] ??= {};
      if (item.parameters) paths[p].parameters = item.parameters;
      paths[p][m] = op;
    }
  }
  const missing = OPERATIONS.filter((o) => !found.has(o));
  if (missing.length) throw new Error(`operations not in the description: ${missing.join(', ')}`);
  // transitive closure over #/components/<kind>/<name>
  const components = {};
  const queue = [paths];
  const seen = new Set();
  while (queue.length) {
    const node = queue.pop();
    if (Array.isArray(node)) queue.push(...node);
    else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if (k === '$ref' && typeof v === 'string' && v.startsWith('#/components/') && !seen.has(v)) {
          seen.add(v);
          const [, , kind, name] = v.split('/');
          if (kind === 'examples') continue;
          const target = api.components[kind]?.[name];
          if (!target) throw new Error(`dangling ${v}`);
          (components[kind] ??= {})[name] = target;
          queue.push(target);
        } else queue.push(v);
      }
    }
  }
  for (const kind of Object.keys(components)) {
    components[kind] = Object.fromEntries(Object.entries(components[kind]).sort(([a], [b]) => a.localeCompare(b)));
  }
  const subset = strip({
    openapi: api.openapi,
    info: { title: api.info.title, version: api.info.version },
    'x-mcg-source': `npm @octokit/openapi@${OPENAPI_VERSION} generated/api.github.com.json; regenerate with node scripts/gen-openapi-subset.mjs`,
    'x-mcg-operations': OPERATIONS,
    paths,
    components,
  });
  const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'test', 'fixtures', 'github-openapi-subset.json');
  writeFileSync(out, `${JSON.stringify(subset, null, 1)}\n`);
  console.log(`wrote ${out}: ${found.size} operations, ${seen.size} components`);
}

main();
