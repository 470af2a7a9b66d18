// The CLI as users and scripts meet it: a child process, exit codes, stdout JSON, one-line errors.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const BIN = join(__dirname, 'hash-workbench.cjs');

type Unprivileged = { uid: string; bin: string; dist: string };

function cli(args: string[], opts: { input?: string; as?: Unprivileged; cwd?: string } = {}) {
  const [cmd, argv] = opts.as
    ? ['setpriv', [`--reuid=${opts.as.uid}`, `--regid=${opts.as.uid}`, '--clear-groups', process.execPath, opts.as.bin, ...args]]
    : [process.execPath, [BIN, ...args]];
  const env = opts.as ? { ...process.env, HASH_WORKBENCH_DIST: opts.as.dist } : process.env;
  const r = spawnSync(cmd, argv as string[], { input: opts.input, encoding: 'utf8', cwd: opts.cwd, env });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * As root, an unreadable file can only be shown by running the CLI as `nobody`. The checkout may sit in a
 * folder nobody cannot enter (mktemp -d makes them 0700), so nobody runs a copy of the built CLI from
 * `dir`; the native packages stay behind and the portable implementations stand in. Returns why it
 * cannot run when nobody still cannot start that copy.
 */
function unprivilegedCopy(): Unprivileged | string {
  const uid = '65534';
  const copy = join(dir, 'cli-copy');
  mkdirSync(join(copy, 'main', 'cli'), { recursive: true });
  mkdirSync(join(copy, 'dist'), { recursive: true });
  copyFileSync(BIN, join(copy, 'main', 'cli', 'hash-workbench.cjs'));
  for (const f of ['cli.cjs', 'hash-worker.cjs']) copyFileSync(join(__dirname, '..', '..', 'dist', f), join(copy, 'dist', f));
  const as = { uid, bin: join(copy, 'main', 'cli', 'hash-workbench.cjs'), dist: join(copy, 'dist') + '/' };
  const probe = spawnSync('setpriv', [
    `--reuid=${uid}`,
    `--regid=${uid}`,
    '--clear-groups',
    process.execPath,
    as.bin,
    'algorithms',
    '--json',
  ]);
  if (probe.error) return `setpriv cannot run here (${probe.error.message})`;
  if (probe.status !== 0) return `user ${uid} cannot start a copy of the CLI in ${dir}: ${String(probe.stderr).split('\n')[0]}`;
  return as;
}
const json = (s: string) => JSON.parse(s) as Record<string, unknown>;
const openssl = (alg: string, path: string) =>
  execFileSync('openssl', ['dgst', `-${alg}`, '-r', path])
    .toString()
    .split(' ')[0];

let dir: string;
let hello: string;
let abc: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hw-cli-'));
  chmodSync(dir, 0o755);
  hello = join(dir, 'hello.txt');
  abc = join(dir, 'abc.txt');
  writeFileSync(hello, 'hello world');
  writeFileSync(abc, 'abc');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('hash', () => {
  it('computes the default set, equal to openssl and zlib on the same bytes', () => {
    const r = cli(['hash', '--json', hello]);
    expect(r.code).toBe(0);
    const out = json(r.stdout) as { algorithms: string[]; files: { path: string; size: number; digests: Record<string, string> }[] };
    expect(out.algorithms).toEqual(['md5', 'sha1', 'sha256', 'sha512', 'blake3', 'crc32']);
    const d = out.files[0]!.digests;
    for (const a of ['md5', 'sha1', 'sha256', 'sha512']) expect(d[a]).toBe(openssl(a, hello));
    expect(d.crc32).toBe(crc32(Buffer.from('hello world')).toString(16).padStart(8, '0'));
    // BLAKE3 of "hello world" from the reference implementation (b3sum).
    expect(d.blake3).toBe('d74981efa70a0c880b8d8c1985d075dbcbf679b99a5f9914e5aaf96b831a9e24');
    expect(out.files[0]!.size).toBe(11);
  });

  it('renders the OutSystems form of MD5', () => {
    const r = cli(['hash', '--algo', 'MD5', '--encoding', 'outsystems', '--json', hello]);
    expect((json(r.stdout).files as { digests: { md5: string } }[])[0]!.digests.md5).toBe('XrY7u+Ae7tCTyyK7j1rNww');
  });

  it('takes algorithm names as people write them', () => {
    const r = cli(['hash', '--algo', 'SHA-256,sha-1,blake2b512,xxh3,SHA3-256', '--json', abc]);
    expect(r.code).toBe(0);
    expect(json(r.stdout).algorithms).toEqual(['sha256', 'sha1', 'blake2b-512', 'xxh3-64', 'sha3-256']);
  });

  it('prints human output with labels', () => {
    const r = cli(['hash', '--algo', 'sha256', abc]);
    expect(r.stdout).toBe(`${abc}\n  SHA-256  ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\n`);
  });

  it('keeps the good files when one path fails, and exits 2', () => {
    const missing = join(dir, 'missing.bin');
    const r = cli(['hash', '--algo', 'md5', '--json', abc, missing]);
    expect(r.code).toBe(2);
    const files = json(r.stdout).files as { path: string; digests?: { md5: string }; error?: { code: string; message: string } }[];
    expect(files[0]!.digests!.md5).toBe('900150983cd24fb0d6963f7d28e17f72');
    expect(files[1]!.error).toEqual({ code: 'ENOENT', message: `${missing}: no such file or folder` });
    expect(r.stderr).toBe(`error: ${missing}: no such file or folder\n`);
  });

  it('reports an unreadable file as permission denied and still hashes the others', (ctx) => {
    const locked = join(dir, 'locked.bin');
    writeFileSync(locked, 'secret');
    chmodSync(locked, 0o000);
    // CI runs as root, which reads anything: run the CLI as an unprivileged user.
    const as = process.getuid?.() === 0 ? unprivilegedCopy() : undefined;
    if (typeof as === 'string') return ctx.skip(as);
    const r = cli(['hash', '--algo', 'md5', '--json', abc, locked], { as });
    expect(r.code).toBe(2);
    const files = json(r.stdout).files as { digests?: unknown; error?: { code: string; message: string } }[];
    expect(files[0]!.digests).toBeDefined();
    expect(files[1]!.error).toEqual({ code: 'EACCES', message: `${locked}: permission denied` });
  });

  it('rejects an unknown algorithm with one line and exit 2', () => {
    const r = cli(['hash', '--algo', 'sha257', abc]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('error: unknown algorithm sha257 (run "hash-workbench algorithms" for the list)\n');
    expect(r.stdout).toBe('');
  });
});

describe('check', () => {
  it('finds the algorithm and encoding of a pasted hex digest (exit 0)', () => {
    const r = cli([
      'check',
      '--json',
      abc,
      '  BA:78:16:BF:8F:01:CF:EA:41:41:40:DE:5D:AE:22:23:B0:03:61:A3:96:17:7A:9C:B4:10:FF:61:F2:00:15:AD ',
    ]);
    expect(r.code).toBe(0);
    const out = json(r.stdout) as { matched: boolean; match: { algorithm: string } };
    expect(out.matched).toBe(true);
    expect(out.match.algorithm).toBe('sha256');
  });

  it('tries every algorithm of an ambiguous length and says which matched', () => {
    const md4 = 'a448017aaf21d8525fc10ae87aa6729d'; // RFC 1320: MD4("abc")
    const r = cli(['check', '--json', abc, md4]);
    expect(r.code).toBe(0);
    const out = json(r.stdout) as { match: { algorithm: string }; tried: { algorithm: string }[] };
    expect(out.match.algorithm).toBe('md4');
    expect(out.tried.map((t) => t.algorithm)).toEqual(expect.arrayContaining(['md5', 'md4', 'xxh3-128']));
  });

  it('matches an SRI value', () => {
    const sri = `sha512-${createHash('sha512').update('abc').digest('base64')}`;
    expect(cli(['check', abc, sri]).code).toBe(0);
  });

  it('says which side of an OutSystems log line the file matches', () => {
    const line =
      'Checksum failed for file /App/hello.txt?XrY7u+Ae7tCTyyK7j1rNww. Received hash: XrY7u+Ae7tCTyyK7j1rNww | Calculated hash: Ux+rVJ8uHJtnxJ4yVjYV_A';
    const r = cli(['check', '--json', hello, line]);
    expect(r.code).toBe(0);
    expect((json(r.stdout).match as { role: string }).role).toBe('expected');
  });

  it('exits 1 when nothing matches, naming what was tried', () => {
    const r = cli(['check', abc, createHash('sha256').update('abd').digest('hex')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^NO MATCH: .*tried SHA-256, .*SHA3-256.* \(hex\)\n$/);
  });

  it('exits 2 when the paste holds nothing that can be a hash', () => {
    const r = cli(['check', abc, 'not a hash at all']);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
  });

  it('reads the paste from stdin with -', () => {
    expect(cli(['check', abc, '-'], { input: '900150983cd24fb0d6963f7d28e17f72\n' }).code).toBe(0);
  });
});

describe('compare', () => {
  it('exits 0 for equal files', () => {
    const copy = join(dir, 'abc-copy.txt');
    writeFileSync(copy, 'abc');
    expect(cli(['compare', abc, copy]).code).toBe(0);
  });

  it('gives the first differing offset, both sizes and a window (exit 1)', () => {
    const a = join(dir, 'cmp-a.bin');
    const b = join(dir, 'cmp-b.bin');
    const base = Buffer.alloc(3 * 1024 * 1024, 0x41);
    writeFileSync(a, base);
    const changed = Buffer.concat([base, Buffer.from('tail')]);
    changed[2 * 1024 * 1024 + 5] = 0x42;
    writeFileSync(b, changed);
    const r = cli(['compare', '--json', a, b]);
    expect(r.code).toBe(1);
    const out = json(r.stdout) as { equal: boolean; offset: number; sizes: number[]; windows: { start: number; text: string }[] };
    expect(out.equal).toBe(false);
    expect(out.offset).toBe(2 * 1024 * 1024 + 5);
    expect(out.sizes).toEqual([3 * 1024 * 1024, 3 * 1024 * 1024 + 4]);
    expect(out.windows[1]!.text).toBe(`${'A'.repeat(16)}B${'A'.repeat(15)}`);
    expect(out.windows[0]!.start).toBe(out.offset - 16);
  });

  it('a strict prefix differs at the shorter size', () => {
    const a = join(dir, 'prefix-a.txt');
    writeFileSync(a, 'ab');
    const out = json(cli(['compare', '--json', a, abc]).stdout) as { offset: number };
    expect(out.offset).toBe(2);
  });

  it('exits 2 with one line when a file is missing', () => {
    const r = cli(['compare', abc, join(dir, 'nope')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`error: ${join(dir, 'nope')}: no such file or folder\n`);
  });
});

describe('verify and sum', () => {
  it('verifies sha256sum output with a changed and a missing entry (exit 1)', () => {
    const sub = join(dir, 'release');
    mkdirSync(sub);
    writeFileSync(join(sub, 'one.bin'), 'one');
    writeFileSync(join(sub, 'two.bin'), 'two');
    writeFileSync(join(sub, 'three.bin'), 'three');
    const sums = execFileSync('sha256sum', ['one.bin', 'two.bin', 'three.bin'], { cwd: sub }).toString();
    writeFileSync(join(sub, 'SHA256SUMS'), sums);
    expect(cli(['verify', join(sub, 'SHA256SUMS')]).code).toBe(0);
    writeFileSync(join(sub, 'two.bin'), 'TWO');
    rmSync(join(sub, 'three.bin'));
    const r = cli(['verify', '--json', join(sub, 'SHA256SUMS')]);
    expect(r.code).toBe(1);
    const out = json(r.stdout) as { entries: { path: string; status: string }[]; summary: Record<string, number> };
    expect(out.entries.map((e) => [e.path, e.status])).toEqual([
      ['one.bin', 'ok'],
      ['two.bin', 'mismatch'],
      ['three.bin', 'missing'],
    ]);
    expect(out.summary).toEqual({ ok: 1, mismatch: 1, missing: 1, error: 0 });
  });

  it('exits 2 for a file that is not a checksum file, saying which line and what was expected', () => {
    const bad = join(dir, 'notes.txt');
    writeFileSync(bad, 'hello there\n');
    const r = cli(['verify', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: .*notes\.txt: .*line 1/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it.each(['gnu', 'bsd', 'sfv'])('writes a %s file that verifies', (format) => {
    const out = join(dir, `sums-${format}`);
    mkdirSync(out);
    writeFileSync(join(out, 'a.txt'), 'a');
    writeFileSync(join(out, 'b.txt'), 'b');
    const r = cli(['sum', '--format', format, 'a.txt', 'b.txt'], { cwd: out });
    expect(r.code).toBe(0);
    const name = format === 'sfv' ? 'check.sfv' : 'check.txt';
    writeFileSync(join(out, name), r.stdout);
    const v = cli(['verify', '--json', ...(format === 'gnu' ? ['--algo', 'sha256'] : []), join(out, name)]);
    expect(v.code).toBe(0);
    expect((json(v.stdout).summary as { ok: number }).ok).toBe(2);
  });
});

describe('usage', () => {
  it('lists every algorithm with the implementation it uses here', () => {
    const rows = JSON.parse(cli(['algorithms', '--json']).stdout) as { id: string; implementation: string | null }[];
    expect(rows).toHaveLength(26);
    expect(rows.every((r) => r.implementation !== null)).toBe(true);
  });

  it('unknown commands and options are one-line usage errors (exit 2)', () => {
    for (const args of [['frobnicate'], ['hash', '--bogus', abc], ['compare', abc]]) {
      const r = cli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });
});
