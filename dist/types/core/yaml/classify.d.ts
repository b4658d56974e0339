/**
 * Which YAML files are compose files, Kubernetes manifests or workflows (DESIGN §6 discovery).
 * Pure and cheap: it looks at the path and at top-level keys with line patterns, without parsing,
 * because the scan runs it over every YAML file of a repository.
 */
export type YamlKind = 'compose' | 'k8s' | 'workflow' | 'helm-template';
export declare function looksLikeHelmTemplate(text: string): boolean;
/** A compose file name: `compose.yaml`, `docker-compose.override.yml`, `dev.compose.yaml` … */
export declare function isComposeName(path: string): boolean;
/** What the caller knows about the file's place in the repository. */
export interface YamlPlace {
    /** The file is under the `templates/` directory of a Helm chart (a `Chart.yaml` beside `templates/`). */
    chartTemplate?: boolean;
}
/**
 * Which reader a file goes to; the content decides what it is after parsing:
 * `workflow` for `.github/workflows/*.y*ml`; `helm-template` for a file in a Helm chart's
 * `templates/` (the caller lists it as not checked, with how to check it); `compose` for a
 * compose-named file with a `services:` key; `k8s` for any other YAML or JSON file that could
 * hold a Kubernetes object — the Kubernetes reader parses it and decides by `apiVersion`/`kind`
 * (YamlResult.notKubernetes). The only shortcut: a text that contains neither the words
 * `apiVersion` and `kind` nor a backslash (the only way to spell them otherwise, in an escaped
 * double-quoted key) cannot hold an object kubectl would apply. Else undefined.
 */
export declare function classifyYaml(path: string, text: string, place?: YamlPlace): YamlKind | undefined;
