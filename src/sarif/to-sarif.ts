/**
 * The one SARIF writer (DESIGN §4, §8): one run per source and target, `automationDetails.id`
 * `<category>/<target>/`, rules with GitHub's properties, repo-relative locations, partial
 * fingerprints and suppressions; GitHub's limits enforced before anything is written.
 *
 * Two outputs of one plan: toSarif builds the log as objects (tests, callers that inspect it);
 * writeSarif / sarifText / writeSarifFile stream the same log as compact text — exactly
 * `JSON.stringify(toSarif(report)) + '\n'` (SARIF is a machine format: no indentation) — results
 * written one at a time, with the
 * gzip size check done on the streamed text as it goes (test/fuzz/sarif-stream.test.ts holds them
 * equal). Every caller that writes or uploads SARIF uses the streamed text.
 */
import { ftruncateSync, writeSync } from 'node:fs';
import { deflateRawSync, gzipSync } from 'node:zlib';
import type * as sarif from 'sarif';
import type { Report } from '../core/types.js';
import { MAX_GZIP_BYTES, MAX_RESULTS_PER_RUN, MAX_RUNS } from './limits.js';
import { groupRuns, materialise, planRun, type PlannedRun, type SarifOptions } from './plan.js';

import { resultFor } from './descriptors.js';
import { maxOf } from '../core/arrays.js';

export { pathToUri, targetSlug } from './descriptors.js';
export type { SarifOptions } from './plan.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

export function gzipSize(log: sarif.Log): number {
  return gzipSync(JSON.stringify(log)).length;
}

/** Where the streamed text goes. `reset` drops what an attempt wrote when the log had to be trimmed. */
export interface SarifSink {
  /** A piece of the log; `utf8` holds its bytes when `wantsBytes` (or when they were encoded anyway). */
  write(chunk: string, utf8?: Buffer): void;
  reset(): void;
  /** The sink writes bytes: encode each piece once, for both it and the size check. */
  wantsBytes?: boolean;
}

/** What a streamed log came to. */
export interface SarifStats {
  /** UTF-8 bytes written. */
  bytes: number;
  /**
   * The size check's gzip estimate (deflate at the fastest level, 1 MiB pieces compressed on their
   * own: never smaller than one gzip of the whole at the default or best level in practice), or
   * undefined when the plain text is small enough to fit without compressing anything.
   */
  gzipEstimate?: number;
  runs: number;
  results: number;
  /** Results left out to stay within GitHub's limits. */
  dropped: number;
}

const LOG_HEAD = (() => {
  const head = JSON.stringify({ $schema: SARIF_SCHEMA, version: '2.1.0', runs: [] });
  const at = head.lastIndexOf('[]') + 1;
  return { open: head.slice(0, at), close: `${head.slice(at)}\n`, empty: `${head}\n` };
})();

const BATCH_CHARS = 1 << 20;
const GZIP_FRAME = 18; // gzip header and trailer around the deflate data

/** Receives each batch of text, with its UTF-8 bytes when the emitter had to encode them anyway. */
type BatchOut = (text: string, utf8: Buffer | undefined) => void;

/**
 * Collects the streamed text in batches, counts its UTF-8 bytes and estimates its gzipped size
 * without ever holding the whole log: nothing is compressed while the plain bytes alone are within
 * the limit; past that, each batch is deflated on its own as it goes.
 */
class Emitter {
  private parts: string[] = [];
  private pending = 0;
  private backlog: string[] = [];
  bytes = 0;
  deflated = 0;
  compressing = false;

  constructor(
    private readonly out: BatchOut | undefined,
    private readonly wantsBytes: boolean,
    private readonly maxBytes: number,
  ) {}

  push(s: string): void {
    this.parts.push(s);
    this.pending += s.length;
    if (this.pending >= BATCH_CHARS) this.flush();
  }

  flush(): void {
    if (this.parts.length === 0) return;
    const batch = this.parts.length === 1 ? this.parts[0]! : this.parts.join('');
    this.parts = [];
    this.pending = 0;
    const utf8 = this.wantsBytes || this.compressing ? Buffer.from(batch, 'utf8') : undefined;
    this.bytes += utf8 ? utf8.length : Buffer.byteLength(batch, 'utf8');
    this.out?.(batch, utf8);
    if (this.compressing) this.deflated += deflateRawSync(utf8 ?? batch, { level: 1 }).length;
    else if (this.bytes + (this.bytes >> 10) + 1024 <= this.maxBytes) this.backlog.push(batch);
    else {
      // the UTF-8 bytes alone could now exceed the limit: from here on the size is estimated
      this.compressing = true;
      for (const b of this.backlog) this.deflated += deflateRawSync(b, { level: 1 }).length;
      this.backlog = [];
      this.deflated += deflateRawSync(utf8 ?? batch, { level: 1 }).length;
    }
  }

  /** True once the estimate is over the limit (it only grows). */
  get over(): boolean {
    return this.compressing && this.deflated + GZIP_FRAME > this.maxBytes;
  }

  get gzipEstimate(): number | undefined {
    return this.compressing ? this.deflated + GZIP_FRAME : undefined;
  }
}

const RUN_RESULTS = '"results":[]';

/**
 * Streams the planned log as `JSON.stringify(log)` would write it (and a newline), results
 * serialised one at a time into batches. Returns false (having stopped early) when
 * `abortWhenOver` and the log is over the gzip limit.
 */
