import type { RuleHit, RuleMeta } from '../../core/types.js';
import type { DockerfileModel, Stage } from '../../core/dockerfile/model.js';
import { expand, rootImage, variablesAt } from '../../core/dockerfile/model.js';
import { effectiveArgv, parseShell, type ShellCommand } from '../../core/dockerfile/shell.js';
import type { DockerfileContext, DockerfileRule, ImageFacts } from '../types.js';
import { insKey, stageLabel } from './util.js';
import { SHELLS, chainPlaced, copyOperands, minimalBase, programOf, shellScriptOf, startupOf } from './runtime.js';
import { appendAll } from '../../core/arrays.js';

const meta: RuleMeta = {
  id: 'MCG016',
  name: 'healthcheck-tool-missing',
  title: 'HEALTHCHECK calls a tool the runtime lacks',
  severity: 'medium',
  kind: 'dockerfile',
  description:
    'The HEALTHCHECK in force for the final stage runs `curl`/`wget` or uses shell form on a base that has neither (scratch, distroless, Chainguard non-dev); with a built image, its executable (or `/bin/sh` for shell form) is not in the image filesystem.',
  rationale:
    'A health check whose program is missing fails every time, so the container is reported unhealthy forever. Orchestrators that act on health (Docker Swarm, Compose `depends_on: condition: service_healthy`, ECS, autoheal sidecars) restart a server that works or never route traffic to it, while a real failure of the server is never detected.',
  fix: 'Check health with something the image has: the server binary itself (`HEALTHCHECK CMD ["/app/server", "healthcheck"]`), its runtime (`CMD ["python3", "-c", "import urllib.request; urllib.request.urlopen(\'http://127.0.0.1:8080/health\')"]`, `CMD ["node", "healthcheck.js"]`), or copy a static probe binary into the image. Use exec form on images without a shell.',
  tags: ['reliability', 'healthcheck', 'container'],
  precision: 'high',
};

/** Where a bare program name is looked up (Docker's default PATH). */
export const DEFAULT_PATH = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'];

/** Shell builtins and keywords: they need the shell, not a file. */
const BUILTINS = new Set([
  'exit', 'test', '[', 'echo', 'printf', 'true', 'false', 'cd', 'kill', ':', '.', 'source', 'eval', 'exec', 'set', 'export',
  'read', 'return', 'shift', 'trap', 'wait', 'command', 'type', 'unset', 'if', 'then', 'else', 'elif', 'fi', 'while', 'do',
  'done', 'for', 'case', 'esac', 'until', '!', '[[', ']]', 'local', 'ulimit', 'umask', 'pwd',
]);

function joinPath(dir: string, name: string): string {
  return `${dir.replace(/\/+$/, '')}/${name}`;
}

/** The PATH of the final image: ENV PATH entries of the chain (resolved ones), then Docker's default. */
function searchPath(model: DockerfileModel, stage: Stage): string[] {
  const dirs: string[] = [];
  let path: string | undefined;
  for (const { ins, stage: owner } of chainPlaced(model, stage)) {
    if (ins.keyword !== 'ENV') continue;
    for (const p of ins.properties) if (p.name === 'PATH' && p.value !== undefined) path = expand(p.value, variablesAt(model, owner, ins));
  }
  if (path) for (const d of path.split(':')) if (d.startsWith('/') && !d.includes('$')) dirs.push(d);
  for (const d of DEFAULT_PATH) if (!dirs.includes(d)) dirs.push(d);
  return dirs;
}

function workdirOf(model: DockerfileModel, stage: Stage): string {
  let wd = '/';
  for (const { ins, stage: owner } of chainPlaced(model, stage)) {
    if (ins.keyword !== 'WORKDIR') continue;
    const d = expand(ins.rest.trim(), variablesAt(model, owner, ins));
    wd = d.startsWith('/') ? d : joinPath(wd, d);
  }
  return wd;
}

