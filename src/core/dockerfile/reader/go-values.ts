/**
 * The Go standard library's readers of flag values that BuildKit's instruction parser calls:
 * time.ParseDuration, strconv.ParseBool and ParseInt, and the one-record CSV reader
 * (github.com/tonistiigi/go-csvvalue) that splits `--mount` and `--device` values. Each answers
 * only what the instruction parser asks: does Go accept the value, and with which result.
 */

const MAX = 1n << 63n;

const UNITS: ReadonlyMap<string, bigint> = new Map([
  ['ns', 1n],
  ['us', 1000n],
  ['\u00b5s', 1000n],
  ['\u03bcs', 1000n],
  ['ms', 1_000_000n],
  ['s', 1_000_000_000n],
  ['m', 60_000_000_000n],
  ['h', 3_600_000_000_000n],
]);

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

/** time.ParseDuration in nanoseconds, or undefined where Go returns an error. */
export function goParseDuration(text: string): bigint | undefined {
  let s = text;
  let neg = false;
  if (s[0] === '-' || s[0] === '+') {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '0') return 0n;
  if (s === '') return undefined;
  let d = 0n;
  while (s !== '') {
    if (!(s[0] === '.' || isDigit(s[0]))) return undefined;
    let i = 0;
    let v = 0n;
    for (; isDigit(s[i]); i++) {
      if (v > MAX / 10n) return undefined;
      v = v * 10n + BigInt(s.charCodeAt(i) - 48);
      if (v > MAX) return undefined;
    }
    const pre = i > 0;
    s = s.slice(i);
    let f = 0n;
    let scale = 1;
    let post = false;
    if (s[0] === '.') {
      let overflow = false;
      for (i = 1; isDigit(s[i]); i++) {
        if (overflow) continue;
        if (f > (MAX - 1n) / 10n) overflow = true;
        else {
          const y = f * 10n + BigInt(s.charCodeAt(i) - 48);
          if (y > MAX) overflow = true;
          else {
            f = y;
            scale *= 10;
          }
        }
      }
      post = i > 1;
      s = s.slice(i);
    }
    if (!pre && !post) return undefined;
    for (i = 0; i < s.length && s[i] !== '.' && !isDigit(s[i]); i++);
    if (i === 0) return undefined;
    const unit = UNITS.get(s.slice(0, i));
    s = s.slice(i);
    if (unit === undefined || v > MAX / unit) return undefined;
    v *= unit;
    if (f > 0n) {
      v += BigInt(Math.trunc(Number(f) * (Number(unit) / scale)));
      if (v > MAX) return undefined;
    }
    d += v;
    if (d > MAX) return undefined;
  }
  if (neg) return -d;
  return d > MAX - 1n ? undefined : d;
}

/** strconv.ParseBool, or undefined where Go returns an error. */
export function goParseBool(s: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(s)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(s)) return false;
  return undefined;
}

/** strconv.ParseInt(s, 10, 32), or undefined where Go returns an error. */
export function goParseInt32(s: string): number | undefined {
  if (!/^[+-]?[0-9]+$/.test(s)) return undefined;
  const n = Number(BigInt(s));
  return n < -(2 ** 31) || n > 2 ** 31 - 1 ? undefined : n;
}

/** go-csvvalue's Fields with a comma: the fields of one CSV record, or an Error as Go reports it. */
export function csvFields(text: string): string[] | Error {
  let line = text.endsWith('\r\n') ? text.slice(0, -2) : text.endsWith('\n') ? text.slice(0, -1) : text;
  if (line === '') return new Error('EOF');
  const out: string[] = [];
  for (;;) {
    if (line[0] !== '"') {
      const i = line.indexOf(',');
      const field = i >= 0 ? line.slice(0, i) : line;
      if (field.includes('"')) return new Error('bare " in non-quoted-field');
      out.push(field);
      if (i < 0) return out;
      line = line.slice(i + 1);
      continue;
    }
    line = line.slice(1);
    let halfOpen = false;
    for (;;) {
      const i = line.indexOf('"');
      if (i < 0) return new Error('extraneous or missing " in quoted-field');
      if (halfOpen) out[out.length - 1] += line.slice(0, i);
      else out.push(line.slice(0, i));
      halfOpen = false;
      line = line.slice(i + 1);
      if (line[0] === '"') {
        out[out.length - 1] += '"';
        line = line.slice(1);
        halfOpen = true;
      } else if (line[0] === ',') {
        line = line.slice(1);
        break;
      } else if (line === '') return out;
      else return new Error('extraneous or missing " in quoted-field');
    }
  }
}