function emitLog(runs: PlannedRun[], em: Emitter, abortWhenOver: boolean): boolean {
  if (runs.length === 0) {
    em.push(LOG_HEAD.empty);
    em.flush();
    return !(abortWhenOver && em.over);
  }
  em.push(LOG_HEAD.open);
  for (const [n, p] of runs.entries()) {
    // the run without its results; `"results":[]` is the last array-valued key before
    // `properties` (whose only value is a string), so its last occurrence is the key itself
    const text = JSON.stringify(p.run);
    const r = text.lastIndexOf(RUN_RESULTS) + RUN_RESULTS.length - 1;
    if (n > 0) em.push(',');
    em.push(text.slice(0, r));
    for (let i = 0; i < p.findings.length; i++) {
      if (i > 0) em.push(',');
      em.push(JSON.stringify(resultFor(p.findings[i]!, p.ruleIndexes[i]!, p.withBaseline)));
      if (abortWhenOver && (i & 255) === 255 && em.over) return false;
    }
    em.push(text.slice(r));
  }
  em.push(LOG_HEAD.close);
  em.flush();
  return !(abortWhenOver && em.over);
}

interface FittedLog {
  runs: PlannedRun[];
  stats: SarifStats;
}

/**
 * Plans the runs and finds the per-run cap that keeps the log within GitHub's limits, streaming
 * each attempt through `out` (reset between attempts). Trimming drops the lowest severity first.
 */
function fitLog(report: Report, opts: SarifOptions, sink: SarifSink | undefined): FittedLog {
  const { groups, folded } = groupRuns(report);
  const notes = folded ? [`More than ${MAX_RUNS} (source, target) runs: results are grouped per source under the category "all".`] : [];
  let cap = opts.maxResultsPerRun ?? MAX_RESULTS_PER_RUN;
  const maxBytes = opts.maxGzipBytes ?? MAX_GZIP_BYTES;
  const largest = maxOf(0, groups.map((g) => g.findings.length));
  const total = groups.reduce((n, g) => n + g.findings.length, 0);
  for (let attempt = 0; ; attempt++) {
    if (attempt > 0) sink?.reset();
    const runs = groups.map((g) => planRun(g, report, { opts, cap, notes }));
    const em = new Emitter(sink ? (text, utf8) => sink.write(text, utf8) : undefined, sink?.wantsBytes === true, maxBytes);
    // nothing to trim, or nothing left to trim: written as it is
    const last = largest === 0 || cap <= 1;
    const fits = emitLog(runs, em, !last);
    if (fits || last) {
      const results = runs.reduce((n, p) => n + p.findings.length, 0);
      return { runs, stats: { bytes: em.bytes, gzipEstimate: em.gzipEstimate, runs: runs.length, results, dropped: total - results } };
    }
    cap = Math.max(1, Math.floor(Math.min(cap, largest) * 0.8));
  }
}

/** Builds the SARIF log of a report, within GitHub's limits (trimming lowest severity first, and saying so). */
export function toSarif(report: Report, opts: SarifOptions = {}): sarif.Log {
  const { runs } = fitLog(report, opts, undefined);
  return { $schema: SARIF_SCHEMA, version: '2.1.0', runs: runs.map(materialise) };
}

/**
 * Streams the SARIF log of a report into `sink`: exactly the text of
 * `JSON.stringify(toSarif(report, opts)) + '\n'`, without building the log's object graph
 * or holding its text twice. When the log has to be trimmed, `sink.reset()` is called before each
 * new attempt.
 */
export function writeSarif(report: Report, sink: SarifSink, opts: SarifOptions = {}): SarifStats {
  return fitLog(report, opts, sink).stats;
}

/** The runs of a report's SARIF log as text, to be packed into logs with others (sarifLogOfRuns). */
export interface RunsText {
  /** The runs as they appear inside a log's `runs` array, separated by `,`; empty when none. */
  text: string;
  /** Each run's `automationDetails.id`. */
  ids: string[];
}

export function sarifRunsText(report: Report, opts: SarifOptions = {}): RunsText {
  let chunks: string[] = [];
  const { runs } = fitLog(report, opts, { write: (c) => void chunks.push(c), reset: () => void (chunks = []) });
  const text = chunks.join('');
  const ids = runs.map((p) => p.run.automationDetails?.id ?? '');
  if (runs.length === 0) return { text: '', ids };
  return { text: text.slice(LOG_HEAD.open.length, text.length - LOG_HEAD.close.length), ids };
}

/** One SARIF log of runs from sarifRunsText: the text JSON.stringify(log) + newline would give. */
export function sarifLogOfRuns(runs: readonly string[]): string {
  const parts = runs.filter((r) => r !== '');
  return parts.length === 0 ? LOG_HEAD.empty : `${LOG_HEAD.open}${parts.join(',')}${LOG_HEAD.close}`;
}

/** The SARIF log of a report as text (what `--format sarif` prints and the upload sends). */
export function sarifText(report: Report, opts: SarifOptions = {}): string {
  let chunks: string[] = [];
  writeSarif(report, { write: (c) => void chunks.push(c), reset: () => void (chunks = []) }, opts);
  return chunks.join('');
}

/**
 * Streams the SARIF log of a report into an open, empty file (the safe writer's descriptor,
 * src/core/safe-write.ts), in 1 MiB writes; returns the figures of what was written.
 */
export function writeSarifFd(fd: number, report: Report, opts: SarifOptions = {}): SarifStats {
  let pos = 0;
  return writeSarif(
    report,
    {
      wantsBytes: true,
      write: (c, utf8) => {
        const buf = utf8 ?? Buffer.from(c, 'utf8');
        for (let off = 0; off < buf.length; ) {
          const n = writeSync(fd, buf, off, buf.length - off, pos);
          off += n;
          pos += n;
        }
      },
      reset: () => {
        ftruncateSync(fd, 0);
        pos = 0;
      },
    },
    opts,
  );
}
