import { describe, expect, it } from 'vitest';
import { REPORT_SCHEMA, type OtaReport } from './report.js';
import { renderReportHtml } from './report-html.js';
import type { Observation } from './types.js';
import { testFetch, testResource } from './test-support/report-parts.js';

const AT = '2025-03-04T10:15:00.000Z';
const GOOD = 'A'.repeat(32);
const OLD = 'B'.repeat(32);
const CTRL = '/MyApp/scripts/MyApp.controller.js';
const APP = '/MyApp/scripts/app.js';
const EVIL = '<script>alert("x")</script>';

const fetchOf = testFetch;

const obs = (o: Partial<Observation> & Pick<Observation, 'source' | 'path'>): Observation => ({
  vantage: 'agent',
  at: AT,
  body: 'exact',
  ...o,
});

function sampleReport(): OtaReport {
  return {
    schema: REPORT_SCHEMA,
    schemaVersion: 1,
    fault: 'frontend',
    cause: 'outdated-frontend',
    frontends: ['fe-b'],
    headline: 'Frontend fe-b serves an outdated copy of 1 file.',
    customer: 'One of the app servers has an old copy of some files.',
    evidence: ['Current version: the highest versionSequence seen.', `${CTRL}: Frontend fe-b serves ${OLD}, not ${GOOD}.`],
    next: ['Redeploy the module to fe-b, and check its Deployment Service.'],
    current: {
      versionToken: 'tok-2',
      versionSequence: 2,
      changedDuringCheck: false,
      how: 'the highest versionSequence seen (2, token tok-2)',
    },
    counts: { 'outdated-frontend': 1, consistent: 1 },
    moduleName: 'MyApp',
    runs: [
      {
        appUrl: 'https://example.com/MyApp',
        vantage: 'agent',
        startedAt: AT,
        finishedAt: '2025-03-04T10:16:00.000Z',
        toolVersion: '0.1.0',
        command: 'hash-workbench ota https://example.com/MyApp --frontend fe-a=10.0.0.1:443 --frontend fe-b=10.0.0.2:443',
        options: { samples: 2, timeoutSeconds: 30, concurrency: 4, resources: 'log', maxBytes: 50_000_000 },
        network: { proxy: 'http://proxy.corp:8080', proxySource: 'environment', trust: { 'fe-b': 'AB:CD:EF' }, insecure: true },
      },
    ],
    setup: {
      frontends: [
        { label: 'fe-a', kind: 'address', address: '10.0.0.1:443' },
        { label: 'fe-b', kind: 'address', address: '10.0.0.2:443' },
      ],
    },
    moduleinfo: [
      { source: 'frontend:fe-a', vantage: 'agent', moment: 'start', versionToken: 'tok-2', versionSequence: 2, status: 200, at: AT },
    ],
    versions: [],
    resources: [
      testResource(APP, GOOD, {}, [
        obs({ source: 'frontend:fe-a', path: APP, hash: GOOD, status: 200, matches: true }),
        obs({ source: 'frontend:fe-b', path: APP, hash: GOOD, status: 200, matches: true }),
        obs({ source: 'public', path: APP, sample: 1, hash: GOOD, status: 200, matches: true }),
      ]),
      testResource(
        CTRL,
        GOOD,
        {
          fault: 'frontend',
          cause: 'outdated-frontend',
          frontends: ['fe-b'],
          evidence: [`Frontend fe-b serves ${OLD}, not ${GOOD}.`],
          next: ['Redeploy the module to fe-b.'],
        },
        [
          obs({ source: 'frontend:fe-a', path: CTRL, hash: GOOD, status: 200, matches: true }),
          obs({
            source: 'frontend:fe-b',
            path: CTRL,
            hash: OLD,
            status: 200,
            matches: false,
            fetch: fetchOf(`https://10.0.0.2${CTRL}?${GOOD}`, {
              address: '10.0.0.2:443',
              status: 200,
              contentLength: 120,
              wireBytes: 100,
              contentEncoding: 'gzip',
              headers: [
                ['x-cache', 'HIT'],
                ['age', '300'],
                ['x-custom', EVIL],
              ],
              tls: {
                subject: 'CN=example.com',
                issuer: 'CN=Corp Inspection CA',
                fingerprint256: 'AB:CD:EF',
                authorized: true,
                trustedBy: 'fingerprint',
              },
            }),
            diff: {
              class: 'insertion',
              referenceSize: 80,
              size: 100,
              offset: 40,
              length: 20,
              excerptHex: '3c 73 63',
              excerptText: '<sc',
              referenceExcerptHex: '76 61 72',
              referenceExcerptText: 'var',
              summary: 'One block of 20 bytes inserted at byte 40.',
            },
          }),
          obs({ source: 'public', path: CTRL, sample: 1, hash: GOOD, status: 200, matches: true }),
          obs({ source: 'public', path: CTRL, sample: 2, hash: OLD, status: 200, matches: false }),
          obs({ source: 'public', path: CTRL, sample: 3, hash: GOOD, status: 200, matches: true }),
          obs({ source: 'public', path: CTRL, vantage: 'customer', hash: OLD, status: 200, matches: false }),
          obs({ source: 'public-nocache', path: CTRL, hash: GOOD, status: 200, matches: true }),
          obs({ source: 'public-busted', path: CTRL, error: 'timed out after 30 s', errorCode: 'TIMEOUT' }),
          obs({ source: 'device', path: CTRL, hash: OLD, body: 'log', matches: false }),
        ],
      ),
    ],
    log: [],
    problems: ['Frontend fe-c could not be reached: ECONNREFUSED'],
    redacted: ['cookie values (Set-Cookie: ASP.NET_SessionId)'],
  };
}

