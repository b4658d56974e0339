/**
 * The runtime probe as one step of the image pipeline (issue #20): decide whether it can run
 * (`runtime-probe` auto/true/false, an image the engine has, an engine that runs Linux
 * containers, the stdio transport), run the bounded search with the SDK client, turn the verdict
 * into findings (src/rules/probe) and one coverage-ledger line, and remove every container the
 * run labelled, whatever happened.
 */
import { randomBytes } from 'node:crypto';
import type { CoverageEntry, Exec, Finding, Logger } from '../core/types.js';
import type { RuleSettings } from '../core/rule-hits.js';
import type { DockerfileModel, Stage } from '../core/dockerfile/model.js';
import { leastPrivilege, PROBE_LABEL } from '../core/probe/profile.js';
import { searchProfile, type ProbeTool, type ProbeVerdict } from '../core/probe/search.js';
import { diffSurface } from '../core/probe/surface.js';
import { summarize, type ProbeOptions, type ProbeSummary, type SurfaceDriftSummary } from '../core/probe/options.js';
import { SecretRegistry } from '../core/secret-registry.js';
import { checkProbe } from '../rules/probe/index.js';
import { scannerErrorFinding } from '../scanners/errors.js';
import { startOnce } from '../scanners/probe/client.js';

export interface ProbeRunDeps {
  exec: Exec;
  docker: string;
  env: Record<string, string>;
  logger: Logger;
}

export interface ProbeRunInput {
  /** The image reference the engine has; undefined with `noImage` saying why. */
  image?: string;
  noImage?: string;
  /** The image config's User. */
  imageUser: string;
  path: string;
  model: DockerfileModel;
  final: Stage;
  target: string;
  settings?: RuleSettings;
  options: ProbeOptions;
  /** The tool surface the baseline recorded for this target, or why there is none to compare. */
  baseline: { tools: readonly ProbeTool[] } | { none: string };
}

export interface ProbeRunResult {
  findings: Finding[];
  coverage?: CoverageEntry;
  summary?: ProbeSummary;
}

/**
 * Removes every container carrying the probe label (of one run, or of all runs) and waits until
 * `docker ps -a` no longer lists them (a removal on a slow storage driver is still "in progress"
 * when `rm -f` returns); returns how many were listed at first.
 */
export async function removeProbeContainers(d: Pick<ProbeRunDeps, 'exec' | 'docker' | 'env'>, runId?: string): Promise<number> {
  const filter = runId ? `label=${PROBE_LABEL}=${runId}` : `label=${PROBE_LABEL}`;
  const list = async (): Promise<string[]> => {
    const ps = await d.exec(d.docker, ['ps', '-aq', '--filter', filter], { env: d.env, timeoutMs: 60_000 });
    return ps.exitCode === 0 ? ps.stdout.split(/\s+/).filter(Boolean) : [];
  };
  let ids = await list();
  const first = ids.length;
  for (let i = 0; i < 60 && ids.length > 0; i++) {
    await d.exec(d.docker, ['rm', '-f', ...ids], { env: d.env, timeoutMs: 120_000 });
    ids = await list();
    if (ids.length > 0) await new Promise((r) => setTimeout(r, 1000));
  }
  return first;
}

/** Why the engine cannot run the probe's containers, or undefined when it can. */
async function engineCannotRun(d: ProbeRunDeps): Promise<string | undefined> {
  const r = await d.exec(d.docker, ['info', '--format', '{{.OSType}}'], { env: d.env, timeoutMs: 60_000 }).catch((e: unknown) => ({ exitCode: -1, stdout: '', stderr: String(e) }));
  if (r.exitCode !== 0) return `the container engine is not reachable (docker info exited ${r.exitCode})`;
  if (r.stdout.trim() !== 'linux') return `the container engine runs ${r.stdout.trim() || 'unknown'} containers, not Linux ones`;
  return undefined;
}

function driftOf(verdict: ProbeVerdict, baseline: ProbeRunInput['baseline']): SurfaceDriftSummary {
  if ('none' in baseline) return { compared: false, reason: baseline.none };
  const passed = [...verdict.attempts].reverse().find((a) => a.ok);
  if (!passed) return { compared: false, reason: 'no start completed the handshake' };
  const d = diffSurface(baseline.tools, passed.tools ?? []);
  return { compared: true, added: d.added.length, removed: d.removed.length, changed: d.changed.length };
}

function whyNot(i: ProbeRunInput): string | undefined {
  if (i.options.mode === 'false') return 'runtime-probe is false';
  if (!i.image) return i.noImage ?? 'no image to start';
  if (i.options.transport === 'http') return 'the Streamable HTTP transport is not supported by the probe yet (probe-transport: http)';
  return undefined;
}

export async function runProbe(d: ProbeRunDeps, i: ProbeRunInput): Promise<ProbeRunResult> {
  const ledger = (status: CoverageEntry['status'], reason?: string): CoverageEntry => ({ path: i.path, kind: 'runtime-probe', status, ...(reason ? { reason } : {}) });
  const cannot = whyNot(i) ?? (await engineCannotRun(d));
  if (cannot) {
    if (i.options.mode === 'false') return { findings: [], coverage: ledger('not-checked', cannot) };
    const findings =
      i.options.mode === 'true'
        ? [scannerErrorFinding({ tool: 'runtime probe', path: i.path, line: i.final.from.line, target: i.target, message: `The runtime probe was requested (runtime-probe: true) but could not run: ${cannot}.`, key: 'probe' })]
        : [];
    if (findings.length === 0) d.logger.info(`runtime probe of ${i.target} not run: ${cannot}`);
    return { findings, coverage: ledger('not-checked', cannot) };
  }
  const secrets = new SecretRegistry();
  for (const v of Object.values(i.options.env)) secrets.add(v);
  const runId = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const timeoutMs = i.options.timeoutSeconds * 1000;
  const startDeps = { exec: d.exec, docker: d.docker, env: d.env, probeEnv: i.options.env, runId, timeoutMs, redact: (s: string) => secrets.redact(s) };
  const image = i.image!;
  try {
    const profile = leastPrivilege({ imageUser: i.imageUser, transport: 'stdio' });
    const verdict = await searchProfile(profile, (flags) => startOnce(startDeps, image, flags));
    d.logger.info(`runtime probe of ${i.target}: ${verdict.status}${verdict.culprits.length > 0 ? ` (not with ${verdict.culprits.join(', ')})` : ''} after ${verdict.attempts.length} start(s)`);
    const baseline = 'tools' in i.baseline ? i.baseline.tools : undefined;
    const findings = checkProbe({ path: i.path, model: i.model, final: i.final, verdict, baseline }, i.target, i.settings);
    const summary: ProbeSummary = { ...summarize(verdict, image, Object.keys(i.options.env)), drift: driftOf(verdict, i.baseline) };
    return { findings, coverage: ledger('checked'), summary };
  } catch (e) {
    const msg = secrets.redact(e instanceof Error ? e.message : String(e));
    return { findings: [scannerErrorFinding({ tool: 'runtime probe', path: i.path, line: i.final.from.line, target: i.target, message: `The runtime probe failed: ${msg}`, key: 'probe' })], coverage: ledger('not-checked', msg) };
  } finally {
    await removeProbeContainers(d, runId).catch(() => undefined);
  }
}
