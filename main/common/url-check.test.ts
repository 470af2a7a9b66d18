import { describe, expect, it } from 'vitest';
import { isSafeExternalUrl } from './url-check.js';

describe('isSafeExternalUrl', () => {
  it.each([
    'https://success.outsystems.com/documentation/11/',
    'https://github.com/outsystems/hash-workbench/issues?q=is%3Aopen',
    'https://example.com:443/path#frag',
  ])('opens %s', (url) => {
    expect(isSafeExternalUrl(url).ok).toBe(true);
  });

  it.each([
    ['http://example.com/', /only https/],
    ['javascript:alert(1)', /only https/],
    ['file:///etc/passwd', /only https/],
    ['data:text/html,<script>alert(1)</script>', /only https/],
    ['app://renderer/index.html', /only https/],
    ['HTTPS://user:pass@example.com/', /user name or password/],
    ['https://example.com@evil.example/', /user name or password/],
    ['https://127.0.0.1/', /bare IP/],
    ['https://2130706433/', /bare IP|full host/],
    ['https://0x7f000001/', /bare IP|full host/],
    ['https://[::1]/', /bare IP/],
    ['https://localhost/', /full host name/],
    ['https://example.com./', /full host name/],
    ['https://xn--e1awd7f.com/', /international/],
    ['https://еxample.com/', /international/], // Cyrillic е
    ['https://exa\u200bmple.com/', /hidden or control/],
    [' https://example.com/', /hidden or control/],
    ['https://example.com\n.evil.example/', /hidden or control/],
    ['https://example.com\u202e/moc.elpmaxe', /hidden or control/],
    ['https://example.com:8443/', /unusual port/],
    ['notaurl', /not a valid link/],
    ['//example.com/', /not a valid link/],
  ])('refuses %s', (url, reason) => {
    const r = isSafeExternalUrl(url);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });
});
