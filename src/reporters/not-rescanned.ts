/**
 * The "not rescanned" section of mode: report under changed-only (issue #23 item 2): which targets
 * the pull request could not have changed, and why. Their code scanning categories got no upload,
 * so their alerts keep the last results. Every value is untrusted (the matrix names files a pull
 * request chose): escaped as inline text or code spans.
 */
import { codeSpan, escapeMarkdownText } from './escape.js';

export interface NotRescanned {
  target: string;
  dockerfile: string;
  reason: string;
}

/** At most this many targets are listed one by one. */
export const MAX_LISTED = 50;

export function notRescannedSection(entries: readonly NotRescanned[]): string {
  if (entries.length === 0) return '';
  const shown = entries.slice(0, MAX_LISTED).map((e) => `- ${codeSpan(e.dockerfile)} (${codeSpan(e.target)}): ${escapeMarkdownText(e.reason, { max: 400 })}`);
  const more = entries.length > MAX_LISTED ? [`- and ${entries.length - MAX_LISTED} more`] : [];
  return [
    '',
    `### Not rescanned (changed-only): ${entries.length} target${entries.length === 1 ? '' : 's'}`,
    '',
    'The pull request changed nothing these targets build from; their code scanning results stay as the last scan left them.',
    '',
    ...shown,
    ...more,
    '',
  ].join('\n');
}
