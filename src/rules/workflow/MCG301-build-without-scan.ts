import type { RuleMeta } from '../../core/types.js';
import type { WorkflowRule } from '../yaml-types.js';
import { buildSteps, parseUses, scansImage } from './util.js';

const meta: RuleMeta = {
  id: 'MCG301',
  name: 'build-without-scan',
  title: 'Workflow builds an image without scanning it',
  severity: 'medium',
  kind: 'workflow',
  description:
    'A workflow builds or pushes a container image (`docker build`/`push`, `docker buildx build`, `docker/build-push-action` …) and none of its jobs scans an image (MCP Container Guard, Trivy, Grype, Snyk, Docker Scout).',
  rationale:
    'An image that is built and pushed without a scan ships its known vulnerabilities and leaked secrets unseen; the workflow that builds it is the one place where a scan can stop it.',
  fix: 'Add a scanning job or step to the workflow, e.g. `uses: mcp-container-guard/mcp-container-guard@<sha>` after the build, before the push.',
  tags: ['security', 'workflow', 'supply-chain'],
  precision: 'high',
};

export const rule: WorkflowRule = {
  meta,
  check: (ctx) => {
    const builds = buildSteps(ctx);
    if (builds.length === 0 || scansImage(ctx)) return [];
    return builds.map((s) => {
      const how = s.uses ? (parseUses(s.uses.value)?.action ?? s.uses.value) : 'a docker command';
      return {
        line: s.uses?.line ?? s.run?.line ?? s.line,
        key: `${s.key}`,
        message: `This step builds or pushes an image (${how}) and no job of the workflow scans it.`,
      };
    });
  },
};
