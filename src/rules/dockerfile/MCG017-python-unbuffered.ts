import type { RuleHit, RuleMeta } from '../../core/types.js';
import type { DockerfileModel, ImageRef, Stage } from '../../core/dockerfile/model.js';
import { expand, rootImage, variablesAt } from '../../core/dockerfile/model.js';
import type { ShellCommand } from '../../core/dockerfile/shell.js';
import type { DockerfileContext, DockerfileRule } from '../types.js';
import { fromKey, stageLabel } from './util.js';
import { chainPlaced, commandsDeep, isPipProgram, isPythonProgram, programOf, startupOf } from './runtime.js';

const meta: RuleMeta = {
  id: 'MCG017',
  name: 'python-unbuffered',
  title: 'Python runtime without PYTHONUNBUFFERED',
  severity: 'info',
  kind: 'dockerfile',
  description:
    'The final stage is a Python runtime (a `python*` base, or its RUN/CMD/ENTRYPOINT use python, pip, uv, gunicorn, uvicorn …) and neither sets `ENV PYTHONUNBUFFERED=1` nor starts Python with `-u`.',
  rationale:
    'Without a terminal, CPython block-buffers stdout. Log lines of the server reach `docker logs` and the log collector late and in bursts, interleave wrongly with stderr, and the last lines before a crash or a SIGKILL are lost — exactly the ones needed to debug it. MCP servers on stdio flush their protocol messages themselves, but their diagnostics still lag.',
  fix: 'Add `ENV PYTHONUNBUFFERED=1` to the final stage (any non-empty value works), or start the server with `python -u`.',
  tags: ['observability', 'python', 'container'],
  precision: 'high',
};

const PYTHON_TOOLS = new Set(['uv', 'uvx', 'gunicorn', 'uvicorn', 'hypercorn', 'daphne', 'poetry', 'pipenv', 'granian']);

function pythonBase(img: ImageRef | undefined): boolean {
  if (!img || img.unresolved || img.scratch) return false;
  const last = img.repository.split('/').pop() ?? '';
  return /^(python|pypy)/.test(last) || /python/.test(img.tag ?? '');
}

function pythonCommand(cmds: readonly ShellCommand[]): string | undefined {
  for (const c of cmds) {
    const { name } = programOf(c.argv);
    if (isPythonProgram(name) || isPipProgram(name) || PYTHON_TOOLS.has(name)) return name;
  }
  return undefined;
}

/** `python -u …`, `python -Bu …`, `python -um app`: unbuffered by option. */
export function pythonDashU(argv: readonly string[]): boolean {
  const { name, args } = programOf(argv);
  if (!isPythonProgram(name)) return false;
  for (const a of args) {
    if (/^-[a-zA-Z]+$/.test(a)) {
      if (a.includes('u')) return true;
      if (/[cmWX]$/.test(a)) return false;
      continue;
    }
    if (a.startsWith('--')) continue;
    return false;
  }
  return false;
}

function setsUnbuffered(c: ShellCommand): boolean {
  return [...c.assignments, ...c.argv].some((w) => /^PYTHONUNBUFFERED=.+/.test(w));
}

function envUnbuffered(model: DockerfileModel, stage: Stage): boolean {
  let set = false;
  for (const { ins, stage: owner } of chainPlaced(model, stage)) {
    if (ins.keyword !== 'ENV') continue;
    for (const p of ins.properties) {
      if (p.name !== 'PYTHONUNBUFFERED') continue;
      const v = p.value === undefined ? '' : expand(p.value, variablesAt(model, owner, ins));
      set = v !== '';
    }
  }
  return set;
}

export const rule: DockerfileRule = {
  meta,
  check(ctx: DockerfileContext): RuleHit[] {
    const stage = ctx.final;
    if (!stage) return [];
    const img = rootImage(ctx.model, stage);
    let why = pythonBase(img) ? `its base ${img!.ref} is a Python image` : undefined;
    if (!why) {
      for (const { ins } of chainPlaced(ctx.model, stage)) {
        if (ins.keyword !== 'RUN' && ins.keyword !== 'CMD' && ins.keyword !== 'ENTRYPOINT') continue;
        const used = pythonCommand(commandsDeep(ins));
        if (used) {
          why = `its ${ins.keyword} uses ${used}`;
          break;
        }
      }
    }
    if (!why || envUnbuffered(ctx.model, stage)) return [];
    const { entrypoint, cmd } = startupOf(ctx.model, stage);
    const start = [entrypoint, entrypoint && !entrypoint.ins.json ? undefined : cmd].flatMap((p) => (p ? commandsDeep(p.ins) : []));
    if (start.some((c) => pythonDashU(c.argv) || setsUnbuffered(c))) return [];
    if (entrypoint?.ins.json && cmd?.ins.json && pythonDashU([...entrypoint.ins.json, ...cmd.ins.json])) return [];
    return [
      {
        line: stage.from.line,
        endLine: stage.from.endLine,
        key: `${fromKey(stage)}|no-pythonunbuffered`,
        message: `The final stage (${stageLabel(stage)}) runs Python (${why}) without PYTHONUNBUFFERED=1 or python -u: its log output is block-buffered and reaches the container logs late or not at all.`,
      },
    ];
  },
};