/** The header cells and the body rows of the side-by-side table, each row split into its cells. */
function grid(html: string): { heads: string[]; rows: string[][] } {
  const table = /<table class="grid">([\s\S]*?)<\/table>/.exec(html)?.[1] ?? '';
  const thead = /<thead>([\s\S]*?)<\/thead>/.exec(table)?.[1] ?? '';
  const tbody = /<tbody>([\s\S]*?)<\/tbody>/.exec(table)?.[1] ?? '';
  const heads = thead.split(/<th\b/).slice(1);
  const rows = [...tbody.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => m[1]!.split(/<t[hd]\b/).slice(1));
  return { heads, rows };
}

describe('renderReportHtml', () => {
  const html = renderReportHtml(sampleReport());

  it('is a self-contained document that loads and runs nothing', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`);
    expect(html.toLowerCase()).not.toContain('<script');
    expect(html).not.toMatch(/\b(src|href|srcset|action|data)\s*=/i);
    expect(html).not.toMatch(/url\(|@import/i);
  });

  it('opens with the title and the verdict in words', () => {
    expect(html).toContain('<h1>OTA upgrade check — MyApp</h1>');
    expect(html).toContain('https://example.com/MyApp');
    expect(html).toContain('2025-03-04 10:15:00 UTC');
    expect(html).toContain('In short');
    expect(html).toContain('One of the app servers has an old copy of some files.');
    expect(html).toContain('Frontend fe-b serves an outdated copy of 1 file.');
    expect(html).toContain('Fault: frontend');
    expect(html).toContain('What to do next');
    expect(html).toContain('Redeploy the module to fe-b, and check its Deployment Service.');
  });

  it('has a column per frontend and a public column per vantage', () => {
    const { heads } = grid(html);
    const names = heads.map((h) => h.replace(/<[^>]*>/g, ' '));
    expect(names.some((h) => h.includes('fe-a'))).toBe(true);
    expect(names.some((h) => h.includes('fe-b'))).toBe(true);
    expect(names.some((h) => h.includes('Public URL (customer)'))).toBe(true);
    expect(names.some((h) => h.includes('Public, cache bypassed (customer)'))).toBe(false);
    expect(names.some((h) => h.includes('HAR'))).toBe(false);
  });

  it('puts the ✗ mark on the wrong cell, and inconsistent resources first', () => {
    const { heads, rows } = grid(html);
    const col = (name: string) => heads.findIndex((h) => h.includes(`>${name}<`));
    const [first, second] = rows;
    expect(first![0]).toContain(CTRL);
    expect(second![0]).toContain(APP);
    expect(first!.length).toBe(heads.length);
    expect(first![col('fe-b')]).toContain('✗ differs');
    expect(first![col('fe-a')]).toContain('✓ match');
    expect(second![col('fe-b')]).toContain('✓ match');
    const publicCell = first![heads.findIndex((h) => h.includes('>Public URL<'))]!;
    expect(publicCell).toContain('samples 1, 3');
    expect(publicCell).toContain('sample 2');
    expect(first![heads.findIndex((h) => h.includes('>Public URL (customer)<'))]).toContain('✗ differs');
    expect(second![heads.findIndex((h) => h.includes('>Public URL (customer)<'))]).toContain('— not checked');
    const bypassCell = first![heads.findIndex((h) => h.includes('>Public, cache bypassed<'))]!;
    expect(bypassCell).toMatch(/no-cache:.*✓ match/);
    expect(bypassCell).toMatch(/extra query:.*! error.*timed out after 30 s/);
  });

  it('shows the evidence of the wrong copy, escaped', () => {
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).not.toContain(EVIL);
    expect(html).toContain('Telling headers');
    expect(html).toContain('CN=Corp Inspection CA');
    expect(html).toContain('Content-Length 120; only 100 bytes received: cut short');
    expect(html).toContain('One block of 20 bytes inserted at byte 40.');
    expect(html).toContain('&lt;sc');
  });

  it('says how it was run, what went wrong and what was redacted', () => {
    expect(html).toContain(
      '<pre>hash-workbench ota https://example.com/MyApp --frontend fe-a=10.0.0.1:443 --frontend fe-b=10.0.0.2:443</pre>',
    );
    expect(html).toContain('OFF (--insecure)');
    expect(html).toContain('from the environment');
    expect(html).toContain('The public URL with an extra query parameter — <span class="mark">! error</span>');
    expect(html).toContain('Frontend fe-c could not be reached: ECONNREFUSED');
    expect(html).toContain('Redacted from this report: cookie values (Set-Cookie: ASP.NET_SessionId).');
    expect(html).toContain('the highest versionSequence seen (2, token tok-2)');
  });

  it('escapes a hostile path and says when nothing was redacted', () => {
    const report = sampleReport();
    report.resources[1]!.path = `/MyApp/${EVIL}.js`;
    report.redacted = [];
    const out = renderReportHtml(report, { title: 'Ticket <42>' });
    expect(out.toLowerCase()).not.toContain('<script');
    expect(out).toContain('/MyApp/&lt;script&gt;');
    expect(out).toContain('<title>Ticket &lt;42&gt;</title>');
    expect(out).toContain('Nothing was redacted.');
  });

  it('adds a HAR column only when a HAR copy exists', () => {
    const report = sampleReport();
    report.resources[0]!.observations.push(obs({ source: 'har', path: APP, vantage: 'customer', body: 'not-captured' }));
    const { heads, rows } = grid(renderReportHtml(report));
    const har = heads.findIndex((h) => h.includes('>HAR<'));
    expect(har).toBeGreaterThan(0);
    expect(rows[1]![har]).toContain('body not captured');
  });
});

describe('the device view in the HTML report', () => {
  it('shows the platform judged for, each copy’s acceptance and the also-found list, escaped', async () => {
    const { buildReport } = await import('./report.js');
    const JS = '/MyApp/scripts/a.js';
    const A = 'Ux+rVJ8uHJtnxJ4yVjYV_A';
    const at = '2026-11-23T10:00:00.000Z';
    const report = buildReport(
      {
        moduleName: 'MyApp',
        frontends: [{ label: 'FE1', kind: 'address', address: '10.0.0.1' }],
        moduleinfo: [{ source: 'frontend:FE1', vantage: 'agent', moment: 'start', versionToken: 'v2', at }],
        versions: [{ versionToken: 'v2', resources: { [JS]: A } }],
        resources: [
          {
            path: JS,
            versionTokenFile: false,
            observations: [
              { source: 'frontend:FE1', vantage: 'agent', path: JS, hash: A, status: 200, size: 3, body: 'exact', at },
              { source: 'public', vantage: 'agent', path: JS, hash: A, status: 206, size: 3, body: 'exact', at },
            ],
          },
        ],
      },
      { runs: [], log: [], problems: [], redacted: [] },
    );
    const html = renderReportHtml(report);
    expect(report.cause).toBe('altered-content');
    expect(html).toContain('Judged as');
    expect(html).toContain('Android accepts this copy, iOS does not: iOS accepts only status 200; this copy came with 206.');
  });
});
