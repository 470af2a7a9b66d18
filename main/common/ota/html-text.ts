// Small helpers for HTML written as text: escaping (every value from a report is untrusted), monospace
// values, lists, fact tables, times and plurals. Pure: the same input always gives the same markup.
import { CAUSES, type Cause } from './types.js';

export const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text or attribute value → HTML. NUL is not allowed in HTML text, so it becomes U+FFFD. */
export function esc(value: string | number | undefined): string {
  return String(value ?? '').replace(/[&<>"'\u0000]/g, (c) => ESCAPES[c] ?? '\uFFFD');
}

/** A hash, token or address: monospace, and allowed to wrap anywhere so 128-char values keep the layout. */
export const mono = (value: string | number | undefined) => `<span class="h">${esc(value)}</span>`;

export const list = (items: string[], tag: 'ul' | 'ol' = 'ul') => `<${tag}>${items.map((i) => `<li>${i}</li>`).join('')}</${tag}>`;

/** A two-column table of facts; rows whose value is undefined are left out. */
export function facts(rows: Array<[string, string | undefined]>): string {
  const shown = rows.filter((r): r is [string, string] => r[1] !== undefined);
  if (!shown.length) return '';
  return `<table class="kv"><tbody>${shown.map(([k, v]) => `<tr><th scope="row">${esc(k)}</th><td>${v}</td></tr>`).join('')}</tbody></table>`;
}

/** ISO times as people read them; anything else as given. Pure: never the clock of the machine rendering. */
export function when(iso: string | undefined): string {
  if (!iso) return 'unknown';
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/.exec(iso);
  if (!m) return iso;
  return `${m[1]} ${m[2]}${m[3] === 'Z' ? ' UTC' : m[3] ? ` ${m[3]}` : ''}`;
}

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** A cause in a few words; a cause this version does not know is shown as written. */
export const causeWords = (c: Cause) => CAUSES[c]?.words ?? c;

export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * A whole self-contained document: no scripts, nothing fetched (the CSP allows only the inline style),
 * so a report opened from a support case can run nothing and call nowhere.
 */
export function htmlDocument(title: string, style: string, body: string[]): string {
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(title)}</title>`,
    `<style>${style}</style>`,
    '</head>',
    '<body>',
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
