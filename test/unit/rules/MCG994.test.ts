// MCG994 (read differently by compose): every case through the real YAML engine with all rules, so
// the verdict of the other rules on compose's reading is checked together with the finding.
import { describe, expect, it } from 'vitest';
import { checkYamlFile } from '../../../src/engine/yaml-engine.js';

function scan(yaml: string, env?: Record<string, string>) {
  const r = checkYamlFile({ path: 'compose.yaml', text: yaml, kind: 'compose', target: 't', ...(env ? { env: new Map(Object.entries(env)) } : {}) });
  const at = (id: string) => r.findings.filter((f) => f.ruleId === id).map((f) => f.location.startLine);
  return { ...r, at };
}

const svc = (body: string) => `services:\n  web:\n    image: nginx:1.27\n${body}`;

describe('MCG994 read-differently-by-compose', () => {
  it.each([
    ['yes', 'privileged: yes'],
    ['on', 'privileged: on'],
    ['Y', 'privileged: Y'],
    ['quoted "On"', 'privileged: "On"'],
    ['YES', 'privileged: YES'],
    ['interpolated default yes', 'privileged: ${PRIV:-yes}'],
  ])('fires on privileged %s, and MCG101 fires critical on compose\'s true', (_n, line) => {
    const r = scan(svc(`    ${line}\n`));
    expect(r.at('MCG994')).toEqual([4]);
    expect(r.at('MCG101')).toEqual([4]);
    expect(r.findings.find((f) => f.ruleId === 'MCG101')!.severity).toBe('critical');
    expect(r.findings.find((f) => f.ruleId === 'MCG994')!.severity).toBe('high');
  });

  it.each(['no', 'off', 'N', 'OFF'])('fires on privileged: %s, which compose reads as false (no MCG101)', (v) => {
    const r = scan(svc(`    privileged: ${v}\n`));
    expect(r.at('MCG994')).toEqual([4]);
    expect(r.at('MCG101')).toEqual([]);
  });

  it('read_only: on counts as read-only for MCG106 and fires MCG994', () => {
    const r = scan(svc('    read_only: on\n'));
    expect(r.at('MCG994')).toEqual([4]);
    expect(r.at('MCG106')).toEqual([]);
  });

  it('a volume read_only: yes fires on its line', () => {
    const r = scan(svc('    volumes:\n      - type: bind\n        source: ./data\n        target: /data\n        read_only: yes\n'));
    expect(r.at('MCG994')).toEqual([8]);
  });

  it('a boolean compose cannot cast: compose refuses the file', () => {
    const r = scan(svc('    privileged: maybe\n'));
    expect(r.at('MCG994')).toEqual([4]);
    expect(r.findings.find((f) => f.ruleId === 'MCG994')!.message).toContain('refuses');
  });

  it('a duplicate key: compose refuses the file (MCG994 on the repeated key), and the file is reported unchecked', () => {
    const r = scan(svc('    privileged: false\n    privileged: true\n'));
    expect(r.at('MCG994')).toEqual([5]);
    expect(r.at('MCG991')).toEqual([5]);
    expect(r.findings.find((f) => f.ruleId === 'MCG994')!.message).toContain('compose refuses');
  });

  it('a quoted "<<" key: compose refuses it', () => {
    const r = scan('x-base: &base\n  privileged: true\nservices:\n  web:\n    image: nginx:1.27\n    "<<": *base\n');
    expect(r.at('MCG994')).toEqual([6]);
  });

  it('a plain late << merge is what compose reads: own keys win whatever the order, no MCG994', () => {
    const r = scan('x-base: &base\n  privileged: true\n  user: root\nservices:\n  web:\n    image: nginx:1.27\n    user: app\n    <<: *base\n');
    expect(r.at('MCG994')).toEqual([]);
    expect(r.at('MCG101')).toEqual([2]);
  });

  it('malformed interpolation: compose refuses the file', () => {
    const r = scan(svc('    user: "${1BAD}"\n'));
    expect(r.at('MCG994')).toEqual([4]);
  });

  it('a required variable that is not set is a note, not a finding, and reads as empty', () => {
    const r = scan(svc('    user: "${APP_USER:?set APP_USER}"\n'));
    expect(r.at('MCG994')).toEqual([]);
    expect(r.notes.join('\n')).toContain('APP_USER');
  });

  it('the environment given (the .env compose reads) is what interpolation uses', () => {
    expect(scan(svc('    privileged: ${PRIV:-false}\n'), { PRIV: 'true' }).at('MCG101')).toEqual([4]);
    expect(scan(svc('    privileged: ${PRIV:-false}\n')).at('MCG101')).toEqual([]);
  });

  it.each(['true', 'false', '"true"', 'True'])('passes: privileged: %s', (v) => {
    expect(scan(svc(`    privileged: ${v}\n`)).at('MCG994')).toEqual([]);
  });

  it.each([
    ['user: 0 (a number where compose wants a string)', '    user: 0\n', [4]],
    ['pid: 1', '    pid: 1\n', [4]],
    ['a deploy memory limit given as a number', '    deploy:\n      resources:\n        limits:\n          memory: 1024\n', [7]],
    ['a repeated security_opt item', '    security_opt: [no-new-privileges:true, seccomp:unconfined, no-new-privileges:true]\n', [4]],
    // compose names the list (services.a.group_add), so the finding is on its key
    ['a repeated group_add item', '    group_add:\n      - docker\n      - docker\n', [4]],
    ['a short volume with an empty part (an unset variable)', '    volumes: ["${DATA}:/data"]\n', [4]],
    ['a misspelt service key', '    privilegd: true\n', [4]],
    ['a memory size compose cannot read', '    mem_limit: lots\n', [4]],
    ['an empty memory size (an unset variable)', '    mem_limit: ${MEM}\n', [4]],
  ])('refused by compose schema: %s', (_name, body, lines) => {
    const r = scan(svc(body));
    expect(r.at('MCG994')).toEqual(lines);
    expect(r.findings.filter((f) => f.ruleId === 'MCG994').every((f) => /compose refuses the file/.test(f.message))).toBe(true);
  });

  it.each([
    ['an unknown top-level key', 'base: &b {privileged: true}\nservices:\n  a:\n    image: x:1\n', [1]],
    ['version as a number', 'version: 3.8\nservices:\n  a:\n    image: x:1\n', [1]],
  ])('refused by compose schema at the top: %s', (_name, yaml, lines) => {
    expect(scan(yaml).at('MCG994')).toEqual(lines);
  });

  it.each([
    ['x- keys at the top and in a service, version as a string', 'version: "3.8"\nx-b: &b {privileged: false}\nservices:\n  a:\n    image: x:1\n    x-note: 1\n'],
  ])('passes the schema at the top: %s', (_name, yaml) => {
    expect(scan(yaml).at('MCG994')).toEqual([]);
  });

  it.each([
    ['user: "0"', '    user: "0"\n'],
    ['repeated cap_add items (compose drops the repeat)', '    cap_add: [NET_ADMIN, NET_ADMIN]\n'],
    ['a memory limit as a string', '    deploy:\n      resources:\n        limits:\n          memory: 512m\n'],
    ['a volume whose variable is set', '    volumes: ["${DATA}:/data"]\n'],
  ])('passes the schema: %s', (_name, body) => {
    expect(scan(svc(body), { DATA: '/srv' }).at('MCG994')).toEqual([]);
  });
});
