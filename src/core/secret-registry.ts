/**
 * One registry of every value the run knows to be secret (build-arg values, values given to a
 * container or a tool, values it masks, environment values with secret-like names, TruffleHog's
 * raw hits, the token). Each value is registered once and removed from every output: the Report
 * before any publisher sees it, and every line of the log. Pure: no I/O, no @actions/*.
 */
import { isSecretName } from './secret-names.js';

/** The runner masks values down to this length; shorter values would redact ordinary words. */
export const MIN_SECRET_LENGTH = 4;
/** What a registered value is replaced with. */
export const REDACTED = '***';

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The ways a value is written in the text we publish: raw, JSON-escaped, URL-encoded. */
function spellings(v: string): string[] {
  const out = new Set<string>([v]);
  const json = JSON.stringify(v).slice(1, -1);
  out.add(json);
  out.add(encodeURIComponent(v));
  out.add(encodeURIComponent(v).replace(/%20/g, '+'));
  // JSON of JSON (a report embedded as a string)
  out.add(JSON.stringify(json).slice(1, -1));
  return [...out].filter((s) => s.length >= MIN_SECRET_LENGTH);
}

/** Values that configure, never authenticate: not registered from the environment. */
const PLAIN_WORDS = new Set(['true', 'false', 'null', 'none', 'auto', 'always', 'never', 'yes', 'no', 'on', 'off']);

export class SecretRegistry {
  private readonly values = new Set<string>();
  private pattern: RegExp | undefined;
  private readonly listeners: ((value: string) => void)[] = [];

  /** Called once for each new value (the action registers `core.setSecret` here). */
  onAdd(listener: (value: string) => void): void {
    this.listeners.push(listener);
  }

  /**
   * Registers a secret value; values shorter than {@link MIN_SECRET_LENGTH} (after trimming) are
   * ignored. A multi-line value is registered whole and line by line (the runner masks per line).
   * Returns whether anything new was registered.
   */
  add(value: string | undefined | null): boolean {
    if (typeof value !== 'string') return false;
    let added = false;
    const parts = [value, value.trim(), ...(/[\r\n]/.test(value) ? value.split(/\r?\n|\r/).map((l) => l.trim()) : [])];
    for (const p of parts) {
      if (p.length < MIN_SECRET_LENGTH || /^-----(BEGIN|END) /.test(p) || this.values.has(p)) continue;
      this.values.add(p);
      this.pattern = undefined;
      added = true;
      for (const l of this.listeners) l(p);
    }
    return added;
  }

  /**
   * Registers the values of environment variables whose names are secret-like. Action inputs
   * (`INPUT_*`) are left to the caller, which knows which input is a secret (`verify-secrets:
   * true` is not), and so are values that are plain words of configuration (`true`, `auto` …).
   */
  addSecretEnv(env: Record<string, string | undefined>): void {
    for (const [name, value] of Object.entries(env)) {
      if (!isSecretName(name) || /^INPUT_/i.test(name) || value === undefined || PLAIN_WORDS.has(value.trim().toLowerCase())) continue;
      this.add(value);
    }
  }

  get size(): number {
    return this.values.size;
  }

  /** The text with every registered value (raw, JSON-escaped or URL-encoded) replaced by `***`. */
  redact(text: string): string {
    if (this.values.size === 0 || text.length < MIN_SECRET_LENGTH) return text;
    if (!this.pattern) {
      const all = new Set<string>();
      for (const v of this.values) for (const s of spellings(v)) all.add(s);
      // longest first, so an overlapping shorter secret cannot leave a longer one's tail behind
      const alts = [...all].sort((a, b) => b.length - a.length).map(escapeRegExp);
      this.pattern = new RegExp(alts.join('|'), 'g');
    }
    let out = text;
    // overlapping secrets: replacing one can join the pieces of another; repeat to a fixed point
    for (let i = 0; i < 4; i++) {
      const next = out.replace(this.pattern, REDACTED);
      if (next === out) break;
      out = next;
    }
    return out;
  }

  /** A deep copy of a JSON-like value with every string (keys included) redacted; class instances are kept as they are. */
  redactDeep<T>(value: T): T {
    return this.walk(value) as T;
  }

  private walk(v: unknown): unknown {
    if (typeof v === 'string') return this.redact(v);
    if (Array.isArray(v)) return v.map((x) => this.walk(x));
    if (v !== null && typeof v === 'object' && [Object.prototype, null].includes(Object.getPrototypeOf(v))) {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) out[this.redact(k)] = this.walk(x);
      return out;
    }
    return v;
  }
}

/** Prefixes of well-known token formats (GitHub, Slack, AWS, OpenAI, GitLab, npm), as a regex source. */
export const KNOWN_TOKEN_PREFIXES = 'gh[pousr]_|github_pat_|xox[abpr]-|AKIA|ASIA|sk-|glpat-|npm_';
const TOKEN_PREFIX = new RegExp(`^(${KNOWN_TOKEN_PREFIXES})`, 'i');

/**
 * An identifier (a YAML key, a resource name, an unknown Dockerfile instruction) that looks like a
 * secret → its first four characters and an ellipsis (`GHP_…`); anything else unchanged. Looks
 * like a secret: a known token prefix with at least 8 more characters, or a run of 20+ key-like
 * characters mixing letters and digits.
 */
export function shortenSecretLike(identifier: string): string {
  const known = TOKEN_PREFIX.test(identifier) && identifier.length >= 12;
  const run = /[A-Za-z0-9_+/-]{20,}/.exec(identifier);
  const mixed = run !== null && /[0-9]/.test(run[0]) && /[A-Za-z]/.test(run[0]);
  if (!known && !mixed) return identifier;
  return `${identifier.slice(0, 4)}…`;
}
