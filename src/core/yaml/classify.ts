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

/**
 * `compose` for compose files with a `services:` map; `k8s` for any YAML with `apiVersion` and
 * `kind` outside `.github/`; `workflow` for `.github/workflows/*.y*ml`; `helm-template` for a
 * would-be manifest full of `{{ … }}` (the caller skips it with an info note); else undefined.
 */
export function classifyYaml(path: string, text: string): YamlKind | undefined {
  const p = posix(path);
  if (!YAML_EXT.test(p)) return undefined;
  if (/(^|\/)\.github\/workflows\/[^/]+$/.test(p)) return 'workflow';
  if (/(^|\/)\.github\//.test(p)) return undefined;
  const compose = isComposeName(p) && hasTopKey(text, 'services');
  const k8s = !compose && hasTopKey(text, 'apiVersion') && hasTopKey(text, 'kind');
  const helmish = /(^|\/)templates\//.test(p) && /^\s*(apiVersion|kind)\s*:/m.test(text);
  // Compose files may hold Go templates in strings (`docker ps --format '{{.Names}}'`): never Helm.
  if ((k8s || helmish) && looksLikeHelmTemplate(text)) return 'helm-template';
  if (compose) return 'compose';
  if (k8s) return 'k8s';
  return undefined;
}
