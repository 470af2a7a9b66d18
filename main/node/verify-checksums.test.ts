// verify through the CLI's pool (small files on the calling thread) and the app's: the same entries
// whether the checksum file is named by an absolute or a relative path, cross-checked with sha256sum.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HashPool } from './hash-pool.js';
import { verifyChecksumFile } from './verify-checksums.js';
import { childPrefix, plainRelative } from './walk.js';

let dir: string;
let sums: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hw-verify-'));
  mkdirSync(join(dir, 'sub'));
  const names = ['empty', 'one', 'sub/a', 'sub/b', 'big'];
  writeFileSync(join(dir, 'empty'), '');
  writeFileSync(join(dir, 'one'), 'x');
  writeFileSync(join(dir, 'sub/a'), randomBytes(5000));
  writeFileSync(join(dir, 'sub/b'), randomBytes(70_000));
  writeFileSync(join(dir, 'big'), randomBytes(3 << 20)); // from 1 MiB: a thread, not the calling one
  const lines = execFileSync('sha256sum', names, { cwd: dir }).toString();
  // A wrong digest for sub/a, and an entry whose file is missing.
  const wrong = lines.replace(/^[0-9a-f]{64}(?=  sub\/a$)/m, '0'.repeat(64));
  sums = join(dir, 'SHA256SUMS');
  writeFileSync(sums, `${wrong}${'1'.repeat(64)}  gone\n`);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('paths of entries', () => {
  it('joins a plain relative name by concatenation only where that is what join and resolve give', () => {
    const names = [
      'f',
      'd/f',
      '.hidden',
      'a..b',
      '..x',
      'd/.../f',
      'a\\b',
      ' s',
      'd/./f',
      'd//f',
      'd/',
      '../f',
      './f',
      '.',
      '..',
      'a/..',
      '/abs',
      '',
    ];
    for (const folder of ['.', 'a//b', '/', '/x/y/', '..', 'a/./b']) {
      for (const name of names.filter(plainRelative)) {
        expect(childPrefix(folder) + name).toBe(join(folder, name));
        expect(childPrefix(resolve(folder)) + name).toBe(resolve(folder, name));
      }
    }
    expect(names.filter(plainRelative)).toEqual(sep === '/' ? ['f', 'd/f', '.hidden', 'a..b', '..x', 'd/.../f', 'a\\b', ' s'] : []);
  });
});

describe.each([
  ['the app', 0],
  ['the CLI', 1 << 20],
])('verify with the pool of %s', (_who, inlineBelow) => {
  it('gives each entry its status, by an absolute or a relative checksum-file path alike', async () => {
    const pool = new HashPool({ size: 2, inlineBelow });
    try {
      const byAbsolute = await verifyChecksumFile(pool, sums);
      const byRelative = await verifyChecksumFile(pool, relative(process.cwd(), sums));
      for (const r of [byAbsolute, byRelative]) {
        expect(r.entries.map((e) => [e.path, e.status])).toEqual([
          ['empty', 'ok'],
          ['one', 'ok'],
          ['sub/a', 'mismatch'],
          ['sub/b', 'ok'],
          ['big', 'ok'],
          ['gone', 'missing'],
        ]);
        expect(r.entries.map((e) => e.resolvedPath)).toEqual(['empty', 'one', 'sub/a', 'sub/b', 'big', 'gone'].map((n) => join(dir, n)));
        // The digest actually computed is sha256sum's for the same bytes.
        const a = r.entries[2]!;
        expect(a.actual!.sha256).toBe(
          execFileSync('sha256sum', [join(dir, 'sub/a')])
            .toString()
            .split(' ')[0],
        );
        expect(a.algorithm).toBe('sha256');
        // The error names the entry as the checksum file writes it.
        expect(r.entries[5]!.error!.message).toMatch(/^gone: /);
        expect(r.summary).toEqual({ ok: 4, mismatch: 1, missing: 1, error: 0 });
      }
    } finally {
      await pool.destroy();
    }
  });
});
