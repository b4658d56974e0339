/**
 * The proven profile as output (issue #20 item 3): the exact flags the image passed the probe
 * with, written as a `docker run -i --rm …` line, a compose service block, a Kubernetes
 * securityContext + resources, MCP registry server.json `runtimeArguments`, and a client config
 * entry. Pure: from the report's probe summary only.
 */
import { appendAll } from '../arrays.js';
import type { ProbeSummary } from './options.js';

export interface ProfileSnippets {
  image: string;
  /** The `docker run` flags, in order. */
  flags: string[];
  dockerRun: string;
  compose: string;
  kubernetes: string;
  serverJson: { runtimeArguments: { type: 'positional'; value: string }[] };
  clientConfig: { mcpServers: Record<string, { command: 'docker'; args: string[]; env?: Record<string, string> }> };
}

/** Flag → value pairs of the words (`--read-only` has none). */
function pairs(words: readonly string[]): [string, string | undefined][] {
  const out: [string, string | undefined][] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w === '--read-only' || w === '--init') out.push([w, undefined]);
    else out.push([w, words[++i]]);
  }
  return out;
}

const shq = (w: string): string => (/^[\w@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`);
const yq = (w: string): string => JSON.stringify(w);

function compose(name: string, image: string, p: [string, string | undefined][], envNames: readonly string[]): string {
  const lines = [`services:`, `  ${name}:`, `    image: ${yq(image)}`, `    stdin_open: true`, `    init: true`];
  const tmpfs = p.filter(([k]) => k === '--tmpfs').map(([, v]) => v!);
  const caps = p.filter(([k]) => k === '--cap-drop').map(([, v]) => v!);
  const sec = p.filter(([k]) => k === '--security-opt').map(([, v]) => v!);
  for (const [k, v] of p) {
    if (k === '--read-only') lines.push('    read_only: true');
    if (k === '--user') lines.push(`    user: ${yq(v!)}`);
    if (k === '--memory') lines.push(`    mem_limit: ${yq(v!)}`);
    if (k === '--pids-limit') lines.push(`    pids_limit: ${v}`);
    if (k === '--network' && v === 'none') lines.push('    network_mode: none');
  }
  if (tmpfs.length > 0) appendAll(lines, ['    tmpfs:', ...tmpfs.map((t) => `      - ${yq(t)}`)]);
  if (caps.length > 0) appendAll(lines, ['    cap_drop:', ...caps.map((c) => `      - ${c}`)]);
  if (sec.length > 0) appendAll(lines, ['    security_opt:', ...sec.map((s) => `      - ${yq(s)}`)]);
  if (envNames.length > 0) appendAll(lines, ['    environment:', ...envNames.map((n) => `      - ${n}`)]);
  return `${lines.join('\n')}\n`;
}

function kubernetes(p: [string, string | undefined][]): string {
  const get = (k: string): string | undefined => p.find(([x]) => x === k)?.[1];
  const user = get('--user');
  const [uid, gid] = (user ?? '').split(':');
  const lines = ['securityContext:'];
  if (user !== undefined && /^\d+$/.test(uid ?? '')) {
    lines.push('  runAsNonRoot: true', `  runAsUser: ${uid}`);
    if (gid && /^\d+$/.test(gid)) lines.push(`  runAsGroup: ${gid}`);
  }
  if (p.some(([k]) => k === '--read-only')) lines.push('  readOnlyRootFilesystem: true');
  if (p.some(([k, v]) => k === '--security-opt' && v === 'no-new-privileges')) lines.push('  allowPrivilegeEscalation: false');
  if (p.some(([k, v]) => k === '--cap-drop' && v === 'ALL')) lines.push('  capabilities:', '    drop: ["ALL"]');
  const mem = get('--memory');
  if (mem) lines.push('resources:', '  limits:', `    memory: ${yq(mem.replace(/([kmg])$/i, (u) => `${u.toUpperCase()}i`))}`);
  const tmpfs = p.filter(([k]) => k === '--tmpfs').map(([, v]) => v!);
  if (tmpfs.length > 0) {
    lines.push('# each tmpfs is an emptyDir volume mounted at the path:');
    appendAll(lines, ['volumeMounts:', ...tmpfs.map((t, i) => `  - { name: tmp-${i}, mountPath: ${yq(t)} }`)]);
    appendAll(lines, ['volumes:', ...tmpfs.map((_t, i) => `  - { name: tmp-${i}, emptyDir: { medium: Memory } }`)]);
  }
  return `${lines.join('\n')}\n`;
}

/** Undefined when the image passed with no proven flags (broken, or no single culprit found). */
export function profileSnippets(s: ProbeSummary, name = 'mcp-server'): ProfileSnippets | undefined {
  if (!s.proven) return undefined;
  const flags = ['--init', ...s.proven];
  const envArgs = s.envNames.flatMap((n) => ['-e', n]);
  const args = ['run', '-i', '--rm', ...flags, ...envArgs, s.image];
  const p = pairs(s.proven);
  return {
    image: s.image,
    flags,
    dockerRun: `docker ${args.map(shq).join(' ')}`,
    compose: compose(name, s.image, p, s.envNames),
    kubernetes: kubernetes(p),
    serverJson: { runtimeArguments: [...flags, ...envArgs].map((value) => ({ type: 'positional' as const, value })) },
    clientConfig: { mcpServers: { [name]: { command: 'docker', args, ...(s.envNames.length > 0 ? { env: Object.fromEntries(s.envNames.map((n) => [n, `\${${n}}`])) } : {}) } } },
  };
}

/** `mcg-profile.json` / `mcg scan --format profile`: one entry per probed target. */
export function profileDocument(targets: readonly { name: string; probe?: ProbeSummary }[]): string {
  const entries = targets
    .filter((t) => t.probe)
    .map((t) => ({ target: t.name, status: t.probe!.status, culprits: t.probe!.culprits, tools: t.probe!.tools.map((x) => x.name), profile: profileSnippets(t.probe!) ?? null }));
  return `${JSON.stringify({ schema: 'mcg-profile/1', targets: entries }, null, 2)}\n`;
}
