/**
 * Every Kubernetes case of issue 17, as manifests: each passed the default policy before, because
 * our reading differed from kubectl's. Used by the kubectl differential test and the scan tests.
 */

const pod = (sc: string, podExtra = '', name = 'p') =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n${podExtra}  containers:\n    - name: c\n      image: nginx:1.27\n      securityContext:\n${sc}`;

const socket = '  volumes:\n    - name: sock\n      hostPath:\n        path: /var/run/docker.sock\n';

export const ISSUE_17_CASES: { source: string; text: string }[] = [
  { source: 'privileged: yes', text: pod('        privileged: yes\n') },
  { source: 'privileged: on', text: pod('        privileged: on\n') },
  { source: 'privileged: Y', text: pod('        privileged: Y\n') },
  { source: 'hostPID: on', text: pod('        privileged: false\n', '  hostPID: on\n') },
  { source: 'late merge wins', text: pod('        privileged: false\n        <<: {privileged: true}\n') },
  { source: 'merge list, first source wins', text: `x: &a {privileged: true}\ny: &b {privileged: false}\n---\n` + pod('        <<: [*a, *b]\n') },
  { source: 'duplicate key, last wins', text: pod('        privileged: false\n        privileged: true\n', socket.replace('  volumes', '  hostPID: true\n  volumes')) },
  { source: 'duplicated harmless label hides a privileged pod', text: `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels:\n    app: a\n    app: b\nspec:\n  hostPID: true\n${socket}  containers:\n    - name: c\n      image: nginx:1.27\n      securityContext: {privileged: true}\n` },
  { source: 'quoted "<<" holds the safe settings', text: pod('        "<<": {runAsNonRoot: true, allowPrivilegeEscalation: false, runAsUser: 1000}\n') },
  { source: '{{ if }} in a plain manifest is text', text: `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations:\n    note: "{{ if .x }}rendered elsewhere{{ end }}"\nspec:\n  containers:\n    - name: c\n      image: nginx:1.27\n      securityContext: {privileged: true}\n` },
  { source: 'indented root mapping', text: pod('        privileged: true\n').replace(/^/gm, '  ') },
  { source: 'JSON manifest', text: JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { hostNetwork: true, containers: [{ name: 'c', image: 'nginx:1.27', securityContext: { privileged: true } }] } }, null, 2) + '\n' },
  { source: 'JSON stream of two objects', text: '{"apiVersion":"v1","kind":"Pod","metadata":{"name":"a"},"spec":{"containers":[{"name":"c","image":"x"}]}}\n{"apiVersion":"v1","kind":"Pod","metadata":{"name":"b"},"spec":{"hostPID":true,"containers":[{"name":"c","image":"y"}]}}\n' },
  { source: 'JSON in a YAML stream', text: '---\n{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"}, "spec": {"containers": [{"name": "c", "image": "x", "securityContext": {"privileged": true}}]}}\n' },
  { source: 'many workloads in one file', text: Array.from({ length: 400 }, (_v, i) => pod(`        privileged: ${i % 2 ? 'true' : 'false'}\n`, '', `p${i}`)).join('---\n') },
  { source: 'document after ... is ignored by kubectl', text: pod('        privileged: false\n') + '...\n' + pod('        privileged: true\n') },
  { source: 'runAsUser 0777 is octal', text: pod('        runAsUser: 0777\n        runAsNonRoot: yes\n') },
];
