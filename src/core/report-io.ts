/** The report JSON written next to the SARIF (the machine-readable result of one scan). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Report } from './types.js';

export function reportJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

export function writeReportJson(path: string, report: Report): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, reportJson(report));
}
