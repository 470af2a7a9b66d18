// Which links may leave the app for the system browser: https only, a real host name, no credentials,
// nothing that could hide where it goes. Pure and table-tested (look-alike URLs included).

export type UrlCheck = { ok: true; url: string } | { ok: false; reason: string };

export function isSafeExternalUrl(text: string): UrlCheck {
  if (typeof text !== 'string' || text.length > 2048) return { ok: false, reason: 'not a link' };
  // Control characters and spaces can make a URL read differently to a person and to a parser.
  if (/[\u0000-\u0020\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/.test(text))
    return { ok: false, reason: 'the link holds hidden or control characters' };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, reason: 'not a valid link' };
  }
  if (url.protocol !== 'https:')
    return { ok: false, reason: `only https links open in the browser (this one is ${url.protocol.replace(/:$/, '')})` };
  if (url.username || url.password) return { ok: false, reason: 'the link carries a user name or password' };
  const host = url.hostname;
  // A host written as a number (decimal, hex, IPv4 or IPv6) hides where it leads.
  if (/^\[.*\]$/.test(host) || /^[\d.]+$/.test(host) || /^0x[0-9a-f]+$/i.test(host))
    return { ok: false, reason: 'the link points at a bare IP address' };
  if (!host || host.endsWith('.') || !host.includes('.')) return { ok: false, reason: 'the link has no full host name' };
  if (/(^|\.)xn--/i.test(host)) return { ok: false, reason: 'the host name uses international characters that can imitate another site' };
  if (url.port && url.port !== '443') return { ok: false, reason: 'the link uses an unusual port' };
  return { ok: true, url: url.href };
}
