import { describe, expect, it } from 'vitest';
import { sbomSummary } from '../../../src/action/sbom-outputs.js';

describe('the SBOM section of the job summary', () => {
  it('keeps hostile target names and paths inside their table cell', () => {
    const root = '/w';
    const text = sbomSummary(
      [
        { target: 'svc|x\n## Injected\n<img src=x>', format: 'cyclonedx', path: '/w/out/a`b|c\nd.cdx.json' },
        { target: 'plain', format: 'spdx', path: '/w/out/mcg.spdx.json' },
      ] as never,
      root,
      undefined,
    );
    const rows = text.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Target') && !l.startsWith('| ---'));
    expect(rows).toHaveLength(2);
    // every row has exactly its three cells: no unescaped pipe, no line break inside
    for (const r of rows) expect(r.replace(/\\\|/g, '').split('|').length).toBe(5);
    expect(text).not.toMatch(/^## Injected/m);
    expect(text).not.toContain('<img');
    expect(rows[1]).toContain('`out/mcg.spdx.json`');
  });
});
