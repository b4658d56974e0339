/**
 * The report JSON written next to the SARIF (the machine-readable result of one scan): compact,
 * exactly `JSON.stringify(report)` and a newline, streamed — the findings are serialised one at a
 * time into batches of about 1 MiB, never as one giant JSON.stringify of the whole report.
 */
import { writeSync } from 'node:fs';
import type { Finding, Report } from './types.js';

const BATCH_CHARS = 1 << 20;

/**
 * Streams `JSON.stringify(report) + '\n'` into `write`, in pieces of about 1 MiB: the report
 * without its findings is stringified once, and the findings array is written in between, one
 * finding at a time (each exactly as JSON.stringify writes an array element).
 */
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
  streamReportJsonBytes(report, (buf, n) => {
    for (let off = 0; off < n; ) off += writeSync(fd, buf, off, n - off);
  });
}

/**
 * Streams the UTF-8 bytes of `JSON.stringify(report) + '\n'` into `write`, in pieces of about
 * 1 MiB, each ending after a whole finding (`buf` is reused: copy what must outlive the call). The
 * findings merge makes are encoded by hand straight into the buffer (encodeFinding), which takes
 * about a third of the time of JSON.stringify, joining and encoding each finding's text; any other
 * value goes through JSON.stringify.
 */
export function streamReportJsonBytes(report: Report, write: (buf: Buffer, length: number) => void): void {
  const frame = reportFrame(report);
  const out = new ByteWriter(write);
  if (!frame) {
    out.text(`${JSON.stringify(report)}\n`);
    out.flush();
    return;
  }
  const { findings, open, close } = frame;
  out.text(open);
  for (let i = 0; i < findings.length; i++) {
    if (i > 0) out.byte(0x2c); // ,
    encodeFinding(out, findings[i]);
    if (out.pos >= BATCH_BYTES) out.flush();
  }
  out.text(close);
  out.flush();
}

const BATCH_BYTES = 1 << 20;

/** A growable byte buffer handed to `sink` in batches (flush). */
class ByteWriter {
  buf = Buffer.allocUnsafe(BATCH_BYTES * 2);
  pos = 0;

  constructor(private readonly sink: (buf: Buffer, length: number) => void) {}

  /** Room for n more bytes. */
  room(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.pos + n));
    this.buf.copy(bigger, 0, 0, this.pos);
    this.buf = bigger;
  }

  flush(): void {
    if (this.pos > 0) this.sink(this.buf, this.pos);
    this.pos = 0;
  }

  byte(c: number): void {
    this.room(1);
    this.buf[this.pos++] = c;
  }

  bytes(b: Uint8Array): void {
    this.room(b.length);
    this.buf.set(b, this.pos);
    this.pos += b.length;
  }

  /** Any text, as UTF-8 (a UTF-16 code unit takes at most 3 bytes). */
  text(s: string): void {
    this.room(s.length * 3);
    this.pos += this.buf.write(s, this.pos, 'utf8');
  }

  /**
   * A string as JSON.stringify writes it. Printable ASCII without quotes or backslashes (nearly
   * every string in a report) is copied as it is, one byte a character; anything else is written as
   * JSON.stringify's own text of the string (escapes, unpaired surrogates) in UTF-8.
   */
  str(s: string): void {
    if (NEEDS_CARE.test(s)) {
      this.text(q(s));
      return;
    }
    this.room(s.length + 2);
    const buf = this.buf;
    buf[this.pos] = 0x22;
    this.pos += buf.write(s, this.pos + 1, 'latin1') + 2;
    buf[this.pos - 1] = 0x22;
  }

  /** A number as JSON.stringify writes it: finite ones as String() does (-0 as 0), the others as null. */
  num(v: number): void {
    this.ascii(Number.isFinite(v) ? String(v) : 'null');
  }

  /** Text known to be ASCII (digits, fixed keys). */
  ascii(s: string): void {
    const n = s.length;
    this.room(n);
    const buf = this.buf;
    let o = this.pos;
    for (let i = 0; i < n; i++) buf[o++] = s.charCodeAt(i);
    this.pos = o;
  }
}

const q = JSON.stringify as (s: string) => string;

/** Any character other than printable ASCII without quotes and backslashes. */
const NEEDS_CARE = /[^\x20\x21\x23-\x5b\x5d-\x7e]/;

/**
 * The UTF-8 of JSON.stringify(s) for strings repeated in every finding of a rule or a target
 * (rule ids, severities, targets, fixes, help links), made once per process; bounded, as a
 * hostile report read from disk could name many.
 */
const quotedBytes = new Map<string, Buffer>();
function repeated(out: ByteWriter, s: string): void {
  let b = quotedBytes.get(s);
  if (b === undefined) {
    if (quotedBytes.size >= 10_000) quotedBytes.clear();
    b = Buffer.from(q(s), 'utf8');
    quotedBytes.set(s, b);
  }
  out.bytes(b);
}

/**
 * The properties of a finding as merge makes it (copyFinding in merge.ts): every one present, in
 * this order. A finding with exactly these keys (and values of a Finding's types) is encoded by
 * hand; any other (a hand-made report, one read from disk) goes through JSON.stringify.
 */
const FINDING_KEYS = ['ruleId', 'source', 'severity', 'message', 'location', 'fingerprint', 'fingerprintKey', 'target', 'fix', 'helpUri', 'rule', 'cvss', 'new', 'suppressed', 'error', 'failing'] as const;

