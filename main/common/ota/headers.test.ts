import { describe, expect, it } from 'vitest';
import { cacheEvidence } from './cache-detection.js';
import { affinityCookies, decodeBigIpCookie } from './cookies.js';
import { headerValue, headerValues } from './headers.js';
import { redactHeaders, redactUrl } from './redaction.js';
import { tellingHeaders } from './telling-headers.js';
import type { Header } from './types.js';

describe('headerValues / headerValue', () => {
  const h: Header[] = [
    ['via', '1.1 varnish'],
    ['Via', '1.1 p.example.net'],
    ['set-cookie', 'a=1'],
    ['set-cookie', 'b=2'],
    ['cookie', 'x=1'],
    ['cookie', 'y=2'],
    ['date', 'Fri, 20 Nov 2026 09:14:02 GMT'],
  ];
  it('matches names case-insensitively and keeps order', () => {
    expect(headerValues(h, 'VIA')).toEqual(['1.1 varnish', '1.1 p.example.net']);
    expect(headerValues(h, 'x-cache')).toEqual([]);
  });
  it('joins list headers, never Set-Cookie, and Cookie with "; "', () => {
    expect(headerValue(h, 'Via')).toBe('1.1 varnish, 1.1 p.example.net');
    expect(headerValue(h, 'Set-Cookie')).toBe('a=1');
    expect(headerValue(h, 'cookie')).toBe('x=1; y=2');
    expect(headerValue(h, 'date')).toBe('Fri, 20 Nov 2026 09:14:02 GMT');
    expect(headerValue(h, 'age')).toBeUndefined();
  });
});

describe('decodeBigIpCookie', () => {
  it('decodes the IPv4 pool-member form (K6917 example)', () => {
    expect(decodeBigIpCookie('1677787402.20480.0000')).toBe('10.1.1.100:80');
    // 192.168.1.10 → 0x0a01a8c0 = 167880896; port 443 = 0x01bb → swapped 0xbb01 = 47873.
    expect(decodeBigIpCookie('167880896.47873.0000')).toBe('192.168.1.10:443');
  });
  it('decodes the route-domain form', () => {
    expect(decodeBigIpCookie('rd5o00000000000000000000ffffc0000201o80')).toBe('192.0.2.1:80 (route domain 5)');
    expect(decodeBigIpCookie('rd2o20010db800000000000000000000000ao443')).toBe('[2001:db8::a]:443 (route domain 2)');
  });
  it('decodes the IPv6 form, compressed per RFC 5952', () => {
    expect(decodeBigIpCookie('vi20010112000000000000000000000030.20480')).toBe('[2001:112::30]:80');
    // Longest zero run wins; a single zero group is not compressed.
    expect(decodeBigIpCookie('vi20010db8000000010000000000000001.20480')).toBe('[2001:db8:0:1::1]:80');
    expect(decodeBigIpCookie('vi00000000000000000000000000000001.47873')).toBe('[::1]:443');
  });
  it('refuses encrypted and unknown values', () => {
    expect(decodeBigIpCookie('!Zx6Xq1P3kcu0yx3XbY0Sv1Jz+U8hlLw4QvJyP9Q/1GJzBH3cDsmT0uc=')).toBeUndefined();
    expect(decodeBigIpCookie('1677787402.20480')).toBeUndefined();
    expect(decodeBigIpCookie('99999999999.20480.0000')).toBeUndefined();
    expect(decodeBigIpCookie('1677787402.99999.0000')).toBeUndefined();
    expect(decodeBigIpCookie('hello')).toBeUndefined();
  });
});

describe('affinityCookies', () => {
  it('reads Set-Cookie and Cookie, names only plus the decoded member', () => {
    const a = affinityCookies([
      ['set-cookie', 'BIGipServerpool_apps=1677787402.20480.0000; path=/; Httponly'],
      ['set-cookie', 'session=abc; path=/'],
      ['set-cookie', 'ARRAffinity=9b0c6f6a4b8e; Path=/;HttpOnly'],
      ['cookie', 'AWSALB=Zm9v; JSESSIONID=123; NSC_vsrv_web=ffffffff0908'],
    ]);
    expect(a).toEqual([
      { cookie: 'BIGipServerpool_apps', member: '10.1.1.100:80' },
      { cookie: 'ARRAffinity' },
      { cookie: 'AWSALB' },
      { cookie: 'NSC_vsrv_web' },
    ]);
  });
});

