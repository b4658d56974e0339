/**
 * Workflow-command annotations (`::error file=…,line=…::message`): the fork-safe fallback that
 * needs no token. GitHub shows only WORKFLOW_ANNOTATIONS_PER_LEVEL per level and step and drops
 * the rest silently, so the budget goes to the most important findings and a last notice counts
 * what was left out.
 */
import type { Finding, Report } from '../core/types.js';
import { SEVERITY_TABLE } from '../core/severity.js';
import { PRODUCT, findingTitle, isActive, plural, sortByImportance, type Changed } from './common.js';
import { escapeWorkflowCommandData, escapeWorkflowCommandProperty, plainText } from './escape.js';
import { WORKFLOW_ANNOTATIONS_PER_LEVEL, WORKFLOW_ANNOTATION_MESSAGE_MAX } from './limits.js';

export type CommandLevel = 'error' | 'warning' | 'notice';

export const COMMAND_LEVEL: Record<'failure' | 'warning' | 'notice', CommandLevel> = {
  failure: 'error',
  warning: 'warning',
  notice: 'notice',
};

export interface AnnotationCommandOptions {
  /** Added/changed lines per repository path (the PR diff): breaks ties in favour of lines a reviewer sees. */
  changedLines?: Map<string, Set<number>>;
  /** Per level; default and maximum WORKFLOW_ANNOTATIONS_PER_LEVEL. */
  perLevel?: number;
}

export function commandLevel(f: Finding): CommandLevel {
  return COMMAND_LEVEL[SEVERITY_TABLE[f.severity].annotationLevel];
}

/** `MCG001 · Final stage runs as root (high, new, failing)` */
export function annotationTitle(f: Finding, rules: Report['rules']): string {
  return plainText(findingTitle(f, rules), 200);
}

/** Message, then the evidence and the fix hint on their own lines. Plain text. */
export function annotationMessage(f: Finding, max: number): string {
  const lines = [plainText(f.message, Math.max(100, max - 1200))];
  if (f.location.evidence) lines.push(`Where: ${plainText(f.location.evidence, 300)}`);
  if (f.fix) lines.push(`Fix: ${plainText(f.fix, 600)}`);
  return lines.join('\n');
}

export function annotationCommand(f: Finding, rules: Report['rules']): string {
  const { path, startLine, endLine, startColumn, endColumn } = f.location;
  const props: string[] = [`file=${escapeWorkflowCommandProperty(path)}`, `line=${startLine}`];
  const end = endLine !== undefined && endLine >= startLine ? endLine : startLine;
  props.push(`endLine=${end}`);
  // Columns only make sense on a single line (same rule as the checks API).
  if (startColumn !== undefined && end === startLine) {
    props.push(`col=${startColumn}`);
    if (endColumn !== undefined && endColumn >= startColumn) props.push(`endColumn=${endColumn}`);
  }
  props.push(`title=${escapeWorkflowCommandProperty(annotationTitle(f, rules))}`);
  return `::${commandLevel(f)} ${props.join(',')}::${escapeWorkflowCommandData(annotationMessage(f, WORKFLOW_ANNOTATION_MESSAGE_MAX - 96))}`;
}

/**
 * Commands for the unsuppressed findings, most important first (failing & new, severity, lines in
 * the PR diff), at most `perLevel` per level; when some were left out, a final notice counts them
 * — that notice takes one of the notice slots, so it is always shown.
 */
export function buildAnnotationCommands(report: Report, opts: AnnotationCommandOptions = {}): string[] {
  const perLevel = Math.max(1, Math.min(opts.perLevel ?? WORKFLOW_ANNOTATIONS_PER_LEVEL, WORKFLOW_ANNOTATIONS_PER_LEVEL));
  const changed: Changed = opts.changedLines;
  const sorted = sortByImportance(report.findings.filter(isActive), changed);
  const byLevel: Record<CommandLevel, Finding[]> = { error: [], warning: [], notice: [] };
  for (const f of sorted) byLevel[commandLevel(f)].push(f);

  const total = sorted.length;
  const overflow = byLevel.error.length > perLevel || byLevel.warning.length > perLevel || byLevel.notice.length > perLevel;
  // The counting notice needs a notice slot of its own when notices would fill the budget.
  const noticeSlots = overflow && byLevel.notice.length >= perLevel ? perLevel - 1 : perLevel;
  const take: Record<CommandLevel, number> = {
    error: Math.min(perLevel, byLevel.error.length),
    warning: Math.min(perLevel, byLevel.warning.length),
    notice: Math.min(noticeSlots, byLevel.notice.length),
  };
  const chosen = new Set<Finding>([
    ...byLevel.error.slice(0, take.error),
    ...byLevel.warning.slice(0, take.warning),
    ...byLevel.notice.slice(0, take.notice),
  ]);
  // Keep importance order across levels in the log.
  const out = sorted.filter((f) => chosen.has(f)).map((f) => annotationCommand(f, report.rules));
  const left = total - chosen.size;
  if (left > 0) {
    const parts = (['error', 'warning', 'notice'] as const)
      .map((l) => [l, byLevel[l].length - take[l]] as const)
      .filter(([, n]) => n > 0)
      .map(([l, n]) => `${n} ${l}`);
    const msg = `${plural(left, 'more finding')} not annotated here (${parts.join(', ')}): GitHub shows ${perLevel} annotations per level and step. The job summary, the check run and the SARIF log list them all.`;
    out.push(`::notice title=${escapeWorkflowCommandProperty(`${PRODUCT}: ${left} more`)}::${escapeWorkflowCommandData(msg)}`);
  }
  return out;
}
