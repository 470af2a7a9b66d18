import { describe, expect, it } from 'vitest';
import type { Header, Observation } from '../../../main/common/ota/types.js';
import { foldSamples, headerViews } from './evidence-model.js';

const at = '2026-11-23T10:00:00.000Z';
const pub = (sample: number, hash: string, headers: Header[], matches = false): Observation => ({
  source: 'public',
  vantage: 'agent',
  path: '/MyApp/scripts/app.js',
  sample,
  hash,
  status: 200,
  matches,
  at,
  fetch: { url: '', method: 'GET', requestHeaders: [], route: 'direct', redirects: [], headers, timings: { totalMs: 1 }, wireBytes: 1 },
});
const HEADERS: Header[] = [
  ['server', 'Microsoft-IIS/10.0'],
  ['x-powered-by', 'ASP.NET'],
  ['etag', '"abc"'],
  ['x-served-by', 'cache-fra1'],
  ['age', '120'],
  ['x-cache', 'HIT'],
];

describe('the evidence model', () => {
  it('puts the headers that prove a stale cache first, Age and X-Cache: HIT before the node name, and marks them', () => {
    const views = headerViews(pub(1, 'B', HEADERS), 'stale-cache');
    expect(views.map((h) => [h.name, h.decisive])).toEqual([
      ['Age', true],
      ['X-Cache', true],
      ['X-Served-By', true],
      ['Server', false],
      ['X-Powered-By', false],
      ['ETag', false],
    ]);
  });

  it('marks nothing on a right copy, keeping the order received', () => {
    const views = headerViews(pub(1, 'A', HEADERS, true), 'stale-cache');
    expect(views.every((h) => !h.decisive)).toBe(true);
    expect(views[0]!.name).toBe('Server');
  });

  it('folds samples that got the same copy, and keeps a different one apart', () => {
    const groups = foldSamples([pub(1, 'B', HEADERS), pub(2, 'A', HEADERS, true), pub(3, 'B', [['age', '121']])]);
    expect(groups.map((g) => g.samples)).toEqual([[1, 3], [2]]);
  });
});
