// Reports built by hand for the tests: small enough to read, with every kind of cell the view draws.
import type { OtaReport, RunInfo } from '../../../main/common/ota/report.js';
import type { FetchRecord, Observation } from '../../../main/common/ota/types.js';
import { TEST_AT, testObservation, testResource, testRun } from '../../../main/common/ota/test-support/report-parts.js';

export const RIGHT = 'XrY7u+Ae7tCTyyK7j1rNww';
export const OLD = 'b1dC0pyAe7tCTyyK7j1rNw';
export const INDEX_HASH = 'AAAAbbbbCCCCddddEEEEff';
export const TOKEN = 'v7-3f2a9c1e0b';
export const AT = TEST_AT;

const run: RunInfo = testRun({ command: 'hash-workbench diagnose …' });

const fetchRecord = (over: Partial<FetchRecord> = {}): FetchRecord => ({
  url: 'https://apps.example.com/MyApp/scripts/MyApp.controller.js?' + RIGHT,
  method: 'GET',
  requestHeaders: [],
  route: 'direct',
  address: '10.0.0.12:8443',
  status: 200,
  redirects: [],
  headers: [],
  timings: { connectMs: 4, firstByteMs: 9, totalMs: 12 },
  wireBytes: 1372,
  contentLength: 1372,
  ...over,
});

const obs = testObservation;

const resource = testResource;

/** Two frontends; the index script consistent; the controller outdated on FE2 (diff, headers); a customer's public copy. */
export function smallReport(): OtaReport {
  const moduleinfo = resource('/MyApp/moduleservices/moduleinfo', TOKEN, { versionTokenFile: true }, [
    obs({ source: 'frontend:FE1', token: TOKEN, hash: 'mi1', matches: true }),
    obs({ source: 'frontend:FE2', token: TOKEN, hash: 'mi1', matches: true }),
    obs({ source: 'public', token: TOKEN, hash: 'mi1', matches: true }),
  ]);
  const index = resource('/MyApp/scripts/MyApp.index.js', INDEX_HASH, { evidence: ['Frontends FE1, FE2 serve the current version.'] }, [
    obs({ source: 'frontend:FE1', hash: INDEX_HASH, matches: true }),
    obs({ source: 'frontend:FE2', hash: INDEX_HASH, matches: true }),
    ...[1, 2, 3].map((sample) => obs({ source: 'public', sample, hash: INDEX_HASH, matches: true })),
    obs({ source: 'public-nocache', hash: INDEX_HASH, matches: true }),
    obs({ source: 'public-busted', hash: INDEX_HASH, matches: true }),
    obs({ source: 'public', vantage: 'customer', sample: 1, hash: INDEX_HASH, matches: true }),
  ]);
  const fe2: Observation = obs({
    source: 'frontend:FE2',
    hash: OLD,
    matches: false,
    status: 200,
    size: 1372,
    fetch: fetchRecord({
      redirects: [
        {
          url: 'https://apps.example.com/MyApp/scripts/MyApp.controller.js',
          status: 302,
          location: '/MyApp/scripts/MyApp.controller.js?' + RIGHT,
        },
      ],
      headers: [
        ['age', '120'],
        ['x-cache', 'HIT'],
        ['content-type', 'application/javascript'],
        ['server', 'Microsoft-IIS/10.0'],
        ['x-request-id', 'abc-123'],
      ],
      tls: {
        protocol: 'TLSv1.3',
        subject: 'CN=apps.example.com',
        issuer: 'CN=Example Issuing CA',
        fingerprint256: 'AB:CD:EF',
        authorized: true,
        trustedBy: 'roots',
      },
    }),
    diff: {
      class: 'insertion',
      referenceSize: 1324,
      size: 1372,
      offset: 312,
      length: 48,
      excerptHex: '3c7363726970743e',
      excerptText: '<script>',
      referenceExcerptHex: '66756e6374696f6e',
      referenceExcerptText: 'function',
      summary: 'One block of 48 bytes inserted at byte 312, starting `<script`',
    },
  });
  const controller = resource(
    '/MyApp/scripts/MyApp.controller.js',
    RIGHT,
    {
      fault: 'frontend',
      cause: 'outdated-frontend',
      frontends: ['FE2'],
      evidence: [`Frontend FE2 serves ${OLD}, not ${RIGHT}.`],
      next: ['Redeploy the module to FE2, and check its Deployment Service.'],
    },
    [
      obs({ source: 'frontend:FE1', hash: RIGHT, matches: true }),
      fe2,
      obs({ source: 'public', sample: 1, hash: RIGHT, matches: true }),
      obs({ source: 'public', sample: 2, hash: OLD, matches: false }),
      obs({ source: 'public', sample: 3, hash: RIGHT, matches: true }),
      obs({ source: 'public-nocache', hash: RIGHT, matches: true }),
      obs({ source: 'public-busted', error: 'connect ETIMEDOUT', errorCode: 'TIMEOUT' }),
      obs({ source: 'device', vantage: 'customer', hash: OLD, logExpected: RIGHT, body: 'log', matches: false }),
      obs({ source: 'public', vantage: 'customer', sample: 1, hash: OLD, matches: false }),
    ],
  );
  return {
    schema: 'hash-workbench/ota-report',
    schemaVersion: 1,
    fault: 'frontend',
    cause: 'outdated-frontend',
    frontends: ['FE2'],
    headline: 'Frontend FE2 serves an outdated copy of 1 file.',
    customer: "One of the app's servers has an old copy of some files.",
    evidence: [
      'Current version: the highest versionSequence seen (12, token v7-3f2a9c1e0b), served by FE1, FE2.',
      `/MyApp/scripts/MyApp.controller.js: Frontend FE2 serves ${OLD}, not ${RIGHT}.`,
    ],
    next: ['Redeploy the module to FE2, and check its Deployment Service.'],
    current: {
      versionToken: TOKEN,
      versionSequence: 12,
      changedDuringCheck: false,
      how: 'the highest versionSequence seen (12, token v7-3f2a9c1e0b), served by FE1, FE2',
    },
    counts: { consistent: 2, 'outdated-frontend': 1 },
    moduleName: 'MyApp',
    runs: [run, { ...run, vantage: 'customer' }],
    setup: {
      frontends: [
        { label: 'FE1', kind: 'address', address: '10.0.0.11' },
        { label: 'FE2', kind: 'address', address: 'https://10.0.0.12:8443' },
      ],
    },
    moduleinfo: [],
    versions: [],
    resources: [moduleinfo, index, controller],
    log: [],
    problems: [],
    redacted: [],
  };
}

