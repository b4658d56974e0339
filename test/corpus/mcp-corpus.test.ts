/**
 * The MCP launch/publication engine over the real configs of the corpus (DESIGN §10,
 * ../shared/corpus/real-mcp/configs, read in place): no crash, every finding on a line of its file,
 * no secret value in any message, and the reviewed table of hits per file
 * (test/corpus/mcp-configs.snapshot; regenerate with UPDATE_SNAPSHOTS=1 and review the diff).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { checkMcpFile, classifyMcpPath, type McpFileType } from '../../src/engine/mcp-engine.js';
import { looksLikeServerJson } from '../../src/core/mcp/server-json.js';
import { parseJson } from '../../src/core/mcp/tree.js';
import { CORPUS_DIR, describeCorpus, expectGolden } from '../support/corpus.js';

const root = join(import.meta.dirname, '..', '..');
const dir = join(CORPUS_DIR, 'configs');

/** The corpus flattens `owner__repo__path`: classify by the original path, else by content (example configs). */
export function corpusType(file: string, text: string): McpFileType {
  const original = file.split('__').slice(2).join('/');
  const byPath = classifyMcpPath(original);
  if (byPath) return byPath;
  const r = parseJson(text, 'jsonc');
  if (r.ok && looksLikeServerJson(r.root)) return { kind: 'server-json', dialect: 'json' };
  return { kind: 'client', dialect: file.endsWith('.jsonc') ? 'jsonc' : 'json' };
}

describeCorpus('MCP config corpus', 'configs', () => {
  it('every file is read, every finding is on a real line, hits match the reviewed snapshot', () => {
    const files = readdirSync(dir).filter((f) => /\.(json|jsonc|ya?ml)$/i.test(f)).sort();
    expect(files.length).toBeGreaterThanOrEqual(70);
    const rows: string[] = [];
    for (const f of files) {
      const text = readFileSync(join(dir, f), 'utf8');
      const res = checkMcpFile({ path: `configs/${f}`, text, target: f, type: corpusType(f, text) });
      expect(res.fatal, `${f}: ${res.findings.map((x) => x.message).join('; ')}`).toBe(false);
      const lines = text.split('\n').length;
      for (const x of res.findings) {
        expect(x.location.startLine, `${f} ${x.ruleId}`).toBeGreaterThanOrEqual(1);
        expect(x.location.startLine, `${f} ${x.ruleId}`).toBeLessThanOrEqual(lines);
        rows.push(`${f}\t${x.ruleId}\t${x.location.startLine}`);
      }
    }
    rows.sort();
    const snap = join(root, 'test', 'corpus', 'mcp-configs.snapshot');
    const out = rows.join('\n') + '\n';
    expectGolden(snap, out);
  });
});