describe('cacheEvidence', () => {
  it('Fastly HIT with Age', () => {
    const e = cacheEvidence([
      ['age', '120'],
      ['x-cache', 'HIT'],
      ['x-served-by', 'cache-fra-etou8220049-FRA'],
      ['via', '1.1 varnish'],
    ]);
    expect(e.hit).toBe(true);
    expect(e.age).toBe(120);
    expect(e.element).toBe('Fastly');
    expect(e.statements).toContain('Age: 120 — the object spent 120 s in a cache; the origin did not generate this response.');
    expect(e.statements).toContain('X-Cache: HIT — served from a cache (Fastly); the origin did not send this body.');
  });
  it('Fastly shielding: any HIT entry is a hit', () => {
    expect(
      cacheEvidence([
        ['x-cache', 'MISS, HIT'],
        ['x-served-by', 'cache-a, cache-b'],
      ]).hit,
    ).toBe(true);
    expect(
      cacheEvidence([
        ['x-cache', 'MISS, MISS'],
        ['x-served-by', 'cache-a, cache-b'],
      ]).hit,
    ).toBe(false);
  });
  it('Squid chain names the proxy that hit', () => {
    const e = cacheEvidence([['x-cache', 'HIT from proxy.domain, MISS from proxy.local']]);
    expect(e).toMatchObject({ hit: true, element: 'Squid (proxy.domain)' });
  });
  it('CloudFront hit and refresh hit, named by POP', () => {
    expect(
      cacheEvidence([
        ['x-cache', 'Hit from cloudfront'],
        ['x-amz-cf-pop', 'LHR50-C1'],
      ]),
    ).toMatchObject({ hit: true, element: 'CloudFront (LHR50-C1)' });
    expect(cacheEvidence([['x-cache', 'RefreshHit from cloudfront']]).hit).toBe(true);
    expect(
      cacheEvidence([
        ['x-cache', 'Miss from cloudfront'],
        ['x-amz-cf-pop', 'LHR50-C1'],
      ]),
    ).toMatchObject({ hit: false, element: 'CloudFront (LHR50-C1)' });
    expect(cacheEvidence([['x-cache', 'Error from cloudfront']]).hit).toBe(false);
  });
  it('Akamai and Azure TCP codes', () => {
    for (const v of ['TCP_HIT', 'TCP_MEM_HIT', 'TCP_REFRESH_HIT', 'TCP_REFRESH_FAIL_HIT', 'TCP_REMOTE_HIT']) {
      expect(cacheEvidence([['x-cache', `${v} from a23-1-2-3.deploy.akamaitechnologies.com (AkamaiGHost/11.4.2-1) (-)`]]).hit, v).toBe(
        true,
      );
    }
    expect(cacheEvidence([['x-cache', 'TCP_MISS from a23-1-2-3.deploy.akamaitechnologies.com (AkamaiGHost/11.4.2-1) (-)']])).toMatchObject({
      hit: false,
      element: 'Akamai',
    });
    expect(
      cacheEvidence([
        ['x-cache', 'TCP_REMOTE_HIT'],
        ['x-azure-ref', '0zvRAZwAAAAD'],
      ]),
    ).toMatchObject({ hit: true, element: 'Azure Front Door' });
    expect(
      cacheEvidence([
        ['x-cache', 'CONFIG_NOCACHE'],
        ['x-azure-ref', '0zvRAZwAAAAD'],
      ]).hit,
    ).toBe(false);
  });
  it('Cloudflare statuses, named with the CF-Ray data centre', () => {
    for (const s of ['HIT', 'STALE', 'UPDATING', 'REVALIDATED']) {
      expect(
        cacheEvidence([
          ['cf-cache-status', s],
          ['cf-ray', '4a807f60ca5727a4-FRA'],
        ]),
        s,
      ).toMatchObject({ hit: true, element: 'Cloudflare (FRA)' });
    }
    for (const s of ['MISS', 'BYPASS', 'DYNAMIC', 'EXPIRED']) {
      expect(
        cacheEvidence([
          ['cf-cache-status', s],
          ['cf-ray', '4a807f60ca5727a4-FRA'],
        ]).hit,
        s,
      ).toBe(false);
    }
  });
  it('nginx, Varnish and RFC 9211 Cache-Status', () => {
    expect(cacheEvidence([['x-cache-status', 'HIT']])).toMatchObject({ hit: true, element: 'nginx' });
    expect(cacheEvidence([['x-cache-status', 'EXPIRED']]).hit).toBe(false);
    expect(cacheEvidence([['x-varnish', '1468106086 1468106084']])).toMatchObject({ hit: true, element: 'Varnish' });
    expect(cacheEvidence([['x-varnish', '1468106086']]).hit).toBe(false);
    const cs = cacheEvidence([['cache-status', 'ReverseProxyCache; hit, ForwardProxyCache; fwd=uri-miss; stored']]);
    expect(cs).toMatchObject({ hit: true, element: 'ReverseProxyCache' });
    expect(cacheEvidence([['cache-status', 'ExampleCache; fwd=uri-miss']]).hit).toBe(false);
  });
  it('Age 0 alone is not a hit; Via names the element', () => {
    const e = cacheEvidence([
      ['age', '0'],
      ['via', '1.1 my-cache.example'],
    ]);
    expect(e).toMatchObject({ hit: false, age: 0, element: 'my-cache.example' });
    expect(cacheEvidence([['via', '1.1 varnish']]).element).toBe('Varnish');
    expect(cacheEvidence([['via', '1.0 fred (squid/3.5.27)']]).element).toBe('Squid (fred)');
  });
  it('Age > 0 alone is a hit', () => {
    expect(cacheEvidence([['age', '5']])).toMatchObject({ hit: true, age: 5 });
  });
  it('says so when nothing shows a cache', () => {
    const e = cacheEvidence([['content-type', 'text/javascript']]);
    expect(e.hit).toBe(false);
    expect(e.element).toBeUndefined();
    expect(e.statements).toHaveLength(1);
  });
});

