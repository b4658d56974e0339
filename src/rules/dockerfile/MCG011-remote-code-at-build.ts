import type { RuleHit, RuleMeta } from '../../core/types.js';
import type { Instruction } from '../../core/dockerfile/model.js';
import { expand, runScript, variablesAt } from '../../core/dockerfile/model.js';
import type { ShellCommand } from '../../core/dockerfile/shell.js';
import type { DockerfileContext, DockerfileRule } from '../types.js';
import { insKey, mayMention, stageLabel } from './util.js';
import { SHELLS, commandsDeep, copyOperands, isPythonProgram, pipelines, programOf } from './runtime.js';

const meta: RuleMeta = {
  id: 'MCG011',
  name: 'remote-code-at-build',
  title: 'Remote code run at build time',
  severity: 'medium',
  kind: 'dockerfile',
  description:
    'A RUN pipes a curl/wget download into an interpreter (`curl … | sh`, `wget -qO- … | bash`, `sh -c "$(curl …)"`, `bash <(curl …)`), or an ADD fetches an http(s) URL without `--checksum`.',
  rationale:
    'The script is fetched afresh on every build: a compromised host, an expired and re-registered domain, a man in the middle on a mirror, or simply a new upstream version changes the image without any change to the Dockerfile. The image that was reviewed and scanned is not the one the next build produces, and nothing records what ran.',
  fix: 'Download to a file, verify it against a pinned SHA-256 (`echo "<sha256>  file" | sha256sum -c -`) or a signature, then run it; prefer the distribution package or a pinned release artifact. For ADD, add `--checksum=sha256:<digest>`.',
  tags: ['security', 'supply-chain', 'dockerfile'],
  precision: 'high',
};

const DOWNLOADERS = new Set(['curl', 'wget']);

type Family = 'shell' | 'python' | 'node' | 'perl' | 'ruby';

function familyOf(name: string): Family | undefined {
  if (SHELLS.has(name)) return 'shell';
  if (isPythonProgram(name)) return 'python';
  if (name === 'node' || name === 'nodejs' || name === 'bun' || name === 'deno') return 'node';
  if (name === 'perl') return 'perl';
  if (name === 'ruby') return 'ruby';
  return undefined;
}

/** Options that take the next word as their value, per interpreter family. */
const WITH_VALUE: Record<Family, Set<string>> = {
  shell: new Set(['-o', '+o', '-O', '+O']),
  python: new Set(['-W', '-X']),
  node: new Set(['-r', '--require', '--import', '--loader']),
  perl: new Set(['-I', '-M']),
  ruby: new Set(['-I', '-r']),
};

/** True when the option word makes the interpreter run code from an argument instead of stdin. */
function isCodeFlag(family: Family, w: string): boolean {
  switch (family) {
    case 'shell':
      return /^-[a-zA-Z]*c[a-zA-Z]*$/.test(w);
    case 'python':
      return /^-[a-zA-Z]*[cm]$/.test(w);
    case 'node':
      return w === '-e' || w === '--eval' || w === '-p' || w === '--print' || w.startsWith('--eval=') || w.startsWith('--print=');
    case 'perl':
      return /^-[a-zA-Z]*[eE]$/.test(w);
    case 'ruby':
      return /^-[a-zA-Z]*e$/.test(w);
  }
}

/** Does this interpreter call read its program from stdin (`sh`, `bash -s --`, `python3 -`, `node`)? */
export function runsStdin(argv: readonly string[]): boolean {
  const { name, args } = programOf(argv);
  const family = familyOf(name);
  if (!family) return false;
  for (let i = 0; i < args.length; i++) {
    const w = args[i]!;
    if (isCodeFlag(family, w)) return false;
    if (w === '-') return true;
    if (family === 'shell' && /^-[a-zA-Z]*s[a-zA-Z]*$/.test(w)) return true;
    if (w === '--') return i + 1 >= args.length;
    if (WITH_VALUE[family].has(w)) {
      i++;
      continue;
    }
    if (w.startsWith('-') || (family === 'shell' && w.startsWith('+'))) continue;
    return false; // a script file: not stdin
  }
  return true;
}

