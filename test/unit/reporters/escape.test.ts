import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  codeSpan,
  escapeHtmlText,
  escapeMarkdownText,
  escapeWorkflowCommandData,
  escapeWorkflowCommandProperty,
  plainText,
  safeHttpUrl,
} from '../../../src/reporters/escape.js';
import { renderGfm, tableShapes, tagsIn, textOf } from '../../support/gfm.js';

const ZWJ = '\u200d';
const RUNS = { numRuns: 300, seed: 20260821 };

/** Strings rich in the characters that matter: markdown punctuation, HTML, mentions, pipes, line breaks, controls. */
const hostileChar = fc.constantFrom(
  ...'<>&"\'`*_[]()!|~$#@\\:/.-+=\n\r\t {}'.split(''),
  '\u0000',
  '\u001b',
  '\u0085',
  '\u2028',
  '\u202e',
  'a',
  'Z',
  '1',
  'é',
  '😀',
  '\ud800',
  'www.',
  'https://',
  'x@y.example',
);
const hostile = fc.oneof(fc.string({ maxLength: 80 }), fc.array(hostileChar, { maxLength: 80 }).map((a) => a.join('')));

const FIXED_HOSTILE = [
  '@org/team please look',
  'ping @octocat and @github/security',
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '[click](javascript:alert(1))',
  'text](javascript:alert(1))',
  '![x](https://evil.example/pixel.png)',
  'a | b | c',
  '```\ncode\n```',
  '`` a ` b ``',
  'line1\nline2\r\nline3\rline4',
  '# heading',
  '- item',
  '1. item',
  '> quote',
  '**bold** _em_ ~~strike~~ $x^2$',
  'see www.evil.example and https://evil.example/x and a@b.example',
  'closes #123 and GH-1',
  '<!-- hidden -->',
  '&lt;already&gt; &amp;',
  '\u001b[31mred\u001b[0m',
  '\u202eevil',
];

describe('plainText', () => {
  it('folds line breaks, removes controls and bidi overrides, trims', () => {
    expect(plainText('a\nb\r\nc\rd\u2028e\tf')).toBe('a b c d e f');
    expect(plainText('\u001b[31mred\u001b[0m')).toBe('[31mred[0m');
    expect(plainText('x\u202ey\u2066z')).toBe('xyz');
    expect(plainText('  x  ')).toBe('x');
    expect(plainText(undefined)).toBe('');
  });

  it('caps long input and marks the cut, without splitting a surrogate pair', () => {
    const s = plainText('x'.repeat(100_000), 50);
    expect(s).toBe('x'.repeat(50) + '…');
    const emoji = plainText('a' + '😀'.repeat(10), 4);
    expect(emoji).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
    expect(emoji.endsWith('…')).toBe(true);
  });

  it('property: one line, no controls, bounded, well-formed', () => {
    fc.assert(
      fc.property(hostile, fc.integer({ min: 1, max: 100 }), (s, max) => {
        const out = plainText(s, max);
        expect(out).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e]/);
        expect(out.length).toBeLessThanOrEqual(max + 1);
        expect(out).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
      }),
      RUNS,
    );
  });
});

describe('escapeMarkdownText', () => {
  it.each(FIXED_HOSTILE)('renders %j as inert text', (s) => {
    const md = escapeMarkdownText(s);
    const html = renderGfm(md);
    expect(tagsIn(html)).toEqual(['p']);
    // What a reader sees is the original text (one line, controls removed), plus invisible joiners.
    expect(textOf(html).trim().replaceAll(ZWJ, '')).toBe(plainText(s));
  });

  it('breaks @mentions and #references with a zero-width joiner', () => {
    const md = escapeMarkdownText('@org/team and @octocat fix #12');
    expect(md).not.toMatch(/@[A-Za-z0-9]/);
    expect(md).toContain(`@${ZWJ}org/team`);
    expect(md).toContain(`#${ZWJ}12`);
  });

  it('never emits raw < > or an unescaped link opener', () => {
    const md = escapeMarkdownText('<a href="x">y</a> [z](javascript:alert(1))');
    expect(md).not.toMatch(/[<>]/);
    expect(md).not.toMatch(/(^|[^\\])\]\(/);
  });

  it('caps a 100 KB message', () => {
    const md = escapeMarkdownText('A'.repeat(100_000));
    expect(md.length).toBeLessThanOrEqual(1001);
  });

  it('property: renders to one paragraph of the original text, also inside a table cell', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        const md = escapeMarkdownText(s);
        expect(md).not.toMatch(/[\n\r<>]/);
        expect(md).not.toMatch(/@(?!\u200d)/);
        const para = renderGfm(md);
        if (plainText(s) !== '') {
          expect(tagsIn(para)).toEqual(['p']);
          expect(textOf(para).trim().replaceAll(ZWJ, '')).toBe(plainText(s));
        }
        const table = renderGfm(`| a | b |\n|---|---|\n| ${md} | end |\n`);
        expect(tableShapes(table)).toEqual([[2, 2]]);
        expect(tagsIn(table).filter((t) => !['table', 'thead', 'tbody', 'tr', 'th', 'td'].includes(t))).toEqual([]);
      }),
      RUNS,
    );
  });
});

