/**
 * Finds the line that names a package in a lockfile or manifest of the build context, so that a
 * language-package vulnerability lands where the dependency is declared (DESIGN §3). Pure.
 */

export type Ecosystem = 'python' | 'node' | 'go' | 'ruby' | 'rust' | 'php';

/** Trivy `Result.Type` → ecosystem. */
export function ecosystemOf(trivyType: string | undefined): Ecosystem | undefined {
  switch (trivyType) {
    case 'python-pkg':
    case 'pip':
    case 'pipenv':
    case 'poetry':
    case 'uv':
      return 'python';
    case 'node-pkg':
    case 'npm':
    case 'yarn':
    case 'pnpm':
    case 'bun':
      return 'node';
    case 'gobinary':
    case 'gomod':
      return 'go';
    case 'gemspec':
    case 'bundler':
      return 'ruby';
    case 'rustbinary':
    case 'cargo':
      return 'rust';
    case 'composer':
    case 'composer-vendor':
      return 'php';
    default:
      return undefined;
  }
}

/** Which lockfiles/manifests an ecosystem declares its packages in, most specific first. */
export function lockfileKind(fileName: string): Ecosystem | undefined {
  if (/^requirements[\w.-]*\.(txt|in)$/i.test(fileName) || /^(Pipfile\.lock|poetry\.lock|uv\.lock)$/.test(fileName)) return 'python';
  if (/^(package-lock\.json|npm-shrinkwrap\.json|pnpm-lock\.yaml|yarn\.lock)$/.test(fileName)) return 'node';
  if (fileName === 'go.mod') return 'go';
  if (fileName === 'Gemfile.lock') return 'ruby';
  if (fileName === 'Cargo.lock') return 'rust';
  if (fileName === 'composer.lock') return 'php';
  return undefined;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** PEP 503 normalisation: runs of -, _ and . are one separator. */
function pyPattern(name: string): string {
  return name
    .toLowerCase()
    .split(/[-_.]+/)
    .map(escape)
    .join('[-_.]+');
}

/** 1-based line naming `name` in a lockfile/manifest, or undefined. */
export function findPackageLine(fileName: string, lines: readonly string[], name: string): number | undefined {
  let re: RegExp;
  if (/^requirements/i.test(fileName)) re = new RegExp(`^\\s*${pyPattern(name)}\\s*(\\[[^\\]]*\\])?\\s*(==|>=|<=|~=|!=|===|>|<|;|@|$|\\s)`, 'i');
  else if (fileName === 'Pipfile.lock') re = new RegExp(`^\\s*"${pyPattern(name)}"\\s*:\\s*\\{`, 'i');
  else if (fileName === 'poetry.lock' || fileName === 'uv.lock' || fileName === 'Cargo.lock') re = new RegExp(`^name\\s*=\\s*"${pyPattern(name)}"`, 'i');
  else if (fileName === 'package-lock.json' || fileName === 'npm-shrinkwrap.json') re = new RegExp(`^\\s*"(node_modules/)?${escape(name)}"\\s*:\\s*\\{`);
  else if (fileName === 'pnpm-lock.yaml') re = new RegExp(`^\\s*['"]?/?${escape(name)}[@/(:]`);
  else if (fileName === 'yarn.lock') re = new RegExp(`^"?${escape(name)}@`);
  else if (fileName === 'go.mod') re = new RegExp(`^\\s*(require\\s+)?${escape(name)}\\s+v`);
  else if (fileName === 'Gemfile.lock') re = new RegExp(`^\\s{4}${escape(name)} \\(`);
  else if (fileName === 'composer.lock') re = new RegExp(`^\\s*"name"\\s*:\\s*"${escape(name)}"`);
  else return undefined;
  // package-lock.json: prefer the top-level "node_modules/<name>" entry
  if (fileName === 'package-lock.json' || fileName === 'npm-shrinkwrap.json') {
    const top = new RegExp(`^\\s*"node_modules/${escape(name)}"\\s*:\\s*\\{`);
    const i = lines.findIndex((l) => top.test(l));
    if (i >= 0) return i + 1;
  }
  const i = lines.findIndex((l) => re.test(l));
  return i >= 0 ? i + 1 : undefined;
}

export interface Lockfile {
  /** Repository-relative path. */
  path: string;
  lines: string[];
}

/** The first lockfile (in the given order) of the package's ecosystem that names it. */
export function locatePackage(lockfiles: readonly Lockfile[], trivyType: string | undefined, name: string): { path: string; line: number } | undefined {
  const eco = ecosystemOf(trivyType);
  if (!eco) return undefined;
  for (const lf of lockfiles) {
    const base = lf.path.slice(lf.path.lastIndexOf('/') + 1);
    if (lockfileKind(base) !== eco) continue;
    const line = findPackageLine(base, lf.lines, name);
    if (line !== undefined) return { path: lf.path, line };
  }
  return undefined;
}
