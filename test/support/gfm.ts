/**
 * Render GitHub-flavoured markdown to HTML with a real CommonMark + GFM parser (micromark), with
 * raw HTML passed through — so a test sees exactly what an escaping mistake would let through.
 */
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';

export function renderGfm(md: string): string {
  return micromark(md, { allowDangerousHtml: true, allowDangerousProtocol: false, extensions: [gfm()], htmlExtensions: [gfmHtml()] });
}

/** Every `<tag` in rendered HTML (lower case names). */
export function tagsIn(html: string): string[] {
  return [...html.matchAll(/<([a-zA-Z][a-zA-Z0-9-]*)/g)].map((m) => (m[1] as string).toLowerCase());
}

/** Cells per row of every table in rendered HTML. */
export function tableShapes(html: string): number[][] {
  const tables = [...html.matchAll(/<table>([\s\S]*?)<\/table>/g)].map((m) => m[1] as string);
  return tables.map((t) => [...t.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((r) => [...(r[1] as string).matchAll(/<t[dh][ >]/g)].length));
}

/** The text content of rendered HTML (tags removed, the few entities micromark emits decoded). */
export function textOf(html: string): string {
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}
