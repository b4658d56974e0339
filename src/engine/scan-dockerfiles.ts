/** The scan's Dockerfile phase: each target read, parsed once, run through the image pipeline when asked, then the Dockerfile rules. */
import type { DockerfileTarget } from '../core/discover.js';
import type { BuiltTarget } from '../core/mcp/built-image.js';
import type { ImageFacts } from '../core/image/model.js';
import { parseDockerfile } from '../core/dockerfile/model.js';
import { readText, underRoot } from '../core/files.js';
import { inputErrorFinding } from '../core/rule-hits.js';
import { settleVex } from '../core/vex/scan-vex.js';
import { dockerfileRules } from '../rules/index.js';
import { checkDockerfile } from './engine.js';
import { ContextLister } from './context-listing.js';
import type { ScanRun, ScanState } from './scan-state.js';
import { appendAll } from '../core/arrays.js';

export interface DockerfilePhase {
  checked: number;
  /** Time spent in the image pipeline (it reports its own scanners' times). */
  pipelineMs: number;
  /** The images this scan built, for the MCP files that describe them. */
  built: BuiltTarget[];
}

export async function scanDockerfiles(s: ScanState, run: ScanRun, dockerfiles: readonly DockerfileTarget[]): Promise<DockerfilePhase> {
  const { root, opts, config } = run;
  const contexts = new ContextLister(root, run.listings);
  const out: DockerfilePhase = { checked: 0, pipelineMs: 0, built: [] };
  for (const t of dockerfiles) {
    const abs = underRoot(root, t.dockerfile);
    const r = readText(abs, undefined, true);
    s.targets.push({ name: t.name, dockerfile: t.dockerfile, context: t.context });
    if (!r.ok) {
      s.inputError(t.dockerfile, r.line, r.message, t.name);
      s.coverage.notChecked(t.dockerfile, 'dockerfile', r.message);
      continue;
    }
    out.checked++;
    s.coverage.checked(t.dockerfile, 'dockerfile');
    if (r.warning) {
      s.inputError(t.dockerfile, r.warning.line, r.warning.message, t.name);
      s.coverage.partial(t.dockerfile, 'dockerfile', `line ${r.warning.line}: ${r.warning.message}`);
    }
    s.keepLines(t.dockerfile, r.text);
    t.text = r.text;
    // parsed once: the image pipeline and the rules read the same model
    t.model = parseDockerfile(t.dockerfile, r.text);
    const context = contexts.info({ contextAbs: underRoot(root, t.context), dockerfileAbs: abs });
    const image = opts.build || opts.image || opts.imageTar ? await imagePhase(s, run, t, out) : undefined;
    const res = checkDockerfile({ path: t.dockerfile, text: r.text, model: t.model, target: t.name, buildTarget: opts.buildTarget, context, image }, dockerfileRules, config.rules);
    s.addChecked(res.findings, 'dockerfile');
    // neither the text nor the model is kept past its own file: 10,000 retained models made the
    // garbage collector copy them again and again (~18% of the engine's time)
    t.text = undefined;
    t.model = undefined;
  }
  return out;
}

/** The image pipeline for one target (build or given image, image rules, scanners); what it learnt of the image. */
async function imagePhase(s: ScanState, run: ScanRun, t: DockerfileTarget, out: DockerfilePhase): Promise<ImageFacts | undefined> {
  const { opts, deps, vex } = run;
  if (!deps.imagePipeline) {
    s.findings.push({
      ...inputErrorFinding(t.dockerfile, 1, 'image scanning was requested but this build has no image pipeline', t.name),
      ruleId: 'MCG990',
      severity: 'critical',
      error: true,
    });
    return undefined;
  }
  const p0 = Date.now();
  const res = await deps.imagePipeline.run(t, { ...opts, vex: vex.paths }, run.config);
  out.pipelineMs += Date.now() - p0;
  const imageNames = [res.info.image, opts.image].filter((n): n is string => !!n);
  for (const n of settleVex(res.findings, vex, { target: t.name, imageNames }, run.root)) deps.logger.warning(`${n.where}: ${n.message}`);
  appendAll(s.findings, res.findings);
  for (const st of res.scanners) s.scanners.push(st);
  Object.assign(s.targets[s.targets.length - 1]!, res.info);
  const image = res.image;
  if (image?.labels) out.built.push({ context: t.context, dockerfile: t.dockerfile, labels: image.labels, ref: opts.image, proven: res.info.probe?.proven });
  for (const [p, l] of res.files ?? []) s.fileLines.set(p, l);
  for (const c of res.coverage ?? []) s.coverage.record(c);
  return image;
}
