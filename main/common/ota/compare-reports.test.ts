import { describe, expect, it } from 'vitest';
import { compareReports, comparisonText } from './compare-reports.js';
import { buildReport, checkReport, type OtaReport } from './report.js';
import type { Header, Observation } from './types.js';
import type { CheckObservations } from './verdict.js';

// Three OutSystems-form MD5s: A the current copy of the file, B the copy of the previous version.
const A = 'Ux+rVJ8uHJtnxJ4yVjYV_A';
const B = 'eZeyznlO_xx2+8Xt0B1UNg';
const JS = '/MyApp/scripts/MyApp.controller.js';
const CSS = '/MyApp/css/MyApp.css';
const NOW = '2026-11-23T10:00:00.000Z';

const obs = (path: string, source: Observation['source'], hash: string, extra: Partial<Observation> = {}): Observation => ({
  source,
  vantage: 'agent',
  path,
  hash,
  status: 200,
  body: 'exact',
  at: NOW,
  ...extra,
});
const cached = (headers: Header[]): Partial<Observation> => ({
  fetch: { url: '', method: 'GET', requestHeaders: [], route: 'direct', redirects: [], headers, timings: { totalMs: 1 }, wireBytes: 10 },
});

/** A report of FE1..FE3 and the public URL (3 samples, no-cache, busted) for JS and CSS, each point's hash given. */
function report(points: Record<string, { js: string; css: string; extra?: Partial<Observation> }>, token = 'v2'): OtaReport {
  const frontends = ['FE1', 'FE2', 'FE3'];
  const resources = [JS, CSS].map((path) => ({
    path,
    versionTokenFile: false,
    observations: Object.entries(points).flatMap(([source, p]) => {
      const hash = path === JS ? p.js : p.css;
      if (source === 'public') return [1, 2, 3].map((sample) => obs(path, 'public', hash, { sample, ...p.extra }));
      return [obs(path, source as Observation['source'], hash, p.extra)];
    }),
  }));
  const obsIn: CheckObservations = {
    moduleName: 'MyApp',
    frontends: frontends.map((label) => ({ label, kind: 'address', address: `10.0.0.${label.slice(2)}` })),
    moduleinfo: [...frontends.map((f) => `frontend:${f}` as const), 'public' as const].map((source) => ({
      source,
      vantage: 'agent',
      moment: 'start',
      versionToken: token,
      versionSequence: token === 'v3' ? 3 : 2,
      at: NOW,
    })),
    versions: [
      { versionToken: 'v2', versionSequence: 2, resources: { [JS]: A, [CSS]: A } },
      { versionToken: 'v3', versionSequence: 3, resources: { [JS]: B, [CSS]: A } },
    ],
    resources,
  };
  return buildReport(obsIn, {
    runs: [
      {
        appUrl: 'https://apps.example.com/MyApp/',
        vantage: 'agent',
        startedAt: NOW,
        finishedAt: NOW,
        toolVersion: 'test',
        command: 'hash-workbench diagnose https://apps.example.com/MyApp/',
        options: { samples: 3, timeoutSeconds: 30, concurrency: 8, resources: 'all', maxBytes: 8 << 20 },
        network: { trust: {}, insecure: false },
      },
    ],
    log: [],
    problems: [],
    redacted: [],
  });
}

const right = { js: A, css: A };

