/**
 * The boolean Kubernetes fields whose values the rules read (issue 17 item 4): where kubectl's
 * YAML 1.1 reading of `yes`/`on`/`y`… changes a verdict. A YAML 1.1 spelling in any other field
 * is read the same way by the rules whatever the reader, so it is not reported. Pure.
 */
export const K8S_SECURITY_BOOLEANS: ReadonlySet<string> = new Set([
  // container securityContext (MCG201, MCG202, MCG203, MCG210)
  'privileged',
  'runAsNonRoot',
  'allowPrivilegeEscalation',
  'readOnlyRootFilesystem',
  // pod spec (MCG209, MCG211)
  'hostNetwork',
  'hostPID',
  'hostIPC',
  'automountServiceAccountToken',
  // pod spec and volume mounts: what a reviewer reads as isolation
  'hostUsers',
  'shareProcessNamespace',
  'readOnly',
]);
