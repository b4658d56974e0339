/**
 * Docker MCP catalog entries (`servers/<name>/server.yaml` of docker/mcp-registry): the image, and
 * what the gateway passes to the container (`run.volumes`, `run.user`, `run.env`, `config.env`;
 * for `type: poci` each tool's `container`). Each becomes a Launch whose Docker flags are the
 * ones the gateway derives from those keys. Pure.
 */
import type { Word } from '../docker-run/argv.js';
import type { DockerFlag, DockerRun } from '../docker-run/argv.js';
import { emptyModel, type KV, type Launch, type McpModel } from './model.js';
import { field, itemsOf, strOf, type MNode } from './tree.js';
import { appendAll } from '../arrays.js';

function flagsOf(run: MNode | undefined): DockerFlag[] {
  const flags: DockerFlag[] = [];
  for (const v of itemsOf(field(run, 'volumes')?.value)) {
    const s = strOf(v);
    if (s !== undefined) flags.push({ name: 'volume', value: s, line: v.line, spelled: 'volumes' });
  }
  const user = field(run, 'user');
  if (user && strOf(user.value) !== undefined) flags.push({ name: 'user', value: strOf(user.value)!, line: user.keyLine, spelled: 'user' });
  const priv = field(run, 'privileged');
  if (priv && strOf(priv.value) === 'true') flags.push({ name: 'privileged', value: 'true', line: priv.keyLine, spelled: 'privileged' });
  const net = field(run, 'network') ?? field(run, 'networkMode');
  if (net && strOf(net.value) !== undefined) flags.push({ name: 'network', value: strOf(net.value)!, line: net.keyLine, spelled: net.key });
  if (strOf(field(run, 'disableNetwork')?.value) === 'true') flags.push({ name: 'network', value: 'none', line: field(run, 'disableNetwork')!.keyLine, spelled: 'disableNetwork' });
  return flags;
}

function envOf(n: MNode | undefined, via: string): KV[] {
  return itemsOf(field(n, 'env')?.value).flatMap((e) => {
    const name = strOf(field(e, 'name')?.value);
    return name === undefined ? [] : [{ name, value: strOf(field(e, 'value')?.value), line: e.line, via }];
  });
}

/** One launch of the catalog entry: the server itself, or a tool's own container. */
function launch(o: { name: string; key: string; image: Word | undefined; run: MNode | undefined; line: number }): Launch {
  const { name, key, image, run, line } = o;
  const docker: DockerRun = { flags: flagsOf(run), image, args: [], errors: [] };
  return { name, key, line, origin: 'catalog', transport: 'stdio', args: [], env: envOf(run, 'run.env'), headers: [], docker, fullCommand: false };
}

export function readCatalogEntry(root: MNode): McpModel {
  const model = emptyModel('catalog');
  if (root.t !== 'obj') {
    model.issues.push({ line: root.line, message: 'a catalog server.yaml must be a mapping' });
    return model;
  }
  const name = strOf(field(root, 'name')?.value) ?? 'server';
  const img = field(root, 'image');
  const image = img && strOf(img.value) !== undefined ? { value: strOf(img.value)!, line: img.keyLine } : undefined;
  // type: server with a `source` is built and pinned by Docker's catalog pipeline: its `image` is not a tag users pull as written
  const builtByCatalog = field(root, 'source') !== undefined;
  const runE = field(root, 'run');
  const l = launch({ name, key: name, image: builtByCatalog ? undefined : image, run: runE?.value, line: runE?.keyLine ?? root.line });
  appendAll(l.env, envOf(field(root, 'config')?.value, 'config.env'));
  if (image || runE) model.launches.push(l);
  itemsOf(field(root, 'tools')?.value).forEach((t, i) => {
    const c = field(t, 'container')?.value;
    if (c?.t !== 'obj') return;
    const ci = field(c, 'image');
    const cImage = ci && strOf(ci.value) !== undefined ? { value: strOf(ci.value)!, line: ci.keyLine } : undefined;
    const tn = strOf(field(t, 'name')?.value) ?? `tools[${i}]`;
    model.launches.push(launch({ name: `${name}/${tn}`, key: `${name}.tools[${tn}]`, image: cImage, run: c, line: c.line }));
  });
  return model;
}

export function looksLikeCatalogEntry(root: MNode): boolean {
  const type = strOf(field(root, 'type')?.value);
  return (type === 'server' || type === 'poci' || type === 'remote') && field(root, 'name') !== undefined;
}
