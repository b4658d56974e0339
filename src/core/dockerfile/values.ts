/**
 * The values BuildKit's converter works with after expansion, without build arguments: the user a
 * USER sets, the sources and destination of a COPY/ADD, and how a CMD/ENTRYPOINT runs (through the
 * shell or as the JSON array). Expanded with BuildKit's lexer (quotes removed, an unset variable
 * empty); held to BuildKit by test/differential/buildkit-values.test.ts.
 */
import { ExpansionError, mapLookup, processWord } from './expand.js';
import type { DockerfileModel, Instruction, Stage } from './model.js';
import { parseHeredoc } from './reader/heredoc.js';
import { variablesAt } from './stages.js';

/** Expanded values, or the error BuildKit stops at. */
export type Expanded<T> = { ok: true; value: T } | { ok: false; error: string };

function expander(model: DockerfileModel, stage: Stage, ins: Instruction): (w: string) => string {
  const lookup = mapLookup(variablesAt(model, stage, ins));
  return (w) => processWord(w, lookup, { escape: model.escape });
}

function attempt<T>(f: () => T): Expanded<T> {
  try {
    return { ok: true, value: f() };
  } catch (e) {
    if (e instanceof ExpansionError) return { ok: false, error: e.message };
    throw e;
  }
}

/** The user a USER instruction sets, after expansion. */
export function userValue(model: DockerfileModel, stage: Stage, ins: Instruction): Expanded<string> {
  const word = expander(model, stage, ins);
  return attempt(() => word(ins.rest));
}

/**
 * The sources (heredoc sources left out, as BuildKit keeps them apart) and the destination of a
 * COPY/ADD after expansion; `--chown`, `--chmod` (and ADD's `--checksum`) are expanded first, as
 * BuildKit does, so an error in them is the instruction's error.
 */
export function copyValues(model: DockerfileModel, stage: Stage, ins: Instruction): Expanded<{ sources: string[]; dest: string }> {
  const words = ins.words ?? [];
  const word = expander(model, stage, ins);
  return attempt(() => {
    const flags = ins.keyword === 'ADD' ? ['chown', 'chmod', 'checksum'] : ['chown', 'chmod'];
    for (const f of flags) {
      const given = ins.flags[f];
      if (given && given.length > 0) word(given[given.length - 1]!);
    }
    const sources = words.slice(0, -1).filter((w) => {
      const h = parseHeredoc(w);
      return h === undefined || h instanceof Error;
    });
    return { sources: sources.map(word), dest: word(words[words.length - 1] ?? '') };
  });
}

/** How a CMD or ENTRYPOINT runs: the JSON array as it is, or the shell form's text for the shell. */
export function startupForm(ins: Instruction): { form: 'exec' | 'shell'; args: string[] } {
  if (ins.json) return { form: 'exec', args: [...ins.json] };
  return { form: 'shell', args: ins.rest === '' ? [] : [ins.rest] };
}
