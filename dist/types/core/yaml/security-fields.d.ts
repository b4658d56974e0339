/**
 * The boolean Kubernetes fields whose values the rules read (issue 17 item 4): where kubectl's
 * YAML 1.1 reading of `yes`/`on`/`y`… changes a verdict. A YAML 1.1 spelling in any other field
 * is read the same way by the rules whatever the reader, so it is not reported. Pure.
 */
export declare const K8S_SECURITY_BOOLEANS: ReadonlySet<string>;
