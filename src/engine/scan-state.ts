/** What the scan's phases gather, in one place: findings, file lines, input errors, targets, scanners, coverage. */
import type { CoverageKind, Finding, ScannerStatus, TargetInfo } from '../core/types.js';
import type { McgConfig } from '../core/config.js';
import type { Listings } from '../core/files.js';
import type { loadVex } from '../core/vex/scan-vex.js';
import { inputErrorFinding } from '../core/rule-hits.js';
import { CoverageLedger } from '../core/coverage.js';
import type { ScanDeps, ScanOptions } from './scan-types.js';
import { appendAll } from '../core/arrays.js';

/** The lines of a file that holds no inline suppression: the suppression pass finds nothing in either. */
const NO_LINES: readonly string[] = Object.freeze([]);

/** What every phase reads: the confined root, the options, the checkers, the config and the VEX documents. */
export interface ScanRun {
  root: string;
  opts: ScanOptions;
  deps: ScanDeps;
  config: McgConfig;
  vex: ReturnType<typeof loadVex>;
  listings: Listings;
}

export class ScanState {
  readonly findings: Finding[] = [];
  readonly fileLines = new Map<string, readonly string[]>();
  readonly inputErrors: { path: string; line: number; message: string }[] = [];
  readonly targets: TargetInfo[] = [];
  readonly scanners: ScannerStatus[] = [];
  readonly coverage = new CoverageLedger();

  /** An MCG991 finding (and its input error) for a file or part of one that could not be checked. */
  inputError(path: string, line: number, message: string, target: string): void {
    this.inputErrors.push({ path, line, message });
    this.findings.push(inputErrorFinding(path, line, message, target));
  }

  /** Keeps a file's lines for inline suppressions: a file without `mcg-ignore` has none to find. */
  keepLines(path: string, text: string): void {
    this.fileLines.set(path, text.includes('mcg-ignore') ? text.split(/\r?\n/) : NO_LINES);
  }

  /** Takes a checker's findings; its MCG991 ones (part of the file not checked) also mark the file partial. */
  addChecked(findings: readonly Finding[], kind: CoverageKind): void {
    for (const f of findings) {
      if (f.ruleId !== 'MCG991') continue;
      this.inputErrors.push({ path: f.location.path, line: f.location.startLine, message: f.message });
      this.coverage.partial(f.location.path, kind, `line ${f.location.startLine}: ${f.message}`);
    }
    appendAll(this.findings, findings);
  }
}
