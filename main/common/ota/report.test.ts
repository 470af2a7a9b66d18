import { describe, expect, it } from 'vitest';
import { describeProblem } from './parse-result.js';
import { buildReport, checkReport, mergeReports, parseReport, type OtaReport } from './report.js';
import type { Observation } from './types.js';
import { testRun } from './test-support/report-parts.js';

const A = 'Ux+rVJ8uHJtnxJ4yVjYV_A';
const B = 'eZeyznlO_xx2+8Xt0B1UNg';
const JS = '/MyApp/scripts/MyApp.controller.js';
const NOW = '2026-11-23T10:00:00.000Z';

const fetched = (hash: string, extra: Partial<Observation> = {}): Observation => ({
  source: 'public',
  vantage: 'agent',
  path: JS,
  hash,
  status: 200,
  body: 'exact',
  size: 11,
  at: NOW,
  fetch: {
    url: `https://apps.example.com${JS}?${A}`,
    method: 'GET',
    requestHeaders: [['accept', '*/*']],
    address: '127.0.0.1:443',
    route: 'direct',
    status: 200,
    redirects: [{ url: 'https://apps.example.com/a', status: 302, location: '/b' }],
    headers: [
      ['age', '12'],
      ['x-cache', 'HIT'],
    ],
    tls: { subject: 'CN=apps', issuer: 'CN=ca', fingerprint256: 'AA:BB', authorized: true, trustedBy: 'roots' },
    timings: { connectMs: 1, firstByteMs: 2, totalMs: 3 },
    wireBytes: 11,
    contentLength: 11,
  },
  ...extra,
});

function sample(vantage: 'agent' | 'customer' = 'agent'): OtaReport {
  return buildReport(
    {
      moduleName: 'MyApp',
      frontends: vantage === 'agent' ? [{ label: 'FE1', kind: 'address', address: '10.0.0.11' }] : [],
      moduleinfo: [{ source: 'public', vantage, moment: 'start', versionToken: 'v2', versionSequence: 2, at: NOW }],
      versions: [{ versionToken: 'v2', versionSequence: 2, resources: { [JS]: A } }],
      resources: [
        {
          path: JS,
          versionTokenFile: false,
          observations: [
            { ...fetched(A), source: 'frontend:FE1' },
            fetched(B, {
              vantage,
              diff: { class: 'insertion', referenceSize: 11, size: 20, offset: 3, length: 9, summary: 'one insertion' },
            }),
          ],
        },
      ],
    },
    {
      runs: [
        testRun({ vantage, startedAt: NOW, finishedAt: NOW, toolVersion: '1.0.0', options: { ...testRun().options, resources: 'all' } }),
      ],
      log: [{ line: 1, kind: 'checksum-failed', path: JS, expected: A, calculated: B, message: 'Checksum failed …' }],
      problems: [],
      redacted: [],
    },
  );
}

/** The report's JSON with one value replaced at a path such as `resources.1.observations.1.status`. */
function broken(path: string, value: unknown): unknown {
  const doc = JSON.parse(JSON.stringify(sample())) as Record<string, unknown>;
  const keys = path.split('.');
  let at: Record<string, unknown> = doc;
  for (const k of keys.slice(0, -1)) at = at[k] as Record<string, unknown>;
  if (value === undefined) delete at[keys[keys.length - 1]!];
  else at[keys[keys.length - 1]!] = value;
  return doc;
}

describe('reports are read back exactly', () => {
  it('a valid report round-trips through its JSON', () => {
    const report = sample();
    const text = `${JSON.stringify(report, null, 2)}\n`;
    const back = parseReport(text);
    expect(back.ok).toBe(true);
    if (back.ok) expect(back.value).toEqual(JSON.parse(text));
  });

  it('a report received as a value (over IPC) is checked without a JSON round trip', () => {
    const checked = checkReport(sample());
    expect(checked.ok).toBe(true);
  });

  it('a report of an older build without log, problems or redacted gets empty lists', () => {
    const doc = broken('log', undefined) as Record<string, unknown>;
    delete doc.problems;
    delete doc.redacted;
    const checked = checkReport(doc);
    expect(checked.ok && [checked.value.log, checked.value.problems, checked.value.redacted]).toEqual([[], [], []]);
  });

  it('merge joins a customer report read from disk with an agent report', () => {
    const customer = parseReport(JSON.stringify(sample('customer')));
    const agent = parseReport(JSON.stringify(sample('agent')));
    expect(customer.ok && agent.ok).toBe(true);
    if (customer.ok && agent.ok) {
      const merged = mergeReports(agent.value, customer.value);
      expect(checkReport(JSON.parse(JSON.stringify(merged))).ok).toBe(true);
    }
  });
});

