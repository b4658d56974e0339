/**
 * The USER, COPY and ADD values BuildKit cannot expand (`${X:?…}` with X unset, a bad modifier):
 * the build stops there, so the instruction is reported on its line (an MCG991), as ARG, ENV and
 * FROM values are — never left to a rule that can only say "cannot tell" and stay quiet.
 */
import type { DockerfileModel, ParseIssue } from './model.js';
export declare function operandIssues(model: DockerfileModel, issues: ParseIssue[]): void;