describe('tellingHeaders', () => {
  it('picks out the evidence headers with value-specific meanings', () => {
    const t = tellingHeaders([
      ['age', '120'],
      ['x-cache', 'HIT'],
      ['x-served-by', 'cache-fra-etou8220049-FRA'],
      ['etag', '"80b5cc3b1f1dc1:0"'],
      ['content-length', '4096'],
      ['accept-ranges', 'bytes'],
      ['set-cookie', 'BIGipServerpool_apps=1677787402.20480.0000; path=/'],
      ['set-cookie', 'session=abc; path=/'],
      ['cache-control', 'public, max-age=31536000'],
      ['x-akamai-transformed', '9 12345 0 pmb=mRUM,1'],
      ['repr-digest', 'sha-256=:RK/0qy18MlBSVnWgjwz6lZEWjP/lF5HF9bvEF8FabDg=:'],
    ]);
    expect(t.map((x) => x.name)).toEqual([
      'Age',
      'X-Cache',
      'X-Served-By',
      'ETag',
      'Content-Length',
      'Set-Cookie',
      'Cache-Control',
      'X-Akamai-Transformed',
      'Repr-Digest',
    ]);
    expect(t[0]).toEqual({
      name: 'Age',
      value: '120',
      kind: 'cache',
      meaning: 'The object spent 120 s in a cache — the origin did not generate this response.',
    });
    expect(t[1]!.meaning).toBe('Served from a cache (Fastly: HIT) — the origin was not contacted.');
    expect(t[5]).toEqual({
      name: 'Set-Cookie',
      value: 'BIGipServerpool_apps (member 10.1.1.100:80)',
      kind: 'affinity',
      meaning: 'F5 BIG-IP pins this client to pool member 10.1.1.100:80 (pool pool_apps).',
    });
    expect(t[6]!.meaning).toBe('It stays fresh for 31536000 s; shared caches may store it.');
    expect(t[7]).toMatchObject({ kind: 'transform', meaning: 'Akamai transformed the body at the edge.' });
    expect(t[8]!.kind).toBe('digest');
  });
  it('Cloudflare names its data centre', () => {
    const t = tellingHeaders([
      ['cf-cache-status', 'HIT'],
      ['cf-ray', '4a807f60ca5727a4-FRA'],
    ]);
    expect(t[0]!.meaning).toBe('Served from a cache (Cloudflare (FRA): HIT) — the origin was not contacted.');
    expect(t[1]).toMatchObject({ name: 'CF-Ray', kind: 'proxy', meaning: 'Handled by Cloudflare in data centre FRA.' });
  });
  it('never shows a session cookie', () => {
    const t = tellingHeaders([
      ['set-cookie', 'session=secret123'],
      ['cookie', 'JSESSIONID=abc; ROUTEID=.node1'],
    ]);
    expect(t).toEqual([
      {
        name: 'Cookie',
        value: 'ROUTEID',
        kind: 'affinity',
        meaning: 'Load-balancer affinity cookie: the client asked to go to the same server.',
      },
    ]);
  });
});