describe('compareReports', () => {
  it('says a frontend redeployed now serves the current version: fixed', () => {
    const before = report({ 'frontend:FE1': right, 'frontend:FE2': right, 'frontend:FE3': { js: B, css: A }, public: right });
    const after = report({ 'frontend:FE1': right, 'frontend:FE2': right, 'frontend:FE3': right, public: right });
    expect(before.cause).toBe('outdated-frontend');
    const c = compareReports(before, after, 'before.json');
    expect(c.overall).toBe('fixed');
    expect(c.file).toBe('before.json');
    expect(c.summary).toBe('Fixed: every copy checked now matches the current version. 1 file fixed.');
    expect(c.changes).toHaveLength(1);
    expect(c.changes[0]).toMatchObject({ path: JS, kind: 'fixed', before: { cause: 'outdated-frontend' }, after: { cause: 'consistent' } });
    expect(c.changes[0]!.points.map((p) => p.sentence)).toEqual(['FE3 now serves the current version: fixed.']);
    expect(c.unchangedConsistent).toBe(2); // moduleinfo and the CSS
  });

  it('says a cache still stale after a purge that did not take, naming the cache', () => {
    const stale = {
      js: B,
      css: A,
      extra: cached([
        ['x-cache', 'HIT'],
        ['age', '120'],
        ['x-served-by', 'cache-fra1'],
      ]),
    };
    const points = { 'frontend:FE1': right, 'frontend:FE2': right, 'frontend:FE3': right, public: stale, 'public-nocache': right };
    const before = report(points);
    const after = report(points);
    expect(after.cause).toBe('stale-cache');
    const c = compareReports(before, after);
    expect(c.overall).toBe('same');
    expect(c.summary).toBe('No change: still stale-cache. 1 file still wrong.');
    expect(c.changes[0]!.kind).toBe('still-wrong');
    expect(c.changes[0]!.sentence).toMatch(/^\/MyApp\/scripts\/MyApp\.controller\.js: still stale-cache at the cache/);
    expect(c.changes[0]!.points.map((p) => p.sentence)).toEqual([
      'The public URL still serves a wrong copy (3 of 3 samples): still stale at the cache.',
    ]);
  });

  it('puts a new problem first, with the point that turned wrong', () => {
    const before = report({ 'frontend:FE1': right, 'frontend:FE2': right, 'frontend:FE3': { js: B, css: A }, public: right });
    const after = report({ 'frontend:FE1': right, 'frontend:FE2': { js: A, css: B }, 'frontend:FE3': right, public: right });
    const c = compareReports(before, after);
    expect(c.overall).toBe('worse');
    expect(c.changes.map((r) => [r.path, r.kind])).toEqual([
      [CSS, 'new-problem'],
      [JS, 'fixed'],
    ]);
    expect(c.changes[0]!.points.map((p) => p.sentence)).toEqual(['FE2 now serves a wrong copy: new problem.']);
    expect(comparisonText(c)).toContain(
      '  - /MyApp/css/MyApp.css: new problem, outdated-frontend.\n      FE2 now serves a wrong copy: new problem.',
    );
  });

  it('says when the app was published again between the checks', () => {
    const before = report({ 'frontend:FE1': right, 'frontend:FE2': right, 'frontend:FE3': { js: B, css: A }, public: right });
    const after = report(
      {
        'frontend:FE1': { js: B, css: A },
        'frontend:FE2': { js: B, css: A },
        'frontend:FE3': { js: B, css: A },
        public: { js: B, css: A },
      },
      'v3',
    );
    const c = compareReports(before, after);
    expect(c.after.versionToken).toBe('v3');
    expect(c.summary).toContain('published again in between (version v2 → v3)');
    expect(c.overall).toBe('fixed');
  });

  it('tells a point that could not be read this time from a fix', () => {
    const before = report({ 'frontend:FE1': right, 'frontend:FE2': right, 'frontend:FE3': { js: B, css: A }, public: right });
    const gone = {
      js: undefined as unknown as string,
      css: undefined as unknown as string,
      extra: { status: undefined, error: 'connection refused', errorCode: 'ECONNREFUSED' },
    };
    const after = report({ 'frontend:FE1': right, 'frontend:FE2': right, 'frontend:FE3': gone, public: right });
    const c = compareReports(before, after);
    expect(c.changes[0]).toMatchObject({ path: JS, kind: 'now-unread' });
    expect(c.changes[0]!.points.map((p) => p.sentence)).toEqual(['FE3 could not be read this time, so whether it is fixed is not known.']);
    expect(c.overall).toBe('worse');
  });

  it('is kept in a report that still reads back, and a bad one is refused with its path', () => {
    const before = report({ 'frontend:FE1': right, 'frontend:FE2': right, 'frontend:FE3': { js: B, css: A }, public: right });
    const after = report({ 'frontend:FE1': right, 'frontend:FE2': right, 'frontend:FE3': right, public: right });
    const saved = JSON.parse(JSON.stringify({ ...after, comparedWith: compareReports(before, after, 'before.json') })) as unknown;
    const back = checkReport(saved);
    expect(back.ok && back.value.comparedWith?.overall).toBe('fixed');
    (saved as { comparedWith: { changes: Array<{ kind: string }> } }).comparedWith.changes[0]!.kind = 'mended';
    const bad = checkReport(saved);
    expect(!bad.ok && bad.error.jsonPath).toBe('comparedWith.changes[0].kind');
  });
});
