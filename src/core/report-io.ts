/**
 * The report JSON written next to the SARIF (the machine-readable result of one scan): compact,
 * exactly `JSON.stringify(report)` and a newline, streamed — the findings are serialised one at a
 * time into batches of about 1 MiB, never as one giant JSON.stringify of the whole report.
 */
import { writeSync } from 'node:fs';
import type { Report } from './types.js';

const BATCH_CHARS = 1 << 20;

/**
 * The report split around its findings array: `open` is the text up to and including `"findings":[`,
 * `close` the text after the array's `]` (newline included); undefined when the report does not have
 * that shape (a hand-made object), which is then written the plain way.
 */
function reportFrame(report: Report): { findings: unknown[]; open: string; close: string } | undefined {
  const fields = report as unknown as Record<string, unknown>;
  const findings: unknown = fields['findings'];
  // `findings: []` keeps the key where it is; the keys before it give the text before the array
  const shell = JSON.stringify({ ...fields, findings: [] });
  const before: Record<string, unknown> = {};
  for (const k of Object.keys(fields)) {
    if (k === 'findings') break;
    before[k] = fields[k];
  }
  const b = JSON.stringify(before);
  const open = `${b === '{}' ? '{' : `${b.slice(0, -1)},`}"findings":[`;
  if (!Array.isArray(findings) || !shell.startsWith(`${open}]`)) return undefined;
  return { findings: findings as unknown[], open, close: `${shell.slice(open.length)}\n` };
}

/**
 * Streams `JSON.stringify(report) + '\n'` into `write`, in pieces of about 1 MiB: the report
 * without its findings is stringified once, and the findings array is written in between, one
 * finding at a time (each exactly as JSON.stringify writes an array element).
 */
export function streamReportJson(report: Report, write: (chunk: string) => void): void {
  const frame = reportFrame(report);
  if (!frame) {
    // not the shape a report has (a hand-made object): the plain way
    write(`${JSON.stringify(report)}\n`);
    return;
  }
  const { findings, open, close } = frame;
  let parts: string[] = [open];
  let pending = open.length;
  for (let i = 0; i < findings.length; i++) {
    // an array element JSON.stringify cannot represent (undefined, a function) is written as null
    const t = (JSON.stringify(findings[i]) as string | undefined) ?? 'null';
    parts.push(i === 0 ? t : `,${t}`);
    pending += t.length + 1;
    if (pending >= BATCH_CHARS) {
      write(parts.join(''));
      parts = [];
      pending = 0;
    }
  }
  parts.push(close);
  write(parts.join(''));
}

/** The report JSON as one string (stdout); files are better written with writeReportJson. */
export function reportJson(report: Report): string {
  const chunks: string[] = [];
  streamReportJson(report, (c) => void chunks.push(c));
  return chunks.length === 1 ? chunks[0]! : chunks.join('');
}

/** Streams the report JSON into an open file (the safe writer's descriptor, src/core/safe-write.ts). */
export function writeReportJsonFd(fd: number, report: Report): void {
  streamReportJson(report, (chunk) => {
    const buf = Buffer.from(chunk, 'utf8');
    for (let off = 0; off < buf.length; ) off += writeSync(fd, buf, off, buf.length - off);
  });
}
