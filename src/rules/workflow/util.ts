/** What the workflow rules know about image builds and image scanners. Pure. */
import type { WorkflowModel, WorkflowStep } from '../../core/yaml/models.js';

/** `owner/repo[/path]@ref` of a `uses:` value; undefined for local (`./`) and `docker://` references. */
export function parseUses(uses: string): { action: string; owner: string; ref: string } | undefined {
  const u = uses.trim();
  if (u.startsWith('./') || u.startsWith('docker://')) return undefined;
  const at = u.lastIndexOf('@');
  if (at <= 0) return { action: u, owner: u.split('/')[0]!.toLowerCase(), ref: '' };
  const action = u.slice(0, at);
  return { action, owner: action.split('/')[0]!.toLowerCase(), ref: u.slice(at + 1) };
}

const BUILD_ACTIONS = /^(docker\/build-push-action|docker\/bake-action|redhat-actions\/buildah-build|redhat-actions\/push-to-registry)$/i;
const BUILD_COMMAND = /(^|[\s;&|(`])(docker|podman)(\s+-{1,2}[\w-]+(=\S+)?)*\s+((buildx\s+)?(build|bake)|image\s+build|push|image\s+push)\b|(^|[\s;&|(`])buildah\s+(bud|build|push)\b/m;

const SCAN_ACTIONS =
  /^(aquasecurity\/trivy-action|anchore\/scan-action|snyk\/actions(\/[\w-]+)?|docker\/scout-action|crazy-max\/ghaction-container-scan|[\w.-]+\/mcp-container-guard(\/[\w./-]+)?|lacework\/lw-scanner-action|sysdiglabs\/scan-action)$/i;
const SCAN_COMMAND = /(^|[\s;&|(`/])(trivy\s+(image|i|fs|rootfs|repo|config)\b|grype\b|snyk\s+container\b|docker\s+scout\s+(cves|quickview|recommendations)\b|mcg\s+scan\b|mcp-container-guard\b)/m;

export function isBuildStep(step: WorkflowStep): boolean {
  if (step.uses) {
    const u = parseUses(step.uses.value);
    if (u && BUILD_ACTIONS.test(u.action)) return true;
  }
  return step.run !== undefined && BUILD_COMMAND.test(step.run.value);
}

export function isScanStep(step: WorkflowStep): boolean {
  if (step.uses) {
    const u = parseUses(step.uses.value);
    if (u && SCAN_ACTIONS.test(u.action)) return true;
  }
  return step.run !== undefined && SCAN_COMMAND.test(step.run.value);
}

/** Steps that build or push an image. */
export function buildSteps(wf: WorkflowModel): WorkflowStep[] {
  return wf.jobs.flatMap((j) => j.steps.filter(isBuildStep));
}

/** True when some job scans an image: a scanner step, or a call of a reusable scanning workflow. */
export function scansImage(wf: WorkflowModel): boolean {
  return wf.jobs.some((j) => (j.uses !== undefined && /mcp-container-guard|trivy|grype|snyk|scout/i.test(j.uses.value)) || j.steps.some(isScanStep));
}
