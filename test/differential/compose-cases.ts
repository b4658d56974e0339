/**
 * Compose documents for the differential: issue 17's cases and a generator of services built
 * from the fields the compose rules read, in every spelling compose accepts or refuses, with and
 * without a project `.env`, then mutated (duplicate keys, quoted and late merge keys).
 */
import fc from 'fast-check';
import type { ComposeCase } from '../support/compose-oracle.js';

const svc = (body: string): string => `services:\n  a:\n    image: x:1\n${body}`;

export const issue17Cases: ComposeCase[] = [
  ...['yes', 'on', 'y', 'Y', 'YES', 'On', 'no', 'off', 'n', '"yes"', '"on"', 'True', 'TRUE', '"true"', 'maybe', '1', '0'].flatMap((b) => [
    { label: `privileged: ${b}`, text: svc(`    privileged: ${b}\n`) },
    { label: `read_only: ${b}`, text: svc(`    read_only: ${b}\n`) },
  ]),
  { label: 'explicit false then a merge of true', text: 'x-p: &p {privileged: true}\nservices:\n  a:\n    image: x:1\n    privileged: false\n    <<: *p\n' },
  { label: 'merge of true then explicit false', text: 'x-p: &p {privileged: true}\nservices:\n  a:\n    <<: *p\n    image: x:1\n    privileged: false\n' },
  { label: 'inline merge after the key', text: svc('    privileged: false\n    <<: {privileged: true}\n') },
  { label: 'merge of a list of anchors', text: 'x-a: &a {privileged: on}\nx-b: &b {user: root, privileged: false}\nservices:\n  a:\n    image: x:1\n    <<: [*a, *b]\n' },
  { label: 'duplicate privileged', text: svc('    privileged: false\n    privileged: true\n') },
  { label: 'duplicate label hides privileged', text: svc('    labels: {a: 1}\n    labels: {a: 2}\n    privileged: true\n') },
  { label: 'quoted << with the safe settings', text: 'x-s: &s {user: "1000", read_only: true}\nservices:\n  a:\n    image: x:1\n    "<<": *s\n' },
  { label: "single-quoted '<<'", text: "x-s: &s {user: '1000'}\nservices:\n  a:\n    image: x:1\n    '<<': *s\n" },
  { label: 'interpolated privileged from .env', text: svc('    privileged: ${PRIV}\n'), dotenv: 'PRIV=yes\n' },
  { label: 'interpolated user with default', text: svc('    user: ${U:-root}\n') },
  { label: 'interpolated user from .env', text: svc('    user: "${U:-root}"\n'), dotenv: 'U=1000:1000\n' },
  { label: 'malformed interpolation', text: svc('    user: "${U"\n') },
  { label: 'escaped $$', text: svc('    environment: {A: "$$HOME"}\n') },
  { label: '.env refused (space in key)', text: svc('    user: ${U}\n'), dotenv: 'A B=1\n' },
  { label: '.env refused (unterminated quote)', text: svc('    user: ${U}\n'), dotenv: 'U="root\n' },
  { label: '.env export, quotes, comments', text: svc('    user: ${U}\n    environment: [A=${A}, B=${B}, C=${C}]\n'), dotenv: '# c\nexport U=0\nA="x\\ny $U"\nB=\'lit $U\' # c\nC=v #c\n' },
  { label: 'an unknown top-level key holding the anchors', text: 'base: &b {privileged: true}\nservices:\n  a:\n    image: x:1\n    <<: *b\n' },
  { label: 'a misspelt service key', text: svc('    privilegd: true\n') },
  { label: 'an extension key in a service', text: svc('    x-privileged: true\n') },
  { label: 'empty user part', text: svc('    user: ":"\n') },
  { label: 'docker socket', text: svc('    volumes: ["/var/run/docker.sock:/var/run/docker.sock:ro"]\n') },
  { label: 'host namespaces', text: svc('    pid: host\n    ipc: host\n    network_mode: host\n    userns_mode: host\n') },
];

const bools = fc.constantFrom('true', 'false', 'yes', 'no', 'on', 'off', 'y', 'n', 'Y', 'N', 'True', 'FALSE', '"yes"', '"true"', '"off"', '${B}', '${B:-on}', '"${B:-false}"', 'maybe', '1');
const scalarWords = ['x', 'root', '0', '1000', '"1000:1000"', '"0:0"', 'node', '${U}', '${U:-root}', '"${U:-1000}:${G:-0}"', '":"', '"$${U}"', '""'];
const caps = fc.constantFrom('NET_ADMIN', 'SYS_ADMIN', 'ALL', 'CAP_SYS_PTRACE', 'net_raw', '${CAP}', 'CHOWN');
const secOpts = fc.constantFrom('no-new-privileges:true', 'no-new-privileges', 'seccomp:unconfined', 'apparmor=unconfined', '"label=disable"', 'no-new-privileges=${NNP:-true}');
const modes = fc.constantFrom('host', 'none', 'bridge', '"service:b"', '"container:c"', '${MODE:-host}', 'private', 'shareable');
const volumes = fc.constantFrom(
  '/var/run/docker.sock:/var/run/docker.sock',
  '"/a:/b:ro"',
  'v:/data',
  '/c',
  './x:/y:rw',
  '"~/h:/h:ro,z"',
  '"${HOME:-/root}:/h"',
  '{type: bind, source: /s, target: /t, read_only: yes}',
  '{type: volume, source: v, target: /t}',
  '{type: tmpfs, target: /tmp}',
  '"/run/docker.sock:/var/run/docker.sock:z"',
);
const ports = fc.constantFrom('"80"', '80', '"127.0.0.1:80:80"', '"8080:80"', '"[::1]:81:81"', '"0.0.0.0:82:82/udp"', '"${IP:-0.0.0.0}:83:83"', '{target: 84, host_ip: 127.0.0.1, published: "84"}', '{target: 85}', '"9000-9001:9000-9001"');
const envEntries = fc.constantFrom('A=1', 'B', '"C="', 'TOKEN=${T:-x}', 'D=$$E', 'F="q"', 'G=${B}');
const envMapEntries = fc.constantFrom('A: 1', 'B:', 'C: ""', 'T: ${T:-x}', 'D: "$$E"', 'E: true', 'F: yes', 'H: "${U}"');
const memory = fc.constantFrom('512m', '0', '1g', '"1.5g"', '1024', '2GiB', '"${MEM:-256m}"', '100k', '1b', '${MEM}', 'lots', '"1.5.2g"', '"0m"', '"512 MB"');
const devices = fc.constantFrom('/dev/fuse', '"/dev/a:/dev/b"', '"/dev/c:/dev/d:r"', '{source: /dev/e, target: /dev/f, permissions: rw}');
const dotenvLines = fc.constantFrom('U=0', 'U=1000', 'G=0', 'B=yes', 'B=off', 'CAP=SYS_ADMIN', 'MODE=host', 'IP=127.0.0.1', 'MEM=1g', 'export T=secret', "HOME='/home/$U'", 'HOME="/srv/${U:-x}"', 'NNP=false', '# comment', '', 'B=true # trailing', 'T="a\\tb"', 'U: 5', 'T="\\0123\\$U\\"q\\\\"', 'T="multi\nline"', 'B', 'U="1" G=2', 'ÜBER=1', 'a.b-c[0]=x', 'T=${U:-d}${G}', "T='it\\'s'", 'T=x\t#not', 'U=${BAD');

