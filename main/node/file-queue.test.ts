// The many-files engine: batches at every size boundary, results in the user's order whatever
// finishes first, cancel keeping what was done, a file changed in a batch, the read modes.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileHashResult } from '../common/hash-types.js';
import { hashFiles } from './hash-files.js';
import { HashPool } from './hash-pool.js';

const openssl = (alg: string, path: string) =>
  execFileSync('openssl', ['dgst', `-${alg}`, '-r', path])
    .toString()
    .split(' ')[0];

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'hw-queue-'));
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

// The app's pool hashes everything in threads; the CLI's hashes files below 1 MiB on its own thread
// (no message, no await per file) and only bigger ones in threads. Both must keep every guarantee.
describe.each([
  ['threads only (the app)', 0],
  ['small files on the calling thread (the CLI)', 1 << 20],
])('%s', (_kind, inlineBelow) => {
  let dir: string;
  let pool: HashPool;
  beforeAll(() => {
    dir = join(root, inlineBelow ? 'cli' : 'app');
    mkdirSync(dir);
    pool = new HashPool({ size: 2, inlineBelow });
  });
  afterAll(async () => {
    await pool.destroy();
  });

  const LIMIT = 4096; // batchLimit: files below go in batches
  const SPLIT = 16384; // splitFrom: files from here are split across threads
  const CHUNK = 1024;

  describe('batches and size boundaries', () => {
    it('gives openssl and coreutils digests at 0, 1, the batch limit and the split threshold, batched or not', async () => {
      const sub = join(dir, 'sizes');
      mkdirSync(sub);
      const sizes = [0, 1, 2, LIMIT - 1, LIMIT, LIMIT + 1, SPLIT - 1, SPLIT, SPLIT + 1, 3 * SPLIT + 7];
      for (const [i, size] of sizes.entries()) writeFileSync(join(sub, `${String(i).padStart(2, '0')}-${size}.bin`), randomBytes(size));
      // Fresh files take the careful read (size and time before and after); files last written long
      // ago the quick one (read, then one fstat): both at every boundary.
      for (const [batchFiles, aged] of [
        [1, false],
        [3, false],
        [256, false],
        [3, true],
        [256, true],
      ] as const) {
        if (aged) for (const name of readdirSync(sub)) utimesSync(join(sub, name), new Date(2001, 1, 1), new Date(2001, 1, 1));
        const r = await hashFiles(pool, [sub], ['sha256', 'md5', 'blake2b-512'], {
          batchLimit: LIMIT,
          splitFrom: SPLIT,
          chunkSize: CHUNK,
          batchFiles,
          batchBytes: 2 * LIMIT,
        });
        expect(r.files.map((f) => f.size)).toEqual(sizes);
        for (const f of r.files) {
          expect(f.error, f.path).toBeUndefined();
          expect(f.digests!.sha256, `${f.path} batchFiles ${batchFiles}`).toBe(openssl('sha256', f.path));
          expect(f.digests!.md5).toBe(execFileSync('md5sum', [f.path]).toString().split(' ')[0]);
          expect(f.digests!['blake2b-512']).toBe(execFileSync('b2sum', [f.path]).toString().split(' ')[0]);
        }
      }
    });

    it('splits a folder into batches by file count and bytes, and gives every file its own outcome', async () => {
      const sub = join(dir, 'many');
      mkdirSync(sub);
      for (let i = 0; i < 50; i++) writeFileSync(join(sub, `f${String(i).padStart(3, '0')}`), `file ${i}`);
      writeFileSync(join(sub, 'f025'), ''); // an empty one among them
      const r = await hashFiles(pool, [sub, join(sub, 'nope')], ['sha1'], { batchFiles: 7, batchBytes: 40 });
      expect(r.files).toHaveLength(51);
      expect(r.files[25]!.digests!.sha1).toBe('da39a3ee5e6b4b0d3255bfef95601890afd80709');
      expect(r.files[3]!.digests!.sha1).toBe(openssl('sha1', join(sub, 'f003')));
      expect(r.files[50]!.error?.code).toBe('ENOENT');
    });
  });

  describe("results in the user's order, as they are ready", () => {
    it('hands each file on once it and every file before it are done, a slow big file in the middle', async () => {
      const sub = join(dir, 'ordered');
      mkdirSync(sub);
      writeFileSync(join(sub, 'a-first.txt'), 'a');
      // Slow by its size and algorithm (Whirlpool, about 13 s/GB single-threaded), not by a timer.
      writeFileSync(join(sub, 'm-slow.bin'), randomBytes(24 * 1024 * 1024));
      for (let i = 0; i < 40; i++) writeFileSync(join(sub, `z-${String(i).padStart(2, '0')}.txt`), `after ${i}`);
      const seen: FileHashResult[] = [];
      let slowProgressBeforeIt = 0;
      const r = await hashFiles(pool, [sub], ['whirlpool'], {
        keep: false,
        chunkSize: 1 << 16,
        onProgress: () => {
          if (!seen.some((f) => f.path.endsWith('m-slow.bin'))) slowProgressBeforeIt++;
        },
        onFile: (f) => seen.push(f),
      });
      expect(r.files).toEqual([]); // nothing kept: the CLI streams
      expect(seen.map((f) => f.path)).toEqual([
        join(sub, 'a-first.txt'),
        join(sub, 'm-slow.bin'),
        ...Array.from({ length: 40 }, (_, i) => join(sub, `z-${String(i).padStart(2, '0')}.txt`)),
      ]);
      expect(seen.every((f) => f.digests?.whirlpool)).toBe(true);
      expect(slowProgressBeforeIt).toBeGreaterThan(0);
    });

    it('cancel mid-folder keeps what was done and cancels the rest, in order', async () => {
      const sub = join(dir, 'cancel');
      mkdirSync(sub);
      for (let i = 0; i < 5; i++) writeFileSync(join(sub, `a-${i}.txt`), `before ${i}`);
      writeFileSync(join(sub, 'm-big.bin'), randomBytes(64 * 1024 * 1024));
      for (let i = 0; i < 300; i++) writeFileSync(join(sub, `z-${String(i).padStart(3, '0')}.txt`), `after ${i}`);
      const ac = new AbortController();
      const seen: FileHashResult[] = [];
      await hashFiles(pool, [sub], ['whirlpool'], {
        signal: ac.signal,
        chunkSize: 1 << 16,
        window: 32,
        keep: false,
        // The big file is being read (its bytes show in progress): cancel now.
        onProgress: (p) => p.bytesDone > 1000 && ac.abort(),
        onFile: (f) => seen.push(f),
      });
      const names = seen.map((f) => f.path.slice(sub.length + 1));
      expect(names.slice(0, 6)).toEqual(['a-0.txt', 'a-1.txt', 'a-2.txt', 'a-3.txt', 'a-4.txt', 'm-big.bin']);
      expect(seen.slice(0, 5).every((f) => f.digests?.whirlpool)).toBe(true);
      expect(seen[5]!.error?.code).toBe('CANCELLED');
      // Listed files after it are cancelled (or were done); the walk stopped, so not all 300 were listed.
      expect(names.slice(6)).toEqual([...names.slice(6)].sort());
      expect(seen.slice(6).every((f) => f.digests || f.error?.code === 'CANCELLED')).toBe(true);
      expect(seen.length).toBeLessThan(306);
      // The pool is still usable afterwards.
      expect((await pool.hashFile(join(sub, 'a-0.txt'), ['md5'])).size).toBe(8);
    });

    it('a file changed in the middle of a batch gives CHANGED, the others their digests', async () => {
      const sub = join(dir, 'changed');
      mkdirSync(sub);
      for (const n of ['a', 'b', 'c', 'd']) writeFileSync(join(sub, `${n}.txt`), `content ${n}`);
      // Given paths are listed with their size and time (files inside a folder are sized by the thread that opens them).
      const given = ['a', 'b', 'c', 'd'].map((n) => join(sub, `${n}.txt`));
      const r = await hashFiles(pool, given, ['sha256'], {
        onListed: (f) => {
          if (f.path.endsWith('b.txt')) appendFileSync(f.path, ' and more');
          if (f.path.endsWith('c.txt')) {
            // Same size, other bytes, another time: only the modification time tells.
            writeFileSync(f.path, 'CONTENT c');
            utimesSync(f.path, new Date(2001, 1, 1), new Date(2001, 1, 1));
          }
        },
      });
      expect(r.files.map((f) => f.error?.code ?? 'ok')).toEqual(['ok', 'CHANGED', 'CHANGED', 'ok']);
      expect(r.files[1]!.error!.message).toMatch(/b\.txt: the file changed while it was being hashed/);
      expect(r.files[3]!.digests!.sha256).toBe(openssl('sha256', join(sub, 'd.txt')));
    });
  });

  describe('many files', () => {
    it('streams thousands of files through a small window in order, every digest right', async () => {
      const sub = join(dir, 'thousands');
      mkdirSync(sub);
      const n = 3000;
      for (let i = 0; i < n; i++) writeFileSync(join(sub, `f${String(i).padStart(4, '0')}`), String(i % 7).repeat(i % 5));
      const expected = Array.from({ length: 35 }, (_, k) => {
        const path = join(dir, `probe-${k}`);
        writeFileSync(path, String(k % 7).repeat(k % 5));
        return openssl('md5', path);
      });
      let count = 0;
      await hashFiles(pool, [sub], ['md5'], {
        keep: false,
        window: 64,
        batchFiles: 16,
        onFile: (f) => {
          const i = count++;
          expect(f.path).toBe(join(sub, `f${String(i).padStart(4, '0')}`));
          expect(f.digests!.md5).toBe(expected[i % 35]); // same residues mod 7 and 5: same content
        },
      });
      expect(count).toBe(n);
    });
  });

  describe('read modes', () => {
    it('gives the same results reading in parallel, serially or as the device suggests', async () => {
      const sub = join(dir, 'modes');
      mkdirSync(sub);
      for (let i = 0; i < 12; i++) writeFileSync(join(sub, `f${i}`), randomBytes(i * 1000));
      writeFileSync(join(sub, 'big'), randomBytes(2 * 1024 * 1024));
      const digests = async (reads: 'auto' | 'parallel' | 'serial') =>
        (await hashFiles(pool, [sub], ['md5'], { reads, batchLimit: 4096 })).files.map((f) => f.digests!.md5);
      const auto = await digests('auto');
      expect(await digests('parallel')).toEqual(auto);
      expect(await digests('serial')).toEqual(auto);
      expect(auto[0]).toBe(openssl('md5', join(sub, 'big')));
    });
  });
});
