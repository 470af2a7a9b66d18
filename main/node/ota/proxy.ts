// Which proxy the public samples go through: --proxy, else HTTPS_PROXY / HTTP_PROXY unless NO_PROXY names
// the host (devices and customers sit behind such proxies). Direct frontend connections never use one.

export interface ProxyChoice {
  url: URL;
  /** The proxy URL without credentials, for the report. */
  display: string;
  /** `Basic …` when the proxy URL carries user:password. */
  authorization?: string;
}

export type Env = Record<string, string | undefined>;

export function parseProxy(text: string): ProxyChoice {
  const url = new URL(/^[a-z]+:\/\//i.test(text) ? text : `http://${text}`);
  if (url.protocol !== 'http:') throw new Error(`proxy ${text}: only http:// proxies are supported`);
  const authorization = url.username
    ? `Basic ${Buffer.from(`${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`).toString('base64')}`
    : undefined;
  const display = `${url.protocol}//${url.host}`;
  return { url, display, authorization };
}

/** The proxy for a public URL, or undefined for a direct connection. */
export function proxyFor(target: string, explicit: string | undefined, env: Env = process.env): ProxyChoice | undefined {
  if (explicit) return parseProxy(explicit);
  const url = new URL(target);
  const pick = (name: string) => env[name] ?? env[name.toLowerCase()];
  const raw = url.protocol === 'https:' ? (pick('HTTPS_PROXY') ?? pick('HTTP_PROXY')) : pick('HTTP_PROXY');
  if (!raw || bypassed(url, pick('NO_PROXY') ?? '')) return undefined;
  return parseProxy(raw);
}

/** NO_PROXY as curl reads it: `*`, host names matching as suffixes (`.example.com` or `example.com`), optional :port. */
export function bypassed(url: URL, noProxy: string): boolean {
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  for (const raw of noProxy.split(/[\s,]+/).filter(Boolean)) {
    if (raw === '*') return true;
    const m = /^\[?([^\]]+?)\]?(?::(\d+))?$/.exec(raw.toLowerCase());
    if (!m) continue;
    const [, name = '', p] = m;
    if (p && p !== port) continue;
    const bare = name.replace(/^\*?\./, '');
    if (host === bare || host.endsWith(`.${bare}`)) return true;
  }
  return false;
}
