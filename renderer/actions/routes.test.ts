import { describe, expect, it } from 'vitest';
import { onPaths, routePaths } from './routes.js';

describe('routePaths', () => {
  it('sends every checksum file pathKind knows to the checksum screen, and the rest where they belong', () => {
    const got: Record<string, string[]> = {};
    for (const kind of ['checksum', 'report', 'case', 'har'] as const)
      onPaths(kind, (paths) => void (got[kind] = [...(got[kind] ?? []), ...paths]));
    // These were hashed as plain files when dropped, though verify reads them and "Open with" opened some.
    const checksums = ['/d/B2SUMS', '/d/a.sha3-256', '/d/a.whirlpool', '/d/a.xxh64', '/d/checksums.txt', '/d/CHECKSUMS', '/d/SHA256SUMS'];
    const left = routePaths(['/d/a.iso', ...checksums, '/d/r.json', '/d/c.hwcase', '/d/s.har', '/d/notes.txt']);
    expect(left).toEqual(['/d/a.iso', '/d/notes.txt']);
    expect(got).toEqual({ checksum: checksums, report: ['/d/r.json'], case: ['/d/c.hwcase'], har: ['/d/s.har'] });
  });

  it('takes the kind main names for paths it opened, and hands back what a screen declines', () => {
    onPaths('report', () => false);
    expect(routePaths(['/d/data.json'])).toEqual(['/d/data.json']);
    expect(routePaths(['/d/a.iso'], 'files')).toEqual(['/d/a.iso']);
  });
});