/** `$(curl …)` / `` `wget …` `` inside a word. */
const SUBSTITUTED_DOWNLOAD = /(?:\$\(|`)\s*(?:sudo\s+(?:-\S+\s+)*)?(?:\S*\/)?(?:curl|wget)\b/;
/** `bash <(curl …)`, `source <(wget …)`, `python3 <(curl …)`. */
const PROCESS_SUBSTITUTION =
  /(?:^|[\s;&|(])(?:\S*\/)?(?:sh|bash|zsh|dash|ash|ksh|python[\d.]*|node|perl|ruby|source|\.)\s+(?:[-+]\S+\s+)*<\(\s*(?:sudo\s+(?:-\S+\s+)*)?(?:\S*\/)?(?:curl|wget)\b/m;

function pipeFinding(cmds: readonly ShellCommand[]): string | undefined {
  for (const line of pipelines(cmds)) {
    const first = line.findIndex((c) => DOWNLOADERS.has(programOf(c.argv).name));
    if (first < 0) continue;
    const sink = line.slice(first + 1).find((c) => runsStdin(c.argv));
    if (sink) return `pipes a ${programOf(line[first]!.argv).name} download into ${programOf(sink.argv).name}`;
  }
  return undefined;
}

function substitutionFinding(cmds: readonly ShellCommand[]): string | undefined {
  for (const c of cmds) {
    const { name, args } = programOf(c.argv);
    const runsCode = familyOf(name) !== undefined || name === 'eval' || name === 'source' || name === '.';
    if (!runsCode) continue;
    const w = args.find((a) => SUBSTITUTED_DOWNLOAD.test(a));
    if (w !== undefined) return `runs the output of a ${/wget/.test(w) ? 'wget' : 'curl'} download with ${name}`;
  }
  return undefined;
}

const DOWNLOADER_NAMES = ['curl', 'wget'];

function runFinding(ins: Instruction): string | undefined {
  // every finding below needs a curl or wget the RUN runs
  if (!mayMention(ins, DOWNLOADER_NAMES)) return undefined;
  const cmds = commandsDeep(ins);
  const reason = pipeFinding(cmds) ?? substitutionFinding(cmds);
  if (reason) return reason;
  const text = ins.json ? ins.json.join(' ') : runScript(ins);
  const m = PROCESS_SUBSTITUTION.exec(text);
  if (m) return `runs a download through process substitution (${m[0].trim().split(/\s+/)[0]!.replace(/^.*\//, '')} <(...))`;
  return undefined;
}

/** Only the scheme and host of a URL go into a message (a query string may hold a token). */
function hostOf(url: string): string {
  const m = /^(https?):\/\/([^/?#@]*@)?([^/?#]+)/i.exec(url);
  return m ? `${m[1]!.toLowerCase()}://${m[3]}` : 'a remote URL';
}

function pinnedGit(url: string): boolean {
  const hash = url.indexOf('#');
  if (hash < 0) return false;
  const base = url.slice(0, hash);
  const ref = url.slice(hash + 1).split(':')[0]!;
  return /\.git$/i.test(base) && /^[0-9a-f]{40}([0-9a-f]{24})?$/i.test(ref);
}

function addFinding(ctx: DockerfileContext, ins: Instruction): string | undefined {
  const ops = copyOperands(ctx.model, ins);
  if (!ops) return undefined;
  const remote = ops.sources.filter((s) => /^https?:\/\//i.test(s));
  if (remote.length === 0) return undefined;
  const owner = ctx.model.stages[ins.stageIndex];
  const checksum = ins.flags['checksum']?.[0];
  if (checksum !== undefined) {
    const value = owner ? expand(checksum, variablesAt(ctx.model, owner, ins)) : checksum;
    if (value.includes('$') || /^(sha256|sha384|sha512):[0-9a-f]{32,}$/i.test(value) || /^[0-9a-f]{40}([0-9a-f]{24})?$/i.test(value)) return undefined;
    return `fetches ${hostOf(remote[0]!)} with a --checksum that is not a sha256/sha384/sha512 digest`;
  }
  const unpinned = remote.filter((u) => !pinnedGit(u));
  if (unpinned.length === 0) return undefined;
  const hosts = [...new Set(unpinned.map(hostOf))].join(', ');
  return `fetches ${hosts} without --checksum`;
}

export const rule: DockerfileRule = {
  meta,
  check(ctx: DockerfileContext): RuleHit[] {
    const hits: RuleHit[] = [];
    for (const stage of ctx.model.stages) {
      for (const ins of stage.instructions) {
        let reason: string | undefined;
        if (ins.keyword === 'RUN') reason = runFinding(ins);
        else if (ins.keyword === 'ADD') reason = addFinding(ctx, ins);
        if (!reason) continue;
        hits.push({
          line: ins.line,
          endLine: ins.endLine,
          key: insKey(stage, ins),
          message: `${ins.keyword} in stage ${stageLabel(stage)} ${reason}: remote content enters the build with no integrity check.`,
        });
      }
    }
    return hits;
  },
};