describe('codeSpan', () => {
  it('chooses a fence longer than any backtick run and pads when needed', () => {
    expect(codeSpan('plain')).toBe('`plain`');
    expect(codeSpan('a`b')).toBe('``a`b``');
    expect(codeSpan('`x`')).toBe('`` `x` ``');
    expect(codeSpan('a```b')).toBe('````a```b````');
    expect(codeSpan('')).toBe('` `');
  });

  it('keeps HTML and mentions inert', () => {
    const html = renderGfm(codeSpan('<img src=x onerror=alert(1)> @org/team'));
    expect(tagsIn(html)).toEqual(['p', 'code']);
  });

  it('escapes pipes only in table mode', () => {
    expect(codeSpan('a|b')).toBe('`a|b`');
    expect(codeSpan('a|b', { table: true })).toBe('`a\\|b`');
  });

  it('property: one code span showing the original text, in a paragraph and in a table cell', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        const expected = plainText(s, 300);
        fc.pre(expected !== '' && !/^ +$/.test(expected));
        const para = renderGfm(codeSpan(s));
        expect(tagsIn(para)).toEqual(['p', 'code']);
        expect(textOf(para.replace(/^<p><code>|<\/code><\/p>$/g, ''))).toBe(expected);
        const table = renderGfm(`| a | b |\n|---|---|\n| ${codeSpan(s, { table: true })} | end |\n`);
        expect(tableShapes(table)).toEqual([[2, 2]]);
        const cell = /<td><code>([\s\S]*?)<\/code><\/td>/.exec(table);
        expect(cell).not.toBeNull();
        expect(textOf((cell as RegExpExecArray)[1] as string)).toBe(expected);
      }),
      RUNS,
    );
  });
});

describe('escapeHtmlText', () => {
  it('escapes entities and breaks mentions inside raw HTML', () => {
    expect(escapeHtmlText('<b>@x</b> & "q"')).toBe(`&lt;b&gt;@${ZWJ}x&lt;/b&gt; &amp; &quot;q&quot;`);
    const html = renderGfm(`<details><summary>${escapeHtmlText('<img src=x onerror=1>')}</summary>\n\nx\n</details>`);
    expect(tagsIn(html)).not.toContain('img');
  });
});

/** The toolkit's own unescaping, as the runner reads command data and properties. */
function unescapeData(s: string): string {
  return s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}
function unescapeProperty(s: string): string {
  return s.replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}

describe('workflow command escaping', () => {
  it('follows the toolkit rules', () => {
    expect(escapeWorkflowCommandData('50% done\r\nnext')).toBe('50%25 done%0D%0Anext');
    expect(escapeWorkflowCommandProperty('a:b,c%\n')).toBe('a%3Ab%2Cc%25%0A');
    expect(escapeWorkflowCommandData('::error::x')).toBe('::error::x');
  });

  it('property: data never holds a line break and round-trips', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        const d = escapeWorkflowCommandData(s);
        expect(d).not.toMatch(/[\r\n]/);
        expect(unescapeData(d)).toBe(s);
      }),
      RUNS,
    );
  });

  it('property: a property never holds , : or a line break and round-trips', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        const p = escapeWorkflowCommandProperty(s);
        expect(p).not.toMatch(/[\r\n,:]/);
        expect(unescapeProperty(p)).toBe(s);
      }),
      RUNS,
    );
  });
});

describe('safeHttpUrl', () => {
  it('keeps http(s) and refuses other schemes', () => {
    expect(safeHttpUrl('https://avd.aquasec.com/nvd/cve-2024-1234')).toBe('https://avd.aquasec.com/nvd/cve-2024-1234');
    expect(safeHttpUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeHttpUrl('data:text/html,x')).toBeUndefined();
    expect(safeHttpUrl('not a url')).toBeUndefined();
  });

  it('encodes characters that would close a link or a cell', () => {
    const u = safeHttpUrl('https://x.example/a(b)|c[d]');
    expect(u).toBe('https://x.example/a%28b%29%7Cc%5Bd%5D');
    const html = renderGfm(`| a |\n|---|\n| [t](${u}) |\n`);
    expect(tableShapes(html)).toEqual([[1, 1]]);
    expect(html).toContain('href="https://x.example/a%28b%29%7Cc%5Bd%5D"');
  });
});
