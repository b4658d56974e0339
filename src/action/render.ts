/**
 * The one seam between the publisher and the renderers (src/reporters, pure functions of a Report).
 * main.ts talks only to this object, so a renderer's signature change is a one-file change.
 */
import type { Report } from '../core/types.js';
import type { CheckRunOutput, Conclusion } from './check-run.js';
import { buildAnnotationCommands, buildCheckRunOutput, buildComment, buildSummary, checkRunConclusion, commentMarker } from '../reporters/index.js';

export interface Renderers {
  marker(o: { workflow: string; job: string; target: string }): string;
  comment(report: Report, o: { marker: string; target: string; linkBase: string; runUrl?: string; maxChars: number }): string;
  summary(report: Report): string;
  annotationCommands(report: Report, changed?: Map<string, Set<number>>): string[];
  checkRunOutput(report: Report, o: { title: string; linkBase?: string; changedLines?: Map<string, Set<number>> }): CheckRunOutput;
  conclusion(report: Report): Conclusion;
}

export const renderers: Renderers = {
  marker: (o) => commentMarker(o),
  comment: (report, o) => buildComment(report, o),
  summary: (report) => buildSummary(report),
  annotationCommands: (report, changed) => buildAnnotationCommands(report, { changedLines: changed }),
  checkRunOutput: (report, o) => buildCheckRunOutput(report, { title: o.title, linkBase: o.linkBase, changedLines: o.changedLines }),
  conclusion: (report) => checkRunConclusion(report),
};