describe('redactHeaders', () => {
  it('keeps cookie names and attributes, hides values, keeps the BIG-IP member', () => {
    const r = redactHeaders([
      ['set-cookie', 'BIGipServerpool_apps=1677787402.20480.0000; path=/; Httponly; Secure'],
      ['set-cookie', 'session=Zm9vYmFy; path=/; secure; HttpOnly; SameSite=Lax'],
      ['set-cookie', 'ARRAffinity=9b0c6f; Path=/;HttpOnly'],
      ['cookie', 'BIGipServerpool_apps=1677787402.20480.0000; osVisitor=3f2c; session=Zm9vYmFy'],
      ['authorization', 'Bearer eyJhbGciOiJIUzI1NiJ9.e30.c2ln'],
      ['proxy-authorization', 'Basic dTpw'],
      ['x-api-key', 'k-123'],
      ['x-csrftoken', 'abc'],
      ['x-client-secret', 'shh'],
      ['content-type', 'text/javascript'],
    ]);
    expect(r.headers).toEqual([
      ['set-cookie', 'BIGipServerpool_apps=<redacted; member 10.1.1.100:80>; path=/; Httponly; Secure'],
      ['set-cookie', 'session=<redacted>; path=/; secure; HttpOnly; SameSite=Lax'],
      ['set-cookie', 'ARRAffinity=<redacted>; Path=/;HttpOnly'],
      ['cookie', 'BIGipServerpool_apps=<redacted; member 10.1.1.100:80>; osVisitor=<redacted>; session=<redacted>'],
      ['authorization', '<redacted>'],
      ['proxy-authorization', '<redacted>'],
      ['x-api-key', '<redacted>'],
      ['x-csrftoken', '<redacted>'],
      ['x-client-secret', '<redacted>'],
      ['content-type', 'text/javascript'],
    ]);
    expect(r.redacted).toEqual([
      'cookie values (Set-Cookie: BIGipServerpool_apps, session, ARRAffinity)',
      'cookie values (Cookie: BIGipServerpool_apps, osVisitor, session)',
      'Authorization header',
      'Proxy-Authorization header',
      'X-Api-Key header',
      'X-Csrftoken header',
      'X-Client-Secret header',
    ]);
  });
  it('touches nothing else', () => {
    const h: Header[] = [
      ['etag', '"abc"'],
      ['x-cache', 'HIT'],
      ['set-cookie', 'gone=; Max-Age=0'],
    ];
    expect(redactHeaders(h)).toEqual({ headers: h, redacted: [] });
  });
});

describe('redactUrl', () => {
  it('redacts secret-looking parameters, in place', () => {
    expect(redactUrl('https://apps.example.com/MyApp/moduleservices/moduleinfo?access_token=abc&x=1')).toEqual({
      url: 'https://apps.example.com/MyApp/moduleservices/moduleinfo?access_token=<redacted>&x=1',
      redacted: ['query parameter access_token'],
    });
    expect(redactUrl('https://h/p?a=1&Token=t&refresh_token=r&SIG=s&apikey=k&code=c&page=2#x').url).toBe(
      'https://h/p?a=1&Token=<redacted>&refresh_token=<redacted>&SIG=<redacted>&apikey=<redacted>&code=<redacted>&page=2#x',
    );
  });
  it('never touches a bare OutSystems hash query and keeps "+" raw', () => {
    const url = 'https://apps.example.com/MyApp/a.js?Ux+rVJ8uHJtnxJ4yVjYV_A';
    expect(redactUrl(url)).toEqual({ url, redacted: [] });
    expect(redactUrl('https://h/a.js?Ux+rVJ8uHJtnxJ4yVjYV_A&sid=1&q=a+b').url).toBe(
      'https://h/a.js?Ux+rVJ8uHJtnxJ4yVjYV_A&sid=<redacted>&q=a+b',
    );
  });
  it('redacts user info and fragment tokens', () => {
    expect(redactUrl('https://jdoe:hunter2@www.example.org/x?1')).toEqual({
      url: 'https://<redacted>@www.example.org/x?1',
      redacted: ['user name and password in the URL'],
    });
    expect(redactUrl('https://h/cb#access_token=abc&state=s').url).toBe('https://h/cb#access_token=<redacted>&state=s');
  });
});