describe('schema versions', () => {
  it('writes version 2, reads version 1 and merges the two', () => {
    const v2 = sample('agent');
    expect(v2.schemaVersion).toBe(2);
    const old = JSON.parse(JSON.stringify(sample('customer'))) as Record<string, unknown> & {
      resources: Array<{ observations: object[] }>;
    };
    old.schemaVersion = 1;
    delete old.platform;
    delete old.alsoFound;
    for (const r of old.resources) {
      delete (r as Record<string, unknown>).logged;
      for (const o of r.observations) delete (o as Record<string, unknown>).acceptance;
    }
    const v1 = checkReport(old);
    expect(v1.ok).toBe(true);
    if (v1.ok) {
      const merged = mergeReports(v2, v1.value);
      expect([merged.schemaVersion, checkReport(JSON.parse(JSON.stringify(merged))).ok]).toEqual([2, true]);
      expect(merged.platform?.judgedFor).toBe('ios');
    }
  });
});

describe('a malformed report names the field at fault, in one line', () => {
  const cases: Array<[string, unknown, string]> = [
    ['resources.1.observations.1.status', '200', 'resources[1].observations[1].status: expected a number, got string'],
    ['resources.1.observations.0.source', 'elsewhere', 'resources[1].observations[0].source: expected a point of the check'],
    ['resources.1.observations.1.fetch.headers.0', ['age'], 'resources[1].observations[1].fetch.headers[0]: expected a [name, value] pair'],
    [
      'resources.1.observations.1.fetch.tls.authorized',
      'yes',
      'resources[1].observations[1].fetch.tls.authorized: expected true or false, got string',
    ],
    [
      'resources.1.observations.1.diff.class',
      'mangled',
      'resources[1].observations[1].diff.class: expected one of identical, encoding-only,',
    ],
    ['resources.1.observations.1.at', undefined, 'resources[1].observations[1].at: missing (expected text)'],
    ['resources.1.observations.1.colour', 'red', 'resources[1].observations[1].colour: unknown field'],
    ['resources.1.cause', 'gremlins', 'resources[1].cause: expected one of new-deployment,'],
    ['resources.1.observations', {}, 'resources[1].observations: expected a list, got object'],
    ['versions.0.resources', { [JS]: 7 }, `versions[0].resources.${JS}: expected text, got number`],
    ['moduleinfo.0.moment', 'later', 'moduleinfo[0].moment: expected one of start, end, given'],
    ['runs.0.options.samples', -1, 'runs[0].options.samples: must be at least 0'],
    ['setup.frontends.0.kind', 'ftp', 'setup.frontends[0].kind: expected one of address, folder'],
    ['log.0.line', 1.5, 'log[0].line: expected a whole number'],
    ['counts.sunny', 1, 'counts.sunny: key not in the expected form'],
    ['current.changedDuringCheck', undefined, 'current.changedDuringCheck: missing (expected true or false)'],
    ['headline', null, 'headline: expected text, got null'],
  ];
  it.each(cases)('%s', (path, value, message) => {
    const checked = checkReport(broken(path, value));
    expect(checked.ok).toBe(false);
    if (!checked.ok) {
      const line = describeProblem(checked.error);
      expect(line.startsWith(message), line).toBe(true);
      expect(line).not.toContain('\n');
    }
  });

  it('says what the file is before anything else: another schema, or a newer version', () => {
    const other = checkReport({ ...sample(), schema: 'someone/else' });
    expect(!other.ok && describeProblem(other.error)).toMatch(/^\$\.schema: not a Hash Workbench OTA report/);
    const newer = checkReport({ ...sample(), schemaVersion: 99 });
    expect(!newer.ok && describeProblem(newer.error)).toMatch(/^\$\.schemaVersion: report schema version 99 is newer/);
    expect(checkReport(null).ok).toBe(false);
    const notJson = parseReport('{"schema": ');
    expect(!notJson.ok && notJson.error.message).toMatch(/^not a JSON report/);
  });
});
