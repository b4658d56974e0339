/**
 * The action: read the inputs and the run's context, then hand over to the mode's handler
 * (src/action/modes/): full and scan scan the workspace, report publishes what scan jobs left,
 * discover lists the Dockerfiles. Handlers compose the publishers (src/action/publishers/); the
 * verdict is decided once (core/outcome.ts). Every phase is a collapsible group of the job log.
 */
import * as core from '@actions/core';
import { existsSync, readFileSync } from 'node:fs';
import { SecretRegistry } from '../core/secret-registry.js';
import { ActionLog } from './log.js';
import { readInputs } from './inputs.js';
import { runContext } from './context.js';
import { startRun } from './post-state.js';
import type { ModeRun } from './modes/common.js';
import { runScanMode } from './modes/scan.js';
import { runReportMode } from './modes/report.js';
import { runDiscoverMode } from './modes/discover.js';

/** The run's secret registry and the one log writer that redacts with it. */
export function actionLogger(secrets = new SecretRegistry()): ActionLog {
  return new ActionLog(secrets);
}

/** One second in ms; MCG_TEST_SECOND_MS shrinks retry, Retry-After and polling waits in the e2e tests only. */
function secondMs(env: Record<string, string | undefined>): number {
  const v = Number(env['MCG_TEST_SECOND_MS']);
  return Number.isFinite(v) && v > 0 && v <= 1000 ? v : 1000;
}

function readPayload(env: Record<string, string | undefined>): unknown {
  const p = env['GITHUB_EVENT_PATH'];
  if (!p || !existsSync(p)) return {};
  try {
    return JSON.parse(readFileSync(p, 'utf8'));
  } catch {
    return {};
  }
}

const HANDLERS = { full: runScanMode, scan: runScanMode, report: runReportMode, discover: runDiscoverMode } as const;

/** Inputs, secrets and context: everything a mode handler starts from. */
function setUp(env: Record<string, string | undefined>, log: ActionLog): ModeRun {
  const inputs = readInputs((name) => core.getInput(name));
  log.secrets.add(inputs.githubToken);
  // every build-arg value goes to the builder and can be echoed by a failing RUN: all secret
  for (const value of Object.values(inputs.buildArgs)) log.secrets.add(value);
  // the values the server gets at start (probe-env) are secrets too
  for (const value of Object.values(inputs.probe.env)) log.secrets.add(value);
  const payload = readPayload(env);
  return { inputs, ctx: runContext(env, payload), log, env, payload, second: secondMs(env), runLabel: startRun(env) };
}

export async function run(env: Record<string, string | undefined> = process.env): Promise<void> {
  const secrets = new SecretRegistry();
  // environment values with secret-like names (the token among them) are secret from the start
  secrets.addSecretEnv(env);
  const log = actionLogger(secrets);
  try {
    const m = await log.group('Inputs and context', () => setUp(env, log));
    await HANDLERS[m.inputs.mode](m);
  } catch (e) {
    log.setFailed(e instanceof Error ? e.message : String(e));
  }
}
