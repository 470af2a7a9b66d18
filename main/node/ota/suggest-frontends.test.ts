// Frontend suggestions: the real resolver on `localhost` (the hosts file, no outside network), recorded BIG-IP
// cookies raw and as a report keeps them (redacted, with the member), and the resolver's failures.
import { describe, expect, it } from 'vitest';
import { cookieSightings, originText, type CookieSighting, type SuggestResult } from '../../common/ota/frontend-suggestions.js';
import { redactHeaders } from '../../common/ota/redaction.js';
import type { OtaReport } from '../../common/ota/report.js';
import type { Header } from '../../common/ota/types.js';
import { dispatch, type Services } from '../app/handlers.js';
import { PathGrants } from '../app/path-grants.js';
import { suggestFrontends } from './suggest-frontends.js';

// Recorded from a BIG-IP in front of two servers (values from F5's K6917 examples): 10.1.1.100:80 and 10.1.1.101:80.
const SET_100 = 'BIGipServerpool_apps=1677787402.20480.0000; path=/; Httponly; Secure';
const SET_101 = 'BIGipServerpool_apps=1694564618.20480.0000; path=/; Httponly; Secure';
const ROUTE_DOMAIN = 'BIGipServerpool_rd=rd5o00000000000000000000ffffc0000201o443; path=/';

describe('suggestFrontends', () => {
  it("lists localhost's addresses from the resolver, each marked as a DNS record of the host", async () => {
    const r = await suggestFrontends({ appUrl: 'http://localhost:8080/MyApp/' });
    expect(r.host).toBe('localhost');
    expect(r.problems).toEqual([]);
    const v4 = r.suggestions.find((s) => s.address === '127.0.0.1');
    expect(v4?.origins).toEqual([{ kind: 'dns', family: 4, host: 'localhost' }]);
    expect(originText(v4!.origins[0]!)).toBe('DNS A record of localhost (often the load balancer or a CDN rather than one frontend)');
    for (const s of r.suggestions.filter((x) => x.address.startsWith('['))) expect(s.origins[0]).toMatchObject({ kind: 'dns', family: 6 });
  });

  it('adds the pool members named by BIG-IP cookies, raw or redacted as a report keeps them, once per address', async () => {
    const redacted = redactHeaders([['set-cookie', SET_101]]).headers[0]![1];
    expect(redacted).toContain('<redacted; member 10.1.1.101:80>');
    const sightings: CookieSighting[] = [
      { where: 'the public URL', header: 'set-cookie', value: SET_100 },
      { where: 'the public URL (sample 2)', header: 'set-cookie', value: redacted },
      { where: 'the public URL (sample 3)', header: 'set-cookie', value: SET_100 },
      { where: 'frontend FE1', header: 'cookie', value: `other=1; ${ROUTE_DOMAIN.split(';')[0]}` },
    ];
    const r = await suggestFrontends({ appUrl: 'https://127.0.0.1/MyApp/', sightings });
    expect(r.problems).toEqual(['The app URL names an address (127.0.0.1), not a host name: there is no DNS record to read.']);
    expect(r.suggestions).toEqual([
      { address: 'http://10.1.1.100:80', origins: [{ kind: 'affinity-cookie', cookie: 'BIGipServerpool_apps', where: 'the public URL' }] },
      {
        address: 'http://10.1.1.101:80',
        origins: [{ kind: 'affinity-cookie', cookie: 'BIGipServerpool_apps', where: 'the public URL (sample 2)' }],
      },
      {
        address: 'https://192.0.2.1:443',
        origins: [{ kind: 'affinity-cookie', cookie: 'BIGipServerpool_rd', where: 'frontend FE1', routeDomain: 5 }],
      },
    ]);
    expect(originText(r.suggestions[2]!.origins[0]!)).toBe(
      'pool member named by the BIG-IP cookie BIGipServerpool_rd, seen on frontend FE1 (route domain 5)',
    );
  });

  it('says when the resolver fails or gives no answer before the deadline, and still lists the cookies', async () => {
    const notFound = Object.assign(new Error('getaddrinfo ENOTFOUND apps.example.com'), { code: 'ENOTFOUND' });
    const failed = await suggestFrontends({
      appUrl: 'https://apps.example.com/MyApp/',
      lookup: () => Promise.reject(notFound),
      sightings: [{ where: 'the public URL', header: 'set-cookie', value: SET_100 }],
    });
    expect(failed.problems).toEqual(['apps.example.com has no DNS address from this computer.']);
    expect(failed.suggestions.map((s) => s.address)).toEqual(['http://10.1.1.100:80']);
    const silent = await suggestFrontends({
      appUrl: 'https://apps.example.com/MyApp/',
      lookup: () => new Promise(() => undefined),
      timeoutMs: 1,
    });
    expect(silent.problems).toEqual(['The DNS lookup of apps.example.com gave no answer within 1 ms.']);
    await expect(suggestFrontends({ appUrl: 'not a url' })).rejects.toMatchObject({ code: 'INVALID', details: { field: 'appUrl' } });
  });

  it('reads the cookie headers of a report once each, naming the point they were seen at', () => {
    const fetch = (headers: Header[], requestHeaders: Header[] = []) => ({
      url: '',
      method: 'GET' as const,
      requestHeaders,
      route: 'direct',
      redirects: [],
      headers,
      timings: { totalMs: 1 },
      wireBytes: 1,
    });
    const at = '2026-11-23T10:00:00.000Z';
    const report = {
      moduleinfo: [{ source: 'public', vantage: 'agent', moment: 'start', at, fetch: fetch([['set-cookie', SET_100]]) }],
      resources: [
        {
          observations: [
            {
              source: 'public',
              vantage: 'agent',
              sample: 2,
              path: '/x',
              at,
              fetch: fetch([
                ['set-cookie', SET_100],
                ['age', '3'],
              ]),
            },
            { source: 'public', vantage: 'agent', sample: 3, path: '/x', at, fetch: fetch([['set-cookie', SET_101]], [['cookie', 'a=b']]) },
          ],
        },
      ],
    } as unknown as Pick<OtaReport, 'resources' | 'moduleinfo'>;
    expect(cookieSightings(report)).toEqual([
      { where: 'moduleinfo from the public URL', header: 'set-cookie', value: SET_100 },
      { where: 'the public URL (sample 3)', header: 'set-cookie', value: SET_101 },
      { where: 'the public URL (sample 3)', header: 'cookie', value: 'a=b' },
    ]);
  });

  it('answers on ota:suggest-frontends, the request checked in main first', async () => {
    const caller = { id: 1, grants: new PathGrants(), emit: () => undefined };
    const services = {} as Services; // this channel needs no pool, store or platform
    const sightings = [{ where: 'the public URL', header: 'set-cookie', value: SET_100 }];
    const ok = await dispatch('ota:suggest-frontends', { appUrl: 'http://localhost/MyApp/', sightings }, caller, services);
    expect(ok.ok && (ok.value as SuggestResult).suggestions.map((s) => s.address)).toContain('http://10.1.1.100:80');
    const bad = await dispatch(
      'ota:suggest-frontends',
      { appUrl: 'http://localhost/MyApp/', sightings: [{ where: 'x', header: 'x-other', value: '' }] },
      caller,
      services,
    );
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID', details: { field: 'sightings[0].header' } } });
    const tooMany = await dispatch(
      'ota:suggest-frontends',
      { appUrl: 'http://localhost/MyApp/', sightings: Array(201).fill(sightings[0]) },
      caller,
      services,
    );
    expect(tooMany).toMatchObject({ ok: false, error: { code: 'INVALID', details: { field: 'sightings' } } });
  });
});
