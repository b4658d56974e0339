/** Arbitraries for fuzzing: mutations of real files (delete, duplicate, swap lines, random bytes, truncate). */
import fc from 'fast-check';

export type Mutation =
  | { kind: 'delete'; at: number }
  | { kind: 'duplicate'; at: number }
  | { kind: 'swap'; a: number; b: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'truncate'; at: number };

const junk = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom('\\', '\\\n', '\r', '\r\n', '\t', '"', "'", '`', '$(', '${', '}', '<<EOF', 'EOF', '[', ']', '#', '# escape=`', '# syntax=x', '\u0000', '\uFEFF', '\uFFFD', ' \\ ', 'FROM', 'RUN', 'ARG A=', 'COPY --from=', 'ONBUILD'),
);

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: junk }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
);

/** Applies mutations to text: line operations on lines, byte insertion and truncation on characters. */
export function mutate(text: string, ms: readonly Mutation[]): string {
  let t = text;
  for (const m of ms) {
    const lines = t.split('\n');
    const n = Math.max(1, lines.length);
    switch (m.kind) {
      case 'delete':
        lines.splice(m.at % n, 1);
        t = lines.join('\n');
        break;
      case 'duplicate':
        lines.splice(m.at % n, 0, lines[m.at % n] ?? '');
        t = lines.join('\n');
        break;
      case 'swap': {
        const a = m.a % n;
        const b = m.b % n;
        [lines[a], lines[b]] = [lines[b] ?? '', lines[a] ?? ''];
        t = lines.join('\n');
        break;
      }
      case 'insert': {
        const at = m.at % (t.length + 1);
        t = t.slice(0, at) + m.text + t.slice(at);
        break;
      }
      case 'truncate':
        t = t.slice(0, m.at % (t.length + 1));
        break;
    }
  }
  return t;
}

/** Number of lines as an editor (and GitHub) counts them: \n, \r\n and a lone \r each end a line. */
export function lineCount(text: string): number {
  return text.split(/\r\n|\r|\n/).length;
}
