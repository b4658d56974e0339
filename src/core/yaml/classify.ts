/**
 * Which YAML files are compose files, Kubernetes manifests or workflows (DESIGN §6 discovery).
 * Pure and cheap: it looks at the path and at top-level keys with line patterns, without parsing,
 * because the scan runs it over every YAML file of a repository.
 */

export type YamlKind = 'compose' | 'k8s' | 'workflow' | 'helm-template';

const YAML_EXT = /\.ya?ml$/i;

/**
 * Go-template actions as Helm writes them: `{{ .Values.x }}`, `{{- include … }}`, `{{ end }}`.
 * `${{ … }}` (GitHub expressions) does not count.
 */
const HELM_ACTION =
  /(^|[^$]){{-?\s*(-|\.Values\b|\.Release\b|\.Chart\b|\.Capabilities\b|\.Files\b|\.Template\b|\$\.|end\b|if\b|else\b|range\b|with\b|include\b|template\b|define\b|toYaml\b|tpl\b|\/\*)/m;
const LINE_STARTS_WITH_ACTION = /^\s*{{/m;

export function looksLikeHelmTemplate(text: string): boolean {
  // both patterns need `{{`: most files have none, and the line-start pattern is slow to fail
  if (text.indexOf('{{') < 0) return false;
  return HELM_ACTION.test(text) || LINE_STARTS_WITH_ACTION.test(text);
}

function posix(path: string): string {
  return path.replace(/\\/g, '/').replace(/^\.\//, '');
}

/** A compose file name: `compose.yaml`, `docker-compose.override.yml`, `dev.compose.yaml` … */
export function isComposeName(path: string): boolean {
  const base = posix(path).split('/').pop() ?? '';
  return YAML_EXT.test(base) && /compose/i.test(base);
}

/** Top-level keys (column 0) present in a YAML text. */
function hasTopKey(text: string, key: string): boolean {
  return new RegExp(`^${key}[ \\t]*:`, 'm').test(text) || new RegExp(`^["']${key}["'][ \\t]*:`, 'm').test(text);
}

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
export function classifyYaml(path: string, text: string, place: YamlPlace = {}): YamlKind | undefined {
  const p = posix(path);
  const json = /\.json$/i.test(p);
  if (!YAML_EXT.test(p) && !json) return undefined;
  if (!json && /(^|\/)\.github\/workflows\/[^/]+$/.test(p)) return 'workflow';
  if (/(^|\/)\.github\//.test(p)) return undefined;
  if (place.chartTemplate) return 'helm-template';
  if (!json && isComposeName(p) && hasTopKey(text, 'services')) return 'compose';
  if ((text.includes('apiVersion') && text.includes('kind')) || text.includes('\\')) return 'k8s';
  return undefined;
}