/** The host name FE2's certificate gives instead of the public one, as Node words the refusal. */
export const NAMES_ANOTHER_HOST =
  "Hostname/IP does not match certificate's altnames: Host: apps.example.com. is not in the cert's altnames: DNS:fe2.internal";
export const FE2_FINGERPRINT = Array.from({ length: 32 }, (_, i) => (i * 7 + 16).toString(16).toUpperCase().padStart(2, '0')).join(':');

/** The small report with FE2's certificate refused (`why`), connected without trust, as the check records it. */
export function refusedCertificateReport(why: string): OtaReport {
  const report = smallReport();
  for (const r of report.resources) {
    for (const o of r.observations) {
      if (o.source !== 'frontend:FE2' || !o.fetch?.tls) continue;
      o.fetch.tls = {
        ...o.fetch.tls,
        subject: 'CN=fe2.internal',
        fingerprint256: FE2_FINGERPRINT,
        authorized: false,
        authorizationError: why,
        trustedBy: 'insecure',
      };
    }
  }
  return report;
}

/** A whole module: `n` consistent files over two frontends and the public URL. */
export function bigReport(n: number): OtaReport {
  const base = smallReport();
  const resources = Array.from({ length: n }, (_, i) =>
    resource(`/MyApp/scripts/file-${String(i).padStart(4, '0')}.js`, RIGHT, {}, [
      obs({ source: 'frontend:FE1', hash: RIGHT, matches: true }),
      obs({ source: 'frontend:FE2', hash: RIGHT, matches: true }),
      obs({ source: 'public', sample: 1, hash: RIGHT, matches: true }),
    ]),
  );
  return {
    ...base,
    fault: 'none',
    cause: 'consistent',
    frontends: [],
    headline: 'Every copy checked matches the current version: no fault found.',
    resources,
  };
}
