import { describe, expect, it } from 'vitest';
import { parseProbeEnv, parseProbeMode, parseProbeTimeout, parseProbeTransport, summarize } from '../../../src/core/probe/options.js';
import { parseProbeArgs, resolveProbeOptions } from '../../../src/cli/probe-args.js';
import { readProbeInputs } from '../../../src/action/probe-inputs.js';
import { profileDocument, profileSnippets } from '../../../src/core/probe/snippets.js';
import { probeVerdict } from '../../support/probe-rule-table.js';

describe('probe options', () => {
  it('reads modes, transports and timeouts, refusing others', () => {
    expect(parseProbeMode(' TRUE ')).toBe('true');
    expect(() => parseProbeMode('yes')).toThrow(/auto, true or false/);
    expect(parseProbeTransport('http')).toBe('http');
    expect(() => parseProbeTransport('sse')).toThrow(/auto, stdio or http/);
    expect(parseProbeTimeout('12')).toBe(12);
    expect(() => parseProbeTimeout('0')).toThrow();
  });

  it('reads NAME=value lines; a bad line names its number, never the value', () => {
    expect(parseProbeEnv('# c\nAPI_KEY=s3cr3t=x\n\nMODE=ro\n')).toEqual({ API_KEY: 's3cr3t=x', MODE: 'ro' });
    expect(() => parseProbeEnv('OK=1\nbad line s3cr3t')).toThrow(/line 2/);
    try {
      parseProbeEnv('1X=topsecretvalue');
    } catch (e) {
      expect((e as Error).message).not.toContain('topsecretvalue');
    }
    expect(() => parseProbeEnv('DOCKER_HOST=tcp://x')).toThrow(/docker CLI/);
  });

  it('CLI: --probe-env takes names only; values come from the environment or the file', () => {
    expect(() => parseProbeArgs({ 'probe-env': ['KEY=value'] })).toThrow(/never NAME=value/);
    const a = parseProbeArgs({ 'runtime-probe': 'true', 'probe-env': ['KEY'], 'probe-env-file': 'env.txt', 'probe-timeout-seconds': '5' });
    const o = resolveProbeOptions(a, { KEY: 'from-env' }, () => 'OTHER=from-file\n');
    expect(o).toEqual({ mode: 'true', transport: 'auto', timeoutSeconds: 5, env: { KEY: 'from-env', OTHER: 'from-file' } });
    expect(() => resolveProbeOptions(parseProbeArgs({ 'probe-env': ['UNSET'] }), {}, () => '')).toThrow(/not set/);
  });

  it('action inputs: defaults, and errors naming the input', () => {
    const get = (m: Record<string, string>) => (n: string) => m[n] ?? '';
    const fail = (i: string, m: string) => new Error(`${i}: ${m}`);
    expect(readProbeInputs(get({}), fail)).toEqual({ mode: 'auto', transport: 'auto', timeoutSeconds: 30, env: {} });
    expect(readProbeInputs(get({ 'probe-env': 'A=b\n' }), fail).env).toEqual({ A: 'b' });
    expect(() => readProbeInputs(get({ 'runtime-probe': 'maybe' }), fail)).toThrow(/^runtime-probe: /);
  });
});

describe('proven profile snippets', () => {
  it('writes the flags the image passed with as docker run, compose, Kubernetes, server.json and client config', () => {
    const s = summarize(probeVerdict({ status: 'passed', imageUser: 'app' }), 'example/server:1', ['API_KEY']);
    const p = profileSnippets(s)!;
    expect(p.dockerRun).toBe(
      'docker run -i --rm --init --read-only --tmpfs /tmp --cap-drop ALL --security-opt no-new-privileges --user app --memory 512m --pids-limit 256 --network none -e API_KEY example/server:1',
    );
    expect(p.compose).toContain('    read_only: true\n');
    expect(p.compose).toContain('    network_mode: none\n');
    expect(p.compose).toContain('    cap_drop:\n      - ALL\n');
    expect(p.kubernetes).toContain('readOnlyRootFilesystem: true');
    expect(p.kubernetes).toContain('memory: "512Mi"');
    expect(p.kubernetes).not.toContain('runAsUser'); // a user name is not a UID
    expect(p.serverJson.runtimeArguments.map((a) => a.value)).toContain('--read-only');
    expect(p.clientConfig.mcpServers['mcp-server']!.args.at(-1)).toBe('example/server:1');
    expect(p.clientConfig.mcpServers['mcp-server']!.env).toEqual({ API_KEY: '${API_KEY}' });
  });

  it('a hardened failure: the proven flags leave the culprit out; broken: no profile', () => {
    const s = summarize(probeVerdict({ status: 'hardened-fails', culprit: 'read-only' }), 'x:1', []);
    expect(profileSnippets(s)!.flags).not.toContain('--read-only');
    expect(profileSnippets(s)!.kubernetes).toContain('runAsUser: 65532');
    expect(profileSnippets(summarize(probeVerdict({ status: 'broken' }), 'x:1', []))).toBeUndefined();
    const doc = JSON.parse(profileDocument([{ name: 't', probe: s }, { name: 'none' }]));
    expect(doc.targets).toHaveLength(1);
    expect(doc.targets[0].culprits).toEqual(['read-only']);
  });
});
