// The parts of a report that tests build by hand (the runs, a fetch, an observation, a resource),
// with plain defaults, so each test writes only what it is about. Imported by tests only.
import type { RunInfo } from '../report.js';
import type { FetchRecord, Observation } from '../types.js';
import type { ResourceVerdict } from '../verdict.js';

export const TEST_APP_URL = 'https://apps.example.com/MyApp/';
export const TEST_AT = '2025-01-01T10:00:00.000Z';

export function testRun(over: Partial<RunInfo> = {}): RunInfo {
  return {
    appUrl: TEST_APP_URL,
    vantage: 'agent',
    startedAt: TEST_AT,
    finishedAt: TEST_AT,
    toolVersion: '0.1.0',
    command: `hash-workbench diagnose ${TEST_APP_URL}`,
    options: { samples: 3, timeoutSeconds: 30, concurrency: 8, resources: 'log', maxBytes: 8_388_608 },
    network: { trust: {}, insecure: false },
    ...over,
  };
}

export function testFetch(url: string, over: Partial<FetchRecord> = {}): FetchRecord {
  return {
    url,
    method: 'GET',
    requestHeaders: [],
    route: 'direct',
    redirects: [],
    headers: [],
    timings: { totalMs: 12 },
    wireBytes: 100,
    ...over,
  };
}

export function testObservation(o: Partial<Observation> & Pick<Observation, 'source'>): Observation {
  return { vantage: 'agent', path: '', at: TEST_AT, body: 'exact', ...o };
}

/** A resource's verdict: consistent unless `rest` says otherwise; the observations take its path. */
export function testResource(path: string, expected: string, rest: Partial<ResourceVerdict>, observations: Observation[]): ResourceVerdict {
  return {
    path,
    expected,
    versionTokenFile: false,
    fault: 'none',
    cause: 'consistent',
    frontends: [],
    evidence: [],
    next: [],
    ...rest,
    observations: observations.map((o) => ({ ...o, path })),
  };
}
