// The table's columns and cells from a hand-made report: which columns exist, what each cell says.
import { describe, expect, it } from 'vitest';
import { OLD, RIGHT, smallReport, TOKEN } from './report-fixture.js';
import { cellCopyText, cellOf, resultColumns, shortValue, visibleColumns, visibleRows } from './table-model.js';

const report = smallReport();
const columns = resultColumns(report);
const row = (path: string) => report.resources.find((r) => r.path.endsWith(path))!;
const cell = (key: string, path: string) =>
  cellOf(
    columns.find((c) => c.key === key)!,
    row(path),
  );

describe('columns', () => {
  it('has one per frontend, public, bypassed, device, and the customer’s public URL apart', () => {
    // The customer's column sits next to ours, as in the exported HTML report.
    expect(columns.map((c) => c.key)).toEqual(['frontend:FE1', 'frontend:FE2', 'public', 'bypass', 'public-customer', 'device']);
    expect(columns.map((c) => c.heading)).toContain('Public URL (customer)');
  });

  it('adds a frontend seen only in observations, and HAR only when there is one', () => {
    const r = smallReport();
    r.resources[1]!.observations.push(
      { source: 'frontend:FE3', vantage: 'agent', path: '/x', at: '', hash: 'h' },
      { source: 'har', vantage: 'customer', path: '/x', at: '', hash: 'h' },
    );
    const keys = resultColumns(r).map((c) => c.key);
    expect(keys).toContain('frontend:FE3');
    expect(keys[keys.length - 1]).toBe('har');
  });
});

describe('cells', () => {
  it('marks matches and mismatches from the verdict, with the short hash', () => {
    expect(cell('frontend:FE1', 'controller.js')).toMatchObject({
      match: 'true',
      entries: [{ shown: `${RIGHT.slice(0, 8)}…`, full: RIGHT }],
    });
    expect(cell('frontend:FE2', 'controller.js').match).toBe('false');
    expect(cell('device', 'index.js')).toMatchObject({ match: 'none', entries: [] });
  });

  it('shows each distinct public copy with the samples that gave it', () => {
    const c = cell('public', 'controller.js');
    expect(c.match).toBe('false');
    expect(c.entries.map((e) => [e.full, e.samples])).toEqual([
      [RIGHT, [1, 3]],
      [OLD, [2]],
    ]);
    expect(cellCopyText(c)).toBe(`${RIGHT}\n${OLD}`);
  });

  it('names no-cache and extra query apart only when they differ', () => {
    expect(cell('bypass', 'index.js').entries).toHaveLength(1);
    const c = cell('bypass', 'controller.js');
    expect(c.match).toBe('error');
    expect(c.entries.map((e) => [e.label, e.match, e.reason])).toEqual([
      ['no-cache', 'true', undefined],
      ['extra query', 'error', 'TIMEOUT'],
    ]);
  });

  it('shows the token of a version-token file', () => {
    expect(cell('frontend:FE1', 'moduleinfo').entries[0]?.full).toBe(TOKEN);
  });

  it('shortens to 8 characters and an ellipsis', () => {
    expect(shortValue('1234567890')).toBe('12345678…');
    expect(shortValue('123456789')).toBe('123456789');
  });
});

describe('filters', () => {
  it('keeps only rows with a mismatch', () => {
    expect(visibleRows(report.resources, columns, { onlyProblems: true }).map((r) => r.path)).toEqual([
      '/MyApp/scripts/MyApp.controller.js',
    ]);
    expect(visibleRows(report.resources, columns, { onlyProblems: false })).toHaveLength(3);
  });

  it('shows one frontend’s column only', () => {
    const keys = visibleColumns(columns, { onlyProblems: false, frontend: 'FE1' }).map((c) => c.key);
    expect(keys).toEqual(['frontend:FE1', 'public', 'bypass', 'public-customer', 'device']);
  });
});