/** True when the executable `word` resolves to a file of the image (undefined: cannot tell). */
function presentInImage(image: ImageFacts, word: string, dirs: readonly string[], workdir: string): boolean | undefined {
  if (word === '' || word.includes('$') || word.includes('`')) return undefined;
  if (word.startsWith('/')) return image.hasPath(word);
  if (word.includes('/')) return image.hasPath(joinPath(workdir, word.replace(/^\.\//, '')));
  return dirs.some((d) => image.hasPath(joinPath(d, word)));
}

/** Program words a health check needs as files; shell form needs /bin/sh first. */
function neededPrograms(form: 'exec' | 'shell', cmds: readonly ShellCommand[], argv0: string | undefined): string[] {
  const out: string[] = [];
  if (form === 'shell') out.push('/bin/sh');
  else if (argv0 !== undefined) out.push(argv0);
  for (const c of cmds) {
    const word = effectiveArgv([...c.argv])[0];
    if (word !== undefined && !BUILTINS.has(word) && !out.includes(word)) out.push(word);
  }
  return out;
}

/** Files that COPY/ADD put into the final chain, by base name (a copied-in curl counts). */
function copiedNames(model: DockerfileModel, stage: Stage): Set<string> {
  const names = new Set<string>();
  for (const { ins } of chainPlaced(model, stage)) {
    if (ins.keyword !== 'COPY' && ins.keyword !== 'ADD') continue;
    const ops = copyOperands(model, ins);
    if (!ops) continue;
    for (const w of [...ops.sources, ops.dest]) {
      const base = w.replace(/\/+$/, '').split('/').pop();
      if (base) names.add(base);
    }
  }
  return names;
}

export const rule: DockerfileRule = {
  meta,
  check(ctx: DockerfileContext): RuleHit[] {
    const stage = ctx.final;
    if (!stage) return [];
    const hc = startupOf(ctx.model, stage).healthcheck;
    if (!hc) return [];
    const rest = hc.ins.rest.trim();
    if (/^NONE\b/i.test(rest) || !/^CMD\b/i.test(rest)) return [];
    const form: 'exec' | 'shell' = hc.ins.json ? 'exec' : 'shell';
    const script = form === 'shell' ? rest.replace(/^CMD\s+/i, '') : shellScriptOf(hc.ins.json!);
    const cmds = script !== undefined ? parseShell(script) : [];
    const where = { line: hc.ins.line, endLine: hc.ins.endLine, key: insKey(hc.stage, hc.ins) };
    const label = stageLabel(stage);

    if (ctx.image) {
      const dirs = searchPath(ctx.model, stage);
      const wd = workdirOf(ctx.model, stage);
      const argv0 = hc.ins.json?.[0];
      const missing = neededPrograms(form, cmds, argv0).filter((w) => presentInImage(ctx.image!, w, dirs, wd) === false);
      if (missing.length === 0) return [];
      const shellNote = form === 'shell' && missing.includes('/bin/sh') ? ' (shell form runs it with /bin/sh -c)' : '';
      return [{ ...where, message: `HEALTHCHECK of the final stage (${label}) needs ${missing.join(', ')}, which the built image does not contain${shellNote}: the check fails every time.` }];
    }

    const kind = minimalBase(rootImage(ctx.model, stage));
    if (!kind) return [];
    const copied = copiedNames(ctx.model, stage);
    const problems: string[] = [];
    if (form === 'shell') problems.push('shell form (it runs /bin/sh -c)');
    else {
      const head = programOf(hc.ins.json!).name;
      if (SHELLS.has(head) && !copied.has(head)) problems.push(`${head} -c`);
    }
    const tools = new Set<string>();
    for (const c of form === 'exec' && script === undefined ? [{ argv: hc.ins.json!, assignments: [], op: '' as const }] : cmds) {
      const name = programOf(c.argv).name;
      if ((name === 'curl' || name === 'wget') && !copied.has(name)) tools.add(name);
    }
    appendAll(problems, [...tools].sort());
    if (problems.length === 0) return [];
    const base = kind === 'scratch' ? 'scratch' : kind === 'distroless' ? 'a distroless image' : 'a Chainguard runtime image';
    return [{ ...where, message: `HEALTHCHECK of the final stage (${label}) uses ${problems.join(' and ')}, but the final stage is built on ${base}, which has no shell, curl or wget: the check fails every time.` }];
  },
};