const isStr = (v: unknown): v is string => typeof v === 'string';
const isOptStr = (v: unknown): v is string | undefined => v === undefined || typeof v === 'string';
const isOptBool = (v: unknown): v is boolean | undefined => v === undefined || typeof v === 'boolean';
/** An object JSON.stringify writes as its own enumerable properties (not boxed, not a class instance, no toJSON). */
const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype && typeof (v as { toJSON?: unknown }).toJSON !== 'function';
/** A value JSON.stringify(v) writes as it would inside the finding: an object or array without a toJSON of its own (whose key argument would differ). */
const isNested = (v: unknown): v is object => typeof v === 'object' && v !== null && typeof (v as { toJSON?: unknown }).toJSON !== 'function';

/** A finding as merge makes it, with values of the types a Finding has; its location's keys may come in any order. */
function isMergedFinding(x: unknown): x is Finding {
  if (!isPlainObject(x)) return false;
  const keys = Object.keys(x);
  if (keys.length !== FINDING_KEYS.length) return false;
  for (let i = 0; i < keys.length; i++) if (keys[i] !== FINDING_KEYS[i]) return false;
  const f = x as unknown as Finding;
  if (
    !isStr(f.ruleId) ||
    !isStr(f.source) ||
    !isStr(f.severity) ||
    !isStr(f.message) ||
    !isStr(f.fingerprint) ||
    !isStr(f.fingerprintKey) ||
    !isStr(f.target) ||
    !isOptStr(f.fix) ||
    !isOptStr(f.helpUri) ||
    !(f.rule === undefined || isNested(f.rule)) ||
    !(f.cvss === undefined || typeof f.cvss === 'number') ||
    !isOptBool(f.new) ||
    !(f.suppressed === undefined || isNested(f.suppressed)) ||
    !isOptBool(f.error) ||
    !isOptBool(f.failing) ||
    !isPlainObject(f.location)
  ) {
    return false;
  }
  const loc = f.location as unknown as Record<string, unknown>;
  for (const k in loc) {
    // for-in also walks inherited enumerable keys, which JSON.stringify leaves out
    if (!Object.hasOwn(loc, k)) return false;
    const v = loc[k];
    if (v !== undefined && typeof v !== 'string' && typeof v !== 'number') return false;
  }
  return true;
}

const K = (s: string): Buffer => Buffer.from(s, 'latin1');
const K_RULE_ID = K('{"ruleId":');
const K_SOURCE = K(',"source":');
const K_SEVERITY = K(',"severity":');
const K_MESSAGE = K(',"message":');
const K_LOCATION = K(',"location":{');
const K_FINGERPRINT = K('},"fingerprint":');
const K_FINGERPRINT_KEY = K(',"fingerprintKey":');
const K_TARGET = K(',"target":');
const K_FIX = K(',"fix":');
const K_HELP_URI = K(',"helpUri":');
const K_RULE = K(',"rule":');
const K_CVSS = K(',"cvss":');
const K_NEW = [K(',"new":false'), K(',"new":true')] as const;
const K_SUPPRESSED = K(',"suppressed":');
const K_ERROR = [K(',"error":false'), K(',"error":true')] as const;
const K_FAILING = [K(',"failing":false'), K(',"failing":true')] as const;

/** One element of the findings array, exactly as JSON.stringify writes it, in UTF-8. */
function encodeFinding(out: ByteWriter, x: unknown): void {
  if (!isMergedFinding(x)) {
    // an array element JSON.stringify cannot represent (undefined, a function) is written as null
    out.text((JSON.stringify(x) as string | undefined) ?? 'null');
    return;
  }
  const f = x;
  out.bytes(K_RULE_ID);
  repeated(out, f.ruleId);
  out.bytes(K_SOURCE);
  repeated(out, f.source);
  out.bytes(K_SEVERITY);
  repeated(out, f.severity);
  out.bytes(K_MESSAGE);
  out.str(f.message);
  out.bytes(K_LOCATION);
  const loc = f.location as unknown as Record<string, unknown>;
  let first = true;
  for (const k in loc) {
    const v = loc[k];
    if (v === undefined) continue;
    if (!first) out.byte(0x2c);
    first = false;
    out.str(k);
    out.byte(0x3a); // :
    if (typeof v === 'string') out.str(v);
    else out.num(v as number);
  }
  out.bytes(K_FINGERPRINT);
  out.str(f.fingerprint);
  out.bytes(K_FINGERPRINT_KEY);
  out.str(f.fingerprintKey);
  out.bytes(K_TARGET);
  repeated(out, f.target);
  if (f.fix !== undefined) {
    out.bytes(K_FIX);
    repeated(out, f.fix);
  }
  if (f.helpUri !== undefined) {
    out.bytes(K_HELP_URI);
    repeated(out, f.helpUri);
  }
  if (f.rule !== undefined) {
    // scanner-defined rule metadata: plain data, as JSON.stringify writes it
    out.bytes(K_RULE);
    out.text(JSON.stringify(f.rule));
  }
  if (f.cvss !== undefined) {
    out.bytes(K_CVSS);
    out.num(f.cvss);
  }
  if (f.new !== undefined) out.bytes(K_NEW[f.new ? 1 : 0]);
  if (f.suppressed !== undefined) {
    out.bytes(K_SUPPRESSED);
    out.text(JSON.stringify(f.suppressed));
  }
  if (f.error !== undefined) out.bytes(K_ERROR[f.error ? 1 : 0]);
  if (f.failing !== undefined) out.bytes(K_FAILING[f.failing ? 1 : 0]);
  out.byte(0x7d); // }
}
