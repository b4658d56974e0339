/**
 * What the main step hands to the post step (action.yml `runs.post`, src/action/post.ts), through
 * the runner's step state (core.saveState → STATE_* in the post step): the run's label, whether an
 * image was built, and what the Trivy DB cache needs to be saved. Recorded as soon as it is known,
 * so a main step that fails or is cut short still leaves the post step what it needs.
 */
import * as core from '@actions/core';
import { randomBytes } from 'node:crypto';
import type { Exec } from '../core/types.js';
import type { TrivyCacheState } from './trivy-cache.js';

/** The Docker label every image this run builds carries: `<RUN_LABEL_KEY>=<run label>`. */
export const RUN_LABEL_KEY = 'io.github.mcp-container-guard.run';

const STATE = { label: 'mcg-run-label', built: 'mcg-built', trivy: 'mcg-trivy-cache' } as const;

export interface PostState {
  label?: string;
  /** An image build was started (so there may be something to remove). */
  built: boolean;
  trivy?: TrivyCacheState;
}

/** A fresh label for this run (run id, attempt, random part), recorded for the post step. */
export function startRun(env: Record<string, string | undefined>, save: (name: string, value: string) => void = core.saveState): string {
  const part = (v: string | undefined, d: string): string => (v ?? d).replace(/[^A-Za-z0-9]/g, '').slice(0, 20) || d;
  const label = `${part(env['GITHUB_RUN_ID'], 'local')}-${part(env['GITHUB_RUN_ATTEMPT'], '1')}-${randomBytes(6).toString('hex')}`;
  save(STATE.label, label);
  return label;
}

/** Where `docker build` / `docker buildx build` takes its options (after the subcommand), else -1. */
function buildOptionsAt(args: readonly string[]): number {
  if (args[0] === 'build') return 1;
  if (args[0] === 'buildx' && args[1] === 'build') return 2;
  return -1;
}

/** `exec` that labels every image build with the run's label, and records that a build was started. */
export function labelBuilds(exec: Exec, label: string, save: (name: string, value: string) => void = core.saveState): Exec {
  let recorded = false;
  return (file, args, options) => {
    const at = buildOptionsAt(args);
    if (at < 0) return exec(file, args, options);
    if (!recorded) save(STATE.built, 'true');
    recorded = true;
    return exec(file, [...args.slice(0, at), '--label', `${RUN_LABEL_KEY}=${label}`, ...args.slice(at)], options);
  };
}

export function recordTrivyCache(s: TrivyCacheState | undefined, save: (name: string, value: string) => void = core.saveState): void {
  if (s) save(STATE.trivy, JSON.stringify(s));
}

function trivyState(text: string): TrivyCacheState | undefined {
  if (text === '') return undefined;
  try {
    const v = JSON.parse(text) as Partial<TrivyCacheState>;
    const strings = (a: unknown): a is string[] => Array.isArray(a) && a.length > 0 && a.every((x) => typeof x === 'string' && x !== '');
    if (typeof v.key !== 'string' || !strings(v.paths) || typeof v.restoreFailed !== 'boolean') return undefined;
    return v as TrivyCacheState;
  } catch {
    return undefined;
  }
}

export function readPostState(get: (name: string) => string = core.getState): PostState {
  const label = get(STATE.label);
  return {
    label: /^[A-Za-z0-9-]{1,80}$/.test(label) ? label : undefined,
    built: get(STATE.built) === 'true',
    trivy: trivyState(get(STATE.trivy)),
  };
}
