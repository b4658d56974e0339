/**
 * Small Kubernetes manifests for the rule tables. `deployment()` puts `pod` lines into the pod
 * spec (before `containers:`) and `container` lines into the first container, so line numbers are
 * predictable: the container's `- name:` is on line 8 + pod lines, its keys follow from line 10.
 */
export function deployment(opts: { pod?: string[]; container?: string[]; kind?: string; image?: string } = {}): string {
  const pod = (opts.pod ?? []).map((l) => `      ${l}`);
  const container = (opts.container ?? []).map((l) => `          ${l}`);
  return [
    'apiVersion: apps/v1',
    `kind: ${opts.kind ?? 'Deployment'}`,
    'metadata:',
    '  name: api',
    'spec:',
    '  template:',
    '    spec:',
    ...pod,
    '      containers:',
    '        - name: app',
    `          image: ${opts.image ?? 'ghcr.io/acme/app:1.0'}`,
    ...container,
    '',
  ].join('\n');
}

/** A container securityContext that satisfies every container-level rule. */
export const hardened = [
  'securityContext:',
  '  runAsNonRoot: true',
  '  allowPrivilegeEscalation: false',
  '  readOnlyRootFilesystem: true',
  '  capabilities:',
  '    drop: [ALL]',
];
