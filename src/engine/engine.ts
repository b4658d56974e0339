/**
 * The in-process rule engine: turns files into findings. Pure apart from what the caller
 * passes in; no file system access here (see scan.ts for the part that reads files).
 */
import type { Finding } from '../core/types.js';
import { parseDockerfile, finalStage, type DockerfileModel } from '../core/dockerfile/model.js';
import type { BuildContextInfo, DockerfileRule, ImageFacts } from '../rules/types.js';
import { hitToFinding, inputErrorFinding, ruleEnabled, type RuleSettings } from '../core/rule-hits.js';

export interface DockerfileInput {
  path: string;
  text: string;
  /** The file's model when the caller has parsed it already (parsed once per target). */
  model?: DockerfileModel;
  target: string;
  buildTarget?: string;
  context?: BuildContextInfo;
  image?: ImageFacts;
}

export interface DockerfileResult {
  model: DockerfileModel;
  findings: Finding[];
  /** Nothing in the file could be checked. */
  fatal: boolean;
}

export function checkDockerfile(input: DockerfileInput, rules: readonly DockerfileRule[], settings?: RuleSettings): DockerfileResult {
  const model = input.model ?? parseDockerfile(input.path, input.text);
  const findings: Finding[] = [];
  for (const issue of model.issues) findings.push(inputErrorFinding(input.path, issue.line, issue.message, input.target));
  const fatal = model.issues.some((i) => i.fatal);
  if (fatal) return { model, findings, fatal };
  if (input.context && !input.context.exists) {
    findings.push(
      inputErrorFinding(input.path, 1, `build context "${input.context.dir}" does not exist: checks that read the context were skipped`, input.target),
    );
  }
  const ctx = { path: input.path, model, final: finalStage(model, input.buildTarget), context: input.context, image: input.image };
  for (const rule of rules) {
    if (!ruleEnabled(settings, rule.meta.id)) continue;
    for (const hit of rule.check(ctx)) findings.push(hitToFinding(rule.meta, hit, { path: input.path, target: input.target, settings }));
  }
  return { model, findings, fatal };
}
