/**
 * The engine over every real MCP Dockerfile: no crash, no parse error, every finding on a line that
 * exists and that holds an instruction; the per-file table of rule hits is committed
 * (test/corpus/dockerfiles.snapshot) and reviewed, so any change in behaviour shows in a diff.
 * Regenerate with UPDATE_SNAPSHOTS=1.
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { expect, it } from 'vitest';
import { checkDockerfile } from '../../src/engine/engine.js';
import { dockerfileRules } from '../../src/rules/index.js';
import { corpusFiles, describeCorpus, expectGolden } from '../support/corpus.js';

const SNAPSHOT = join(import.meta.dirname, 'dockerfiles.snapshot');

describeCorpus('real MCP Dockerfiles', 'dockerfiles', () => {
  const files = corpusFiles('dockerfiles') ?? [];
  it('are all checked without error, every finding on a real instruction line, matching the reviewed table', () => {
    expect(files.length).toBeGreaterThanOrEqual(70);
    const rows: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const lines = text.split(/\r?\n/);
      const res = checkDockerfile({ path: basename(file), text, target: basename(file) }, dockerfileRules);
      expect(res.fatal, `${basename(file)} could not be parsed`).toBe(false);
      const errs = res.findings.filter((f) => f.ruleId === 'MCG991');
      expect(errs.map((f) => f.message), basename(file)).toEqual([]);
      const starts = new Set(res.model.instructions.map((i) => i.line));
      for (const f of res.findings) {
        expect(f.location.startLine).toBeGreaterThanOrEqual(1);
        expect(f.location.startLine, `${basename(file)} ${f.ruleId}`).toBeLessThanOrEqual(lines.length);
        expect(starts.has(f.location.startLine), `${basename(file)}:${f.location.startLine} ${f.ruleId} is not on an instruction`).toBe(true);
        rows.push(`${basename(file)}\t${f.ruleId}\t${f.location.startLine}`);
      }
    }
    rows.sort();
    const table = `${rows.join('\n')}\n`;
    expectGolden(SNAPSHOT, table);
  });
});
