// The app's address as a customer types it, turned into the module's base URL the check needs
// (https://host/<App>/), or the reason it cannot be one. Pure: no I/O.

export type AddressProblem = 'empty' | 'notAddress' | 'scheme' | 'noApp' | 'tooLong';

export type AddressResult = { ok: true; url: string; changed: boolean } | { ok: false; problem: AddressProblem };

/** The contract's limit for appUrl. */
const MAX_URL = 2048;

/**
 * Adds https:// when the scheme is missing, drops what follows the app's name (a screen, a query), and
 * ends with '/': an OutSystems app lives at the first segment of the path.
 */
export function normaliseAppUrl(input: string): AddressResult {
  const typed = input.trim();
  if (typed === '') return { ok: false, problem: 'empty' };
  if (typed.length > MAX_URL) return { ok: false, problem: 'tooLong' };
  if (/\s/.test(typed)) return { ok: false, problem: 'notAddress' };
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(typed);
  if (!hasScheme && /^[a-z][a-z0-9+.-]*:(?!\d)/i.test(typed)) return { ok: false, problem: 'scheme' };
  let url: URL;
  try {
    url = new URL(hasScheme ? typed : `https://${typed}`);
  } catch {
    return { ok: false, problem: 'notAddress' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, problem: 'scheme' };
  if (url.hostname === '' || url.username !== '' || url.password !== '') return { ok: false, problem: 'notAddress' };
  const app = url.pathname.split('/').find((s) => s !== '');
  if (app === undefined) return { ok: false, problem: 'noApp' };
  const base = `${url.protocol}//${url.host}/${app}/`;
  if (base.length > MAX_URL) return { ok: false, problem: 'tooLong' };
  return { ok: true, url: base, changed: base !== typed };
}

/** The app's name in a base URL (`MyApp` in https://host/MyApp/). */
export function appNameOf(baseUrl: string): string | undefined {
  try {
    return new URL(baseUrl).pathname.split('/').find((s) => s !== '');
  } catch {
    return undefined;
  }
}

export type ResourceLines =
  { ok: true; resources: string[] } | { ok: false; problem: 'tooLong'; line: number } | { ok: false; problem: 'tooMany' };

const MAX_RESOURCES = 10_000;

/**
 * Support's list of files, one a line, as the case file holds them: `/<App>/<path>`. Full URLs and
 * `?<hash>` suffixes are trimmed; a path without the app's name gets it when the app is known.
 */
export function parseResourceLines(text: string, appName: string | undefined): ResourceLines {
  const out: string[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  for (const [i, raw] of lines.entries()) {
    let p = raw
      .trim()
      .replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '')
      .replace(/[?#].*$/s, '')
      .trim();
    if (p === '' || p === '/') continue;
    if (!p.startsWith('/')) {
      const inApp = appName !== undefined && p.split('/')[0] !== appName;
      p = inApp ? `/${appName}/${p}` : `/${p}`;
    }
    if (p.length > MAX_URL) return { ok: false, problem: 'tooLong', line: i + 1 };
    if (!out.includes(p)) out.push(p);
  }
  if (out.length > MAX_RESOURCES) return { ok: false, problem: 'tooMany' };
  return { ok: true, resources: out };
}
