/**
 * Splits a manifest file into documents the way `kubectl apply -f` does (k8s.io/apimachinery
 * util/yaml's YAMLOrJSONDecoder, which cli-runtime's stream visitor uses). Pure, linear time.
 *
 * - A stream whose first non-whitespace character is `{` is JSON: a sequence of JSON values,
 *   one object after another, whatever the file is called.
 * - Otherwise it is YAML, cut at every line that starts with `---`. The rest of such a line may
 *   only be blanks or a `#` comment: anything else (`--- {a: 1}`, `--- |`, `----`) is an error
 *   for kubectl, which stops reading the file there. `...` is no separator for kubectl.
 */

export interface KubectlChunk {
  text: string;
  /** Lines of the file before the chunk. */
  lineOffset: number;
}

export interface KubectlSplit {
  format: 'json' | 'yaml';
  chunks: KubectlChunk[];
  /** Where kubectl stops reading the file, and why. */
  error?: { line: number; message: string };
}

function isWs(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** True when kubectl reads the text as a JSON stream (its first non-whitespace byte is `{`). */
export function looksLikeJsonStream(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfeff && i === 0) continue;
    if (!isWs(c)) return c === 123;
  }
  return false;
}

function splitJson(text: string): KubectlSplit {
  const chunks: KubectlChunk[] = [];
  let line = 0;
  let depth = 0;
  let inString = false;
  let start = -1;
  let startLine = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) line++;
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
      continue;
    }
    if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (depth === 0) {
        start = i;
        startLine = line;
      }
      depth++;
    } else if (c === 125 || c === 93) {
      depth--;
      if (depth === 0 && start >= 0) {
        // keep the chunk's own lines: pad with the text between the line start and the value
        const lineStart = text.lastIndexOf('\n', start) + 1;
        chunks.push({ text: ' '.repeat(start - lineStart) + text.slice(start, i + 1), lineOffset: startLine });
        start = -1;
      }
      if (depth < 0) return { format: 'json', chunks, error: { line: line + 1, message: 'unbalanced `}` or `]` in the JSON stream' } };
    } else if (depth === 0 && !isWs(c)) {
      return { format: 'json', chunks, error: { line: line + 1, message: 'text between JSON objects: kubectl reads this file as a JSON stream and stops here' } };
    }
  }
  if (depth > 0 && start >= 0) chunks.push({ text: text.slice(start), lineOffset: startLine });
  return { format: 'json', chunks };
}

function splitYaml(text: string): KubectlSplit {
  const chunks: KubectlChunk[] = [];
  let from = 0;
  let fromLine = 0;
  let line = 0;
  let pos = 0;
  while (pos <= text.length) {
    const nl = text.indexOf('\n', pos);
    const end = nl < 0 ? text.length : nl;
    if (text.startsWith('---', pos)) {
      const rest = text.slice(pos + 3, end).trim();
      if (rest.length > 0 && rest[0] !== '#') {
        if (pos > from) chunks.push({ text: text.slice(from, pos), lineOffset: fromLine });
        return { format: 'yaml', chunks, error: { line: line + 1, message: `kubectl rejects the document separator \`---${rest.slice(0, 40)}\` (only blanks or a # comment may follow \`---\`) and stops reading the file here` } };
      }
      if (pos > from) chunks.push({ text: text.slice(from, pos), lineOffset: fromLine });
      from = nl < 0 ? text.length : nl + 1;
      fromLine = line + 1;
    }
    if (nl < 0) break;
    pos = nl + 1;
    line++;
  }
  if (from < text.length) chunks.push({ text: text.slice(from), lineOffset: fromLine });
  return { format: 'yaml', chunks };
}

export function splitAsKubectl(text: string): KubectlSplit {
  return looksLikeJsonStream(text) ? splitJson(text) : splitYaml(text);
}