type Field = [string, fc.Arbitrary<string>];

const list = (a: fc.Arbitrary<string>): fc.Arbitrary<string> => fc.array(a, { minLength: 0, maxLength: 3 }).map((xs) => `[${xs.join(', ')}]`);
const block = (a: fc.Arbitrary<string>): fc.Arbitrary<string> => fc.array(a, { minLength: 1, maxLength: 3 }).map((xs) => `\n${xs.map((x) => `      - ${x}`).join('\n')}`);

const fields: Field[] = [
  ['privileged', bools],
  ['read_only', bools],
  ['user', fc.constantFrom(...scalarWords)],
  ['cap_add', list(caps)],
  ['cap_drop', fc.oneof(list(caps), block(caps))],
  ['security_opt', list(secOpts)],
  ['network_mode', modes],
  ['pid', modes],
  ['ipc', modes],
  ['userns_mode', fc.constantFrom('host', '""', '${NS:-host}')],
  ['group_add', list(fc.constantFrom('docker', '0', '"999"', 'wheel'))],
  ['volumes', fc.oneof(list(volumes), block(volumes))],
  ['ports', fc.oneof(list(ports), block(ports))],
  ['environment', fc.oneof(list(envEntries), fc.array(envMapEntries, { minLength: 1, maxLength: 3 }).map((xs) => `\n${[...new Set(xs.map((x) => x.split(':')[0]))].map((k) => `      ${xs.find((x) => x.startsWith(`${k}:`))}`).join('\n')}`))],
  ['mem_limit', memory],
  ['devices', list(devices)],
  ['image', fc.constantFrom('nginx:1.27', '"${IMG:-node:22}"', 'ghcr.io/a/b@sha256:0000000000000000000000000000000000000000000000000000000000000000', '$IMG')],
];

const service = fc.subarray(fields, { minLength: 1 }).chain((fs) => fc.tuple(...fs.map(([k, a]) => a.map((v) => `    ${k}: ${v}`))));

const deployMemory = fc.option(memory.map((m) => `    deploy:\n      resources:\n        limits:\n          memory: ${m}`), { nil: undefined });

/** A mutation compose reads its own way: a duplicated key, a quoted or late merge key. */
const mutationOf = fc.constantFrom('none', 'none', 'none', 'duplicate', 'quoted-merge', 'late-merge', 'early-merge', 'unknown-key', 'extension-key');

function mutated(lines: string[], m: string): string[] {
  if (m === 'none' || lines.length === 0) return lines;
  if (m === 'duplicate') return [...lines, lines[0]!];
  if (m === 'quoted-merge') return [...lines, '    "<<": *base'];
  if (m === 'late-merge') return [...lines, '    <<: *base'];
  if (m === 'unknown-key') return [...lines, '    privilegd: true'];
  if (m === 'extension-key') return [...lines, '    x-note: {privileged: true}'];
  return ['    <<: *base', ...lines];
}

export const composeDocument: fc.Arbitrary<ComposeCase> = fc
  .record({
    a: service,
    b: fc.option(service, { nil: undefined }),
    deploy: deployMemory,
    mutation: mutationOf,
    anchorKey: fc.constantFrom('x-base', 'x-base', 'x-base', 'base', 'version'),
    base: fc.constantFrom('{privileged: true}', '{user: root, read_only: yes}', '{cap_add: [SYS_ADMIN]}', '{pid: host, privileged: on}'),
    dotenv: fc.option(fc.array(dotenvLines, { maxLength: 6 }).map((ls) => `${ls.join('\n')}\n`), { nil: undefined }),
  })
  .map(({ a, b, deploy, mutation, anchorKey, base, dotenv }) => {
    const first = mutated([...a, ...(deploy ? [deploy] : [])], mutation);
    const lines = [`${anchorKey}: &base ${base}`, 'services:', '  a:', ...first, ...(b ? ['  b:', ...b] : [])];
    return { label: '', text: `${lines.join('\n')}\n`, ...(dotenv !== undefined ? { dotenv } : {}) };
  });
