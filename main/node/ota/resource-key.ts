// A moduleinfo key becomes a URL by resolution against the app's origin, never by concatenation, and only
// when it stays a path on that origin: a crafted moduleinfo cannot aim the check at another host.

export type KeyCheck = { ok: true; url: URL } | { ok: false; why: string };

/** The URL of a moduleinfo key (`/MyApp/scripts/x.js`) on the app's origin, or why the key is refused. */
export function resolveKey(key: string, origin: string): KeyCheck {
  const refuse = (why: string): KeyCheck => ({ ok: false, why });
  if (/[\u0000-\u001f\u007f]/.test(key)) return refuse('it holds a control character or NUL');
  if (key.includes('\\')) return refuse('it holds a backslash');
  if (!key.startsWith('/') || key.startsWith('//')) return refuse('it is not an absolute path on the app (it would change the host)');
  if (/[?#]/.test(key)) return refuse('it holds a query or a fragment');
  let depth = 0;
  for (const raw of key.slice(1).split('/')) {
    const segment = raw.replace(/%2e/gi, '.');
    if (segment === '..') depth--;
    else if (segment !== '.' && segment !== '') depth++;
    if (depth < 0) return refuse("its '..' segments climb above the root");
  }
  let url: URL;
  try {
    url = new URL(key, origin);
  } catch {
    return refuse('it is not a valid URL path');
  }
  if (url.origin !== new URL(origin).origin) return refuse(`it resolves to another origin (${url.origin})`);
  return { ok: true, url };
}

/** A path and query on a point's origin, resolved and checked to stay there. Throws when it would not. */
export function onOrigin(pathAndQuery: string, origin: string): string {
  const url = new URL(pathAndQuery, origin);
  if (url.origin !== new URL(origin).origin || !pathAndQuery.startsWith('/') || pathAndQuery.startsWith('//'))
    throw new Error(`${pathAndQuery} does not stay on ${origin}`);
  return url.href;
}
