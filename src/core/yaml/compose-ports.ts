/**
 * Ports as compose-go v2.16.2 reads them: the short syntax `[HOST_IP:][HOST_PORT:]CONTAINER_PORT[/PROTO]`
 * through go-connections v0.4.0's ParsePortSpec (ranges on either side, one port per container
 * port, a host range kept whole for a single container port, brackets of an IPv6 host IP
 * dropped, the protocol lower-cased and one of tcp/udp/sctp), a bare number as its short form, and
 * the long syntax as written (protocol tcp unless given, `published` as text). Pure.
 */
import { isIP } from 'node:net';
import { entries, isMap, items, type YDoc } from './ast.js';
import { composeText } from './compose-scalars.js';
import { appendAll } from '../arrays.js';

export interface ComposePort {
  host_ip: string;
  published: string;
  target: number;
  protocol: string;
}

/** strconv.ParseUint(s, 10, 16) */
function port16(s: string): number | undefined {
  return /^\d+$/.test(s) && Number(s) <= 65535 ? Number(s) : undefined;
}

function range(s: string): [number, number] | undefined {
  if (!s.includes('-')) {
    const p = port16(s);
    return p === undefined ? undefined : [p, p];
  }
  const [a = '', b = ''] = s.split('-');
  const start = port16(a);
  const end = port16(b);
  return start === undefined || end === undefined || end < start ? undefined : [start, end];
}

/** Go's net.SplitHostPort(ip + ":") host part, or undefined where it fails. */
function hostOf(raw: string): string | undefined {
  if (raw.startsWith('[')) {
    const end = raw.indexOf(']');
    return end === raw.length - 1 ? raw.slice(1, end) : undefined;
  }
  return raw.includes(':') || raw.includes(']') ? undefined : raw;
}

/** The ports of one short-syntax spec, or why compose refuses it. */
export function parsePortSpec(spec: string): { ports: ComposePort[] } | { error: string } {
  const parts = spec.split(':');
  const n = parts.length;
  const rawIp = n <= 2 ? '' : parts.slice(0, n - 2).join(':');
  const hostPort = n === 1 ? '' : parts[n - 2]!;
  const last = parts[n - 1]!;
  const slash = last.split('/');
  const container = last === '' || slash[0] === '' ? '' : slash[0]!;
  const proto = last === '' || slash[0] === '' ? '' : slash.length === 1 || slash[1] === '' ? 'tcp' : slash[1]!;
  const ip = hostOf(rawIp);
  if (ip === undefined) return { error: `invalid IP address ${rawIp}` };
  if (ip !== '' && (ip.includes('%') || isIP(ip) === 0)) return { error: `invalid IP address: ${ip}` };
  if (container === '') return { error: `no port specified: ${spec}<empty>` };
  const c = range(container);
  if (!c) return { error: `invalid containerPort: ${container}` };
  const h: [number, number] | undefined = hostPort !== '' ? range(hostPort) : [0, 0];
  if (!h) return { error: `invalid hostPort: ${hostPort}` };
  if (hostPort !== '' && c[1] - c[0] !== h[1] - h[0] && c[1] !== c[0]) return { error: `invalid ranges specified for container and host ports: ${container} and ${hostPort}` };
  const protocol = proto.toLowerCase();
  if (!['tcp', 'udp', 'sctp'].includes(protocol)) return { error: `invalid proto: ${proto}` };
  const ports: ComposePort[] = [];
  for (let i = 0; i <= c[1] - c[0]; i++) {
    let published = hostPort !== '' ? String(h[0] + i) : '';
    if (c[0] === c[1] && h[0] !== h[1]) published = `${published}-${h[1]}`;
    ports.push({ host_ip: ip, published, target: c[0] + i, protocol });
  }
  return { ports };
}

/** A long-syntax port as compose holds it. */
function longPort(y: YDoc, node: unknown): ComposePort {
  const at = (k: string): string | undefined => {
    for (const e of entries(y, node)) if (e.key === k) return composeText(y, e.value);
    return undefined;
  };
  return { host_ip: at('host_ip') ?? '', published: at('published') ?? '', target: Number(at('target') ?? 0), protocol: at('protocol') ?? 'tcp' };
}

/** Every port of a service's `ports` (invalid short specs are left out: compose refuses them). */
export function composePorts(y: YDoc, node: unknown): ComposePort[] {
  const out: ComposePort[] = [];
  for (const it of items(y, node)) {
    if (isMap(y, it.node)) {
      out.push(longPort(y, it.node));
      continue;
    }
    const s = composeText(y, it.node);
    if (s === undefined) continue;
    const r = parsePortSpec(s);
    if ('ports' in r) appendAll(out, r.ports);
  }
  return out;
}
