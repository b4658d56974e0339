/**
 * Trivy's vulnerability DB when the registry is not kind (issue #23 item 3), the pure part: the
 * mirror lists (`db-repository`, `java-db-repository`, ordered, passed to Trivy's flags of the same
 * names), reading a failed download out of Trivy's output (rate limit: HTTP 429 / TOOMANYREQUESTS;
 * a 5xx answer) to decide on a retry, the backoff, and the age of the DB from its metadata.json.
 */

export class DbOptionError extends Error {}

/** An OCI repository as Trivy's --db-repository takes it: `host[:port]/path[:tag]`, no scheme, no spaces. */
const REPO = /^[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:\d{1,5})?(\/[a-z0-9._-]+)+(:[A-Za-z0-9_.-]{1,128})?$/;

/** One repository per line (or comma-separated), in order; `#` lines skipped. Throws DbOptionError. */
export function parseRepositories(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split(/[\n,]/)) {
    const v = raw.trim();
    if (v === '' || v.startsWith('#')) continue;
    const bare = v.replace(/^oci:\/\//, '');
    if (!REPO.test(bare)) throw new DbOptionError(`"${v}" is not an OCI repository (host/path[:tag], e.g. mirror.example/trivy-db:2)`);
    if (!out.includes(bare)) out.push(bare);
  }
  return out;
}

/** `max-db-age` in hours: empty → none; else a positive number up to a year. */
export function parseMaxDbAge(text: string): number | undefined {
  const v = text.trim();
  if (v === '') return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0 || n > 8760) throw new DbOptionError(`"${v}" is not a number of hours between 1 and 8760`);
  return n;
}

export interface RepositoryAnswer {
  /** The repository as Trivy named it (`host/path:tag`), when it did. */
  repository?: string;
  /** The registry's answer as Trivy printed it (`TOOMANYREQUESTS: retry-after: 1s`, `unexpected status code 503 Service Unavailable`). */
  answer: string;
  /** A rate limit (429 / TOOMANYREQUESTS) or a 5xx answer: worth another try. */
  retryable: boolean;
}

export interface DbFailure {
  /** Some repository answered with a rate limit or a 5xx: another try may succeed. */
  retryable: boolean;
  /** Each repository tried and what it answered, in Trivy's order. */
  answers: RepositoryAnswer[];
}

const RATE = /TOOMANYREQUESTS[^"\n]*|\b429\b[^"\n]*/i;
const SERVER = /unexpected status code 5\d\d[^"\n]*|\b5\d\d (?:Internal Server Error|Bad Gateway|Service Unavailable|Gateway Timeout)[^"\n]*|\bUNAVAILABLE: [^"\n]*|status(?: code)?:? 5\d\d[^"\n]*/i;

function classify(text: string): Omit<RepositoryAnswer, 'repository'> {
  const clean = text.replace(/\\n|\\t/g, ' ');
  const m = RATE.exec(clean) ?? SERVER.exec(clean);
  if (m) return { answer: tidy(m[0]), retryable: true };
  // the last `: ` clause of the error is the registry's (or the network's) answer
  const last = /(?:GET|HEAD) \S+: ([^"\n]+)/.exec(clean)?.[1] ?? clean;
  return { answer: tidy(last), retryable: false };
}

function tidy(s: string): string {
  return s.replace(/\s+/g, ' ').trim().slice(0, 300);
}

/**
 * Reads a DB download failure out of Trivy's output (its `Failed to download artifact repo="…"
 * err="…"` lines, one per repository tried, as Trivy 0.74 prints them); undefined when the failure
 * is not a DB download. Pure.
 */
export function dbDownloadFailure(output: string): DbFailure | undefined {
  if (!/failed to download (?:vulnerability|java) DB|DB error|Failed to download artifact/i.test(output)) return undefined;
  const answers: RepositoryAnswer[] = [];
  for (const m of output.matchAll(/Failed to download artifact\s+repo="([^"]+)"\s+err="((?:[^"\\]|\\.)*)"/g)) {
    answers.push({ repository: m[1], ...classify(m[2]!) });
  }
  if (answers.length === 0) answers.push(classify(output.split('\n').filter((l) => /FATAL|error/i.test(l)).join(' ') || output));
  return { retryable: answers.some((a) => a.retryable), answers };
}

/** The waits between attempts (ms): 2 s, 8 s, 30 s by default (`base` scales them, for tests). */
export function backoffDelays(base = 2000): number[] {
  return [base, base * 4, base * 15];
}

/** The message of the MCG990 finding when every attempt failed (fail closed): each repository and its answer. */
export function dbFailureMessage(f: DbFailure, configured: readonly string[], attempts: number): string {
  const said = f.answers.map((a) => `${a.repository ?? (configured.length > 0 ? configured.join(', ') : "Trivy's default repository")} answered "${a.answer}"`).join('; ');
  return `Trivy could not download its vulnerability DB after ${attempts} attempt${attempts === 1 ? '' : 's'}: ${said}. No vulnerability result without a DB: set db-repository to a mirror, or restore a DB and use offline: true`;
}

/** metadata.json's UpdatedAt (Trivy writes it with the DB), undefined when unreadable. */
export function dbUpdatedAt(metadataJson: string): Date | undefined {
  try {
    const m = JSON.parse(metadataJson) as { UpdatedAt?: unknown };
    if (typeof m.UpdatedAt !== 'string') return undefined;
    const d = new Date(m.UpdatedAt);
    return Number.isNaN(d.getTime()) ? undefined : d;
  } catch {
    return undefined;
  }
}

export interface DbAgeVerdict {
  /** The DB's age in hours (undefined: metadata.json unreadable). */
  ageHours?: number;
  /** A failing finding's message (too old, or age unknown, with max-db-age and not offline). */
  failure?: string;
  /** A log line instead (offline: true was asked for: an old DB is accepted, said). */
  note?: string;
}

/** The DB's age against max-db-age. Pure. */
export function checkDbAge(o: { metadataJson: string | undefined; now: Date; maxHours: number; offline: boolean }): DbAgeVerdict {
  const at = o.metadataJson === undefined ? undefined : dbUpdatedAt(o.metadataJson);
  if (!at) {
    const msg = `max-db-age is ${o.maxHours} h but the age of Trivy's DB is unknown (no readable UpdatedAt in db/metadata.json)`;
    return o.offline ? { note: `${msg}; accepted because offline: true` } : { failure: msg };
  }
  const ageHours = Math.floor(((o.now.getTime() - at.getTime()) / 3_600_000) * 10) / 10;
  if (ageHours <= o.maxHours) return { ageHours };
  const msg = `Trivy's vulnerability DB is ${ageHours} h old (UpdatedAt ${at.toISOString()}), older than max-db-age ${o.maxHours} h: vulnerabilities published since are not seen`;
  return o.offline ? { ageHours, note: `${msg}; accepted because offline: true was asked for` } : { ageHours, failure: `${msg}. Let Trivy update it (a reachable db-repository), or set offline: true to accept it` };
}
