import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashFiles } from './hash-files.js';
import { HashPool, partition } from './hash-pool.js';

const openssl = (alg: string, path: string) =>
  execFileSync('openssl', ['dgst', `-${alg}`, '-r', path])
    .toString()
    .split(' ')[0];

let dir: string;
let pool: HashPool;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hw-files-'));
  pool = new HashPool({ size: 2 });
});
afterAll(async () => {
  await pool.destroy();
  rmSync(dir, { recursive: true, force: true });
});

describe('hashFiles', () => {
  it('gives the same digests as openssl whether the file is split across threads or not', async () => {
    const path = join(dir, 'big.bin');
    writeFileSync(path, randomBytes(20 * 1024 * 1024 + 17));
    const algos = ['md5', 'sha1', 'sha256', 'sha512'] as const;
    const split = await pool.hashFile(path, [...algos], { size: 20 * 1024 * 1024 + 17 });
    const single = await pool.hashFile(path, [...algos], { size: 1 });
    for (const a of algos) {
      expect(split.digests[a]).toBe(openssl(a, path));
      expect(single.digests[a]).toBe(split.digests[a]);
    }
  });

  it('hands one algorithm to a second thread while the first only reads, with the same digest', async () => {
    const path = join(dir, 'reader.bin');
    writeFileSync(path, randomBytes(5 * 1024 * 1024 + 3));
    for (const chunkSize of [4096, 1 << 20]) {
      const r = await pool.hashFile(path, ['sha256'], { splitFrom: 0, chunkSize });
      expect(r.digests.sha256).toBe(openssl('sha256', path));
      expect(r.size).toBe(5 * 1024 * 1024 + 3);
    }
  });

  it('gives the same digest for any chunk size around the boundaries', async () => {
    const chunk = 4096;
    for (const size of [0, 1, chunk - 1, chunk, chunk + 1, 3 * 1024 * 1024 + 5]) {
      const path = join(dir, `size-${size}.bin`);
      writeFileSync(path, randomBytes(size));
      const expected = openssl('sha256', path);
      for (const split of [1, 0]) {
        const r = await pool.hashFile(path, ['sha256', 'md5', 'blake3'], { chunkSize: chunk, size, splitFrom: split ? 0 : Infinity });
        expect(r.digests.sha256, `size ${size} split ${split}`).toBe(expected);
        expect(r.size).toBe(size);
      }
    }
  });

  it('walks folders in name order, skips link loops and special files, and keeps going past a missing path', async () => {
    const root = join(dir, 'tree');
    mkdirSync(join(root, 'sub'), { recursive: true });
    execFileSync('mkfifo', [join(root, 'sub', 'pipe')]);
    writeFileSync(join(root, 'b.txt'), 'b');
    writeFileSync(join(root, 'a.txt'), 'a');
    writeFileSync(join(root, 'sub', 'c.txt'), 'c');
    symlinkSync(root, join(root, 'sub', 'loop'));
    const r = await hashFiles(pool, [root, join(dir, 'nope.txt')], ['md5']);
    expect(r.files.map((f) => f.path)).toEqual([
      join(root, 'a.txt'),
      join(root, 'b.txt'),
      join(root, 'sub', 'c.txt'),
      join(dir, 'nope.txt'),
    ]);
    expect(r.files[0]!.digests!.md5).toBe('0cc175b9c0f1b6a831c399e269772661');
    expect(r.files[3]!.error).toEqual({ code: 'ENOENT', message: `${join(dir, 'nope.txt')}: no such file or folder` });
    expect(r.skipped).toEqual([
      { path: join(root, 'sub', 'loop'), reason: 'a symbolic link back to a folder above it (a loop)' },
      { path: join(root, 'sub', 'pipe'), reason: 'a named pipe, not a file' },
    ]);
  });

  it('cancels a file mid-way and reports it as cancelled', async () => {
    const path = join(dir, 'cancel.bin');
    writeFileSync(path, randomBytes(64 * 1024 * 1024));
    const ac = new AbortController();
    const started = hashFiles(pool, [path], ['whirlpool'], {
      signal: ac.signal,
      chunkSize: 1 << 16,
      onProgress: (p) => p.bytesDone > 0 && ac.abort(),
    });
    const r = await started;
    expect(r.files[0]!.error?.code).toBe('CANCELLED');
    // The pool is still usable afterwards.
    const again = await pool.hashFile(join(dir, 'size-1.bin'), ['sha256']);
    expect(again.size).toBe(1);
  });

  it('refuses a digest of a file truncated while it was being hashed', async () => {
    const path = join(dir, 'shrinks.bin');
    writeFileSync(path, randomBytes(32 * 1024 * 1024));
    let cut = false;
    const r = await hashFiles(pool, [path], ['whirlpool'], {
      chunkSize: 1 << 16,
      onProgress: () => {
        if (!cut) truncateSync(path, 1024);
        cut = true;
      },
    });
    expect(r.files[0]!.error?.code).toBe('CHANGED');
    expect(r.files[0]!.error?.message).toMatch(/changed while it was being hashed/);
  });

  it('refuses a digest of a file deleted while it was being hashed', async () => {
    const path = join(dir, 'vanishes.bin');
    writeFileSync(path, randomBytes(32 * 1024 * 1024));
    let gone = false;
    const r = await hashFiles(pool, [path, join(dir, 'size-1.bin')], ['whirlpool'], {
      chunkSize: 1 << 16,
      onProgress: () => {
        if (!gone) rmSync(path);
        gone = true;
      },
    });
    expect(r.files[0]!.error).toEqual({ code: 'DELETED', message: `${path}: the file was deleted while it was being hashed` });
    // The other file of the same call keeps its result.
    expect(r.files[1]!.digests!.whirlpool).toMatch(/^[0-9a-f]{128}$/);
  });

  it('hashes bytes in memory in a worker and leaves the caller its bytes', async () => {
    const bytes = new TextEncoder().encode('hello world');
    const r = await pool.hashBytes(bytes, ['md5', 'sha256']);
    expect(r.digests.md5).toBe('5eb63bbbe01eeed093cb22bb8f5acdc3');
    expect(r.digests.sha256).toBe('b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9');
    expect(new TextDecoder().decode(bytes)).toBe('hello world');
    // A Buffer too: its slice() is a view, so a careless copy would hand its memory to the worker.
    const buffer = Buffer.concat([Buffer.alloc(70_000, 1), Buffer.from('end')]);
    await pool.hashBytes(buffer, ['md5']);
    expect(buffer.length).toBe(70_003);
    expect(buffer.subarray(-3).toString()).toBe('end');
  });

  it('a directory given where a file is expected is an error for the pool', async () => {
    await expect(pool.hashFile(dir, ['md5'])).rejects.toThrow(/is a folder|not a regular file/);
  });
});

describe('scheduling', () => {
  it('balances algorithms across threads by cost', () => {
    const groups = partition(['md5', 'sha1', 'sha256', 'sha512'], 2);
    expect(groups).toHaveLength(2);
    expect(groups.flat().sort()).toEqual(['md5', 'sha1', 'sha256', 'sha512']);
    // SHA-512 (the slowest) and MD5 (next) go to different threads.
    expect(groups.find((g) => g.includes('sha512'))).not.toContain('md5');
    expect(partition(['md5'], 4)).toEqual([['md5']]);
  });
});
