/**
 * The built image reaches the server.json checks (MCG523 ownership label, MCG524 version) in a real
 * scan: the image pipeline's labels go to the server.json of the directory it was built from.
 * The pipeline here is a stand-in that returns the image facts a build would; everything else is
 * the engine the CLI wires in.
 */
import { describe, expect, it } from 'vitest';
import type { ImagePipeline } from '../../../src/engine/scan.js';
import { builtImageFor } from '../../../src/core/mcp/built-image.js';
import { makeRepo, staticScan } from '../../support/repo.js';

const SERVER = `{
  "$schema": "https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json",
  "name": "io.github.o/weather",
  "description": "Weather",
  "version": "1.2.0",
  "packages": [{"registryType": "oci", "identifier": "ghcr.io/o/weather:1.2.0@sha256:${'a'.repeat(64)}", "transport": {"type": "stdio"}}]
}
`;

function pipeline(labels: Record<string, string>): ImagePipeline {
  return {
    async run() {
      return { findings: [], scanners: [{ name: 'docker', status: 'ran' }], info: {}, image: { user: '10001', labels, hasPath: () => true } };
    },
  };
}

async function ids(labels: Record<string, string>, extra: Record<string, string> = {}): Promise<string[]> {
  const root = makeRepo({ 'Dockerfile': 'FROM scratch\nUSER 10001\n', 'server.json': SERVER, ...extra });
  const r = await staticScan(root, { build: true }, { imagePipeline: pipeline(labels) });
  return r.findings.filter((f) => f.ruleId === 'MCG523' || f.ruleId === 'MCG524').map((f) => `${f.ruleId} ${f.location.path}:${f.location.startLine}`);
}

describe('the built image reaches server.json', () => {
  it('no ownership label: MCG523 on the name line', async () => {
    expect(await ids({})).toEqual(['MCG523 server.json:3']);
  });
  it('another name: MCG523', async () => {
    expect(await ids({ 'io.modelcontextprotocol.server.name': 'io.github.other/weather' })).toEqual(['MCG523 server.json:3']);
  });
  it('the right label and version: nothing', async () => {
    expect(await ids({ 'io.modelcontextprotocol.server.name': 'io.github.o/weather', 'org.opencontainers.image.version': '1.2.0' })).toEqual([]);
  });
  it('a version label that disagrees: MCG524 on the version line', async () => {
    expect(await ids({ 'io.modelcontextprotocol.server.name': 'io.github.o/weather', 'org.opencontainers.image.version': '1.1.0' })).toEqual(['MCG524 server.json:5']);
  });
  it('without a build, neither check runs', async () => {
    const root = makeRepo({ 'Dockerfile': 'FROM scratch\nUSER 10001\n', 'server.json': SERVER });
    const r = await staticScan(root);
    expect(r.findings.filter((f) => f.ruleId === 'MCG523')).toEqual([]);
  });
});

describe('builtImageFor', () => {
  const a = { context: 'a', dockerfile: 'a/Dockerfile', labels: { x: 'a' } };
  const b = { context: '.', dockerfile: 'b/Dockerfile', labels: { x: 'b' } };
  it('the image built from the server.json directory, else the only one, else none', () => {
    expect(builtImageFor('a/server.json', [a, b])?.labels).toEqual({ x: 'a' });
    expect(builtImageFor('server.json', [a, b])?.labels).toEqual({ x: 'b' });
    expect(builtImageFor('c/server.json', [a])?.labels).toEqual({ x: 'a' });
    expect(builtImageFor('c/server.json', [a, b])).toBeUndefined();
    expect(builtImageFor('a/.vscode/mcp.json', [a])).toBeUndefined();
    expect(builtImageFor('a/server.json', [])).toBeUndefined();
  });
  it('the reference only when the user named it', () => {
    expect(builtImageFor('a/server.json', [a])).toEqual({ labels: { x: 'a' } });
    expect(builtImageFor('a/server.json', [{ ...a, ref: 'ghcr.io/o/w:1.0.0' }])?.ref).toBe('ghcr.io/o/w:1.0.0');
  });
});
