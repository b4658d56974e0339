/** Every human-facing rendering of a merged Report. Pure: no I/O, no @actions/*. */
export { escapeMarkdownText, codeSpan, escapeWorkflowCommandData, escapeWorkflowCommandProperty, escapeHtmlText, plainText, safeHttpUrl } from './escape.js';
export { renderTable, type TableOptions } from './table.js';
export { renderMarkdown, type MarkdownOptions } from './markdown.js';
export { commentMarker, buildComment, hasMarker, COMMENT_MARKER_PREFIX, type CommentOptions } from './comment.js';
export { buildSummary, type SummaryOptions } from './summary.js';
export { buildAnnotationCommands, type AnnotationCommandOptions } from './annotations.js';
export { buildCheckRunOutput, batches, checkRunConclusion, type CheckRunAnnotation, type CheckRunOutput, type CheckRunOptions } from './check-run.js';
export { scopeToTarget } from './common.js';
export * from './limits.js';
