/**
 * The USER, COPY and ADD values BuildKit cannot expand (`${X:?…}` with X unset, a bad modifier):
 * the build stops there, so the instruction is reported on its line (an MCG991), as ARG, ENV and
 * FROM values are — never left to a rule that can only say "cannot tell" and stay quiet.
 */
import type { DockerfileModel, ParseIssue } from './model.js';
import { copyValues, userValue } from './values.js';

export function operandIssues(model: DockerfileModel, issues: ParseIssue[]): void {
  for (const stage of model.stages) {
    for (const ins of stage.instructions) {
      const r = ins.keyword === 'USER' ? userValue(model, stage, ins) : ins.keyword === 'COPY' || ins.keyword === 'ADD' ? copyValues(model, stage, ins) : undefined;
      if (r && !r.ok) issues.push({ line: ins.line, message: `variable expansion in ${ins.keyword}: BuildKit cannot expand it (${r.error}): the build fails here`, fatal: false });
    }
  }
}
