import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { algorithmInfo, algorithmsWithDigestBytes, type AlgorithmId } from './algorithms.js';
import {
  decodeChecksumText,
  formatChecksumFile,
  parseChecksumFile,
  parseChecksumLine,
  type ChecksumFormat,
  type ParsedChecksumFile,
} from './checksum-file.js';
import { toHex } from './encodings.js';

const ABC_SHA256 = algorithmInfo('sha256').abc;
const ABC_MD5 = algorithmInfo('md5').abc;

/** The entries as plain data, easy to compare. */
const simple = (p: ParsedChecksumFile) =>
  p.entries.map((e) => ({ path: e.path, hex: toHex(e.digest), algorithms: e.algorithms, source: e.algorithmSource, format: e.format }));

const utf16le = (s: string, bom: boolean) => {
  const body = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) {
    body[2 * i] = s.charCodeAt(i) & 0xff;
    body[2 * i + 1] = s.charCodeAt(i) >> 8;
  }
  return bom ? new Uint8Array([0xff, 0xfe, ...body]) : body;
};
const utf16be = (s: string, bom: boolean) => {
  const le = utf16le(s, false);
  const be = new Uint8Array(le.length);
  for (let i = 0; i < le.length; i += 2) {
    be[i] = le[i + 1]!;
    be[i + 1] = le[i]!;
  }
  return bom ? new Uint8Array([0xfe, 0xff, ...be]) : be;
};

describe('decodeChecksumText', () => {
  const text = `${ABC_SHA256}  a.txt\r\n${ABC_SHA256}  é.txt\r\n`;

  it('reads UTF-8 with and without a BOM', () => {
    const plain = new TextEncoder().encode(text);
    expect(decodeChecksumText(plain)).toEqual({ text, encoding: 'utf-8', bom: false });
    expect(decodeChecksumText(new Uint8Array([0xef, 0xbb, 0xbf, ...plain]))).toEqual({ text, encoding: 'utf-8', bom: true });
  });

  it('reads UTF-16LE and UTF-16BE with a BOM', () => {
    expect(decodeChecksumText(utf16le(text, true))).toEqual({ text, encoding: 'utf-16le', bom: true });
    expect(decodeChecksumText(utf16be(text, true))).toEqual({ text, encoding: 'utf-16be', bom: true });
  });

  it('recognises UTF-16 without a BOM by its NUL bytes', () => {
    expect(decodeChecksumText(utf16le(text, false))).toEqual({ text, encoding: 'utf-16le', bom: false });
    expect(decodeChecksumText(utf16be(text, false))).toEqual({ text, encoding: 'utf-16be', bom: false });
  });

  it('copes with empty input', () => {
    expect(decodeChecksumText(new Uint8Array())).toEqual({ text: '', encoding: 'utf-8', bom: false });
  });

  it('parses a UTF-16LE file with a BOM and CRLF line endings (PowerShell / Notepad)', () => {
    const bytes = utf16le(`\uFEFF${ABC_SHA256} *a.txt\r\n${ABC_SHA256}  sub/b.txt  \r\n\r\n`, false);
    const decoded = decodeChecksumText(bytes);
    expect(decoded.encoding).toBe('utf-16le');
    expect(decoded.bom).toBe(true);
    const parsed = parseChecksumFile(decoded.text, 'SHA256SUMS');
    expect(parsed.problems).toEqual([]);
    expect(parsed.entries.map((e) => [e.line, e.path, e.binary])).toEqual([
      [1, 'a.txt', true],
      [2, 'sub/b.txt', false],
    ]);
    expect(parsed.entries.every((e) => toHex(e.digest) === ABC_SHA256)).toBe(true);
  });

  it('tolerates a BOM left in the text', () => {
    const parsed = parseChecksumFile(`\uFEFF${ABC_MD5}  a.txt\n`, 'x.md5');
    expect(simple(parsed)).toEqual([{ path: 'a.txt', hex: ABC_MD5, algorithms: ['md5'], source: 'file-name', format: 'gnu' }]);
  });
});

describe('parseChecksumFile', () => {
  it('reads GNU lines, comments, blank lines and trailing spaces', () => {
    const text = `# made by hand\n\n${ABC_SHA256}  a b.txt   \n${ABC_SHA256} *bin/c.exe\n  ${ABC_SHA256}  d.txt\n`;
    const parsed = parseChecksumFile(text, 'SHA256SUMS');
    expect(parsed.problems).toEqual([]);
    expect(parsed.error).toBeUndefined();
    expect(parsed.entries.map((e) => [e.line, e.path, e.binary, e.format])).toEqual([
      [3, 'a b.txt', false, 'gnu'],
      [4, 'bin/c.exe', true, 'gnu'],
      [5, 'd.txt', false, 'gnu'],
    ]);
  });

  it('undoes GNU escaping', () => {
    const text = `\\${ABC_SHA256}  dir\\\\we\\\\ird\\nname\\r.txt\n\\SHA256 (x\\\\y) = ${ABC_SHA256}\n${ABC_SHA256}  plain\\name\n`;
    const parsed = parseChecksumFile(text, 'list.sha256');
    expect(parsed.problems).toEqual([]);
    expect(parsed.entries.map((e) => e.path)).toEqual(['dir\\we\\ird\nname\r.txt', 'x\\y', 'plain\\name']);
  });

  it('reports an escaped line with an unknown escape', () => {
    const parsed = parseChecksumFile(`\\${ABC_SHA256}  a\\tb\n${ABC_SHA256}  ok\n`, 'SHA256SUMS');
    expect(parsed.entries.map((e) => e.path)).toEqual(['ok']);
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems[0]!.line).toBe(1);
    expect(parsed.problems[0]!.reason).toMatch(/escape/);
  });

  it('lists every algorithm of that digest length when nothing names one', () => {
    const parsed = parseChecksumFile(`${ABC_SHA256}  a.txt\n`, 'checksums.txt');
    expect(parsed.entries).toHaveLength(1);
    const e = parsed.entries[0]!;
    expect(e.algorithmSource).toBe('digest-length');
    expect(e.algorithms).toEqual(algorithmsWithDigestBytes(32));
    expect(e.algorithms).toEqual(expect.arrayContaining(['sha256', 'sha3-256', 'blake3', 'blake2b-256', 'sha512-256']));
  });

  it('uses opts.algorithm when the name says nothing, and the name over opts.algorithm', () => {
    const byOption = parseChecksumFile(`${ABC_SHA256}  a.txt\n`, 'checksums.txt', { algorithm: 'blake3' });
    expect(simple(byOption)).toEqual([{ path: 'a.txt', hex: ABC_SHA256, algorithms: ['blake3'], source: 'option', format: 'gnu' }]);
    const byName = parseChecksumFile(`${ABC_SHA256}  a.txt\n`, 'SHA256SUMS', { algorithm: 'blake3' });
    expect(byName.entries[0]!.algorithms).toEqual(['sha256']);
    expect(byName.entries[0]!.algorithmSource).toBe('file-name');
    const wrongOption = parseChecksumFile(`${ABC_SHA256}  a.txt\n`, 'checksums.txt', { algorithm: 'md5' });
    expect(wrongOption.entries).toEqual([]);
    expect(wrongOption.error).toBe('line 1: expected a 32-hex-digit MD5 digest (the chosen algorithm), found 64 hex digits');
  });

  it('reports a digest that does not fit the algorithm the file name gives, and keeps the other lines', () => {
    const text = `${ABC_MD5}  a.txt\n${ABC_SHA256}  b.txt\n`;
    const parsed = parseChecksumFile(text, 'files.md5');
    expect(simple(parsed)).toEqual([{ path: 'a.txt', hex: ABC_MD5, algorithms: ['md5'], source: 'file-name', format: 'gnu' }]);
    expect(parsed.problems).toEqual([
      {
        line: 2,
        text: `${ABC_SHA256}  b.txt`,
        reason: 'expected a 32-hex-digit MD5 digest (the file name says MD5), found 64 hex digits',
      },
    ]);
    expect(parsed.error).toBeUndefined();
  });

  it('takes a BSD tag over the file name', () => {
    const parsed = parseChecksumFile(`MD5 (a.txt) = ${ABC_MD5}\n`, 'SHA256SUMS');
    expect(simple(parsed)).toEqual([{ path: 'a.txt', hex: ABC_MD5, algorithms: ['md5'], source: 'tag', format: 'bsd' }]);
  });

  it('reads BSD tags of every flavour, including names with parentheses', () => {
    const lines: [string, AlgorithmId][] = [
      ['SHA256', 'sha256'],
      ['BLAKE2b', 'blake2b-512'],
      ['BLAKE2b-256', 'blake2b-256'],
      ['XXH64', 'xxh64'],
      ['XXH3', 'xxh3-64'],
      ['XXH128', 'xxh3-128'],
      ['SHA512/256', 'sha512-256'],
      ['SHA512t256', 'sha512-256'],
      ['BLAKE3', 'blake3'],
      ['CRC32', 'crc32'],
    ];
    const text = lines.map(([tag, id]) => `${tag} (f (1) = x.txt) = ${algorithmInfo(id).abc}`).join('\n');
    const parsed = parseChecksumFile(text, 'anything.txt');
    expect(parsed.problems).toEqual([]);
    expect(parsed.entries.map((e) => [e.path, e.algorithms, toHex(e.digest)])).toEqual(
      lines.map(([, id]) => ['f (1) = x.txt', [id], algorithmInfo(id).abc]),
    );
  });

  it("reads openssl's SHA2-256(name)= hex and MD5(name)= hex", () => {
    const parsed = parseChecksumFile(`SHA2-256(a.txt)= ${ABC_SHA256}\nMD5(b c.txt)= ${ABC_MD5}\n`, 'out.txt');
    expect(simple(parsed)).toEqual([
      { path: 'a.txt', hex: ABC_SHA256, algorithms: ['sha256'], source: 'tag', format: 'bsd' },
      { path: 'b c.txt', hex: ABC_MD5, algorithms: ['md5'], source: 'tag', format: 'bsd' },
    ]);
  });

  it('reads Base64 digests in tagged lines (cksum --base64)', () => {
    const b64 = createHash('sha256').update('abc').digest('base64');
    const parsed = parseChecksumFile(`SHA256 (a.txt) = ${b64}\n`, 'x');
    expect(simple(parsed)).toEqual([{ path: 'a.txt', hex: ABC_SHA256, algorithms: ['sha256'], source: 'tag', format: 'bsd' }]);
  });

  it('reports unknown tags and tagged digests of the wrong length', () => {
    const parsed = parseChecksumFile(`SHAKE128 (a) = abcd\nSHA1 (b) = ${ABC_MD5}\n`, 'x');
    expect(parsed.problems.map((p) => [p.line, p.reason])).toEqual([
      [1, "unknown algorithm 'SHAKE128' in the tag"],
      [2, "expected a 40-hex-digit SHA-1 digest (from the tag 'SHA1'), found 32 hex digits"],
    ]);
    expect(parsed.error).toBe("line 1: unknown algorithm 'SHAKE128' in the tag");
  });

  it('reads SFV with ; comments, upper-case CRCs and names with spaces', () => {
    const text = '; Generated by WIN-SFV32 v1\r\n;\r\nmy file.bin 352441C2\r\nsub/other.bin\tDEADBEEF\r\n';
    const parsed = parseChecksumFile(text, 'release.sfv');
    expect(simple(parsed)).toEqual([
      { path: 'my file.bin', hex: '352441c2', algorithms: ['crc32'], source: 'file-name', format: 'sfv' },
      { path: 'sub/other.bin', hex: 'deadbeef', algorithms: ['crc32'], source: 'file-name', format: 'sfv' },
    ]);
    // The SFV shape itself says CRC32 when the name says nothing.
    const unnamed = parseChecksumFile('my file.bin 352441C2\n', 'list.txt', { algorithm: 'sha256' });
    expect(simple(unnamed)).toEqual([{ path: 'my file.bin', hex: '352441c2', algorithms: ['crc32'], source: 'tag', format: 'sfv' }]);
  });

  it("reads xxhsum's GNU lines, its BSD tags and its XXH3_ prefix", () => {
    // Printed by xxhsum 0.8.1 (-H0, -H1, -H2, --tag -H3) and 0.8.2+ (-H3) for a file holding "abc".
    const text = [
      '32d153ff  a.txt',
      '44bc2cf5ad770999  a.txt',
      '06b05ab6733a618578af5f94892f3950  a.txt',
      'XXH3 (a.txt) = 78af5f94892f3950',
      'XXH3_78af5f94892f3950  a.txt',
    ].join('\n');
    const parsed = parseChecksumFile(text, 'sums.txt');
    expect(parsed.problems).toEqual([]);
    expect(parsed.entries.map((e) => [e.algorithms, e.algorithmSource])).toEqual([
      [algorithmsWithDigestBytes(4), 'digest-length'],
      [algorithmsWithDigestBytes(8), 'digest-length'],
      [algorithmsWithDigestBytes(16), 'digest-length'],
      [['xxh3-64'], 'tag'],
      [['xxh3-64'], 'tag'],
    ]);
    expect(parseChecksumFile('44bc2cf5ad770999  a.txt\n', 'a.xxh64').entries[0]!.algorithms).toEqual(['xxh64']);
    expect(parseChecksumFile('06b05ab6733a618578af5f94892f3950  a.txt\n', 'a.xxh128').entries[0]!.algorithms).toEqual(['xxh3-128']);
  });

  it('reads b3sum output, escapes included', () => {
    // Printed by b3sum 1.2.0 for files holding "abc" and "y".
    const text = `${algorithmInfo('blake3').abc}  a.txt\n\\08112a9e334ce73042b531c25668cf5cb12a1ee040a4326afeac065461079a06  we\\\\ird\n`;
    const parsed = parseChecksumFile(text, 'B3SUMS');
    expect(parsed.entries.map((e) => [e.path, e.algorithms])).toEqual([
      ['a.txt', ['blake3']],
      ['we\\ird', ['blake3']],
    ]);
  });

  it('takes BLAKE2b-256 digests in a B2SUMS file (b2sum -l 256 without --tag)', () => {
    const parsed = parseChecksumFile(`${algorithmInfo('blake2b-256').abc}  a.txt\n${algorithmInfo('blake2b-512').abc}  a.txt\n`, 'B2SUMS');
    expect(parsed.entries.map((e) => e.algorithms)).toEqual([['blake2b-256'], ['blake2b-512']]);
  });

  it('reads single-space lines (BSD md5 -r) after trying SFV', () => {
    const parsed = parseChecksumFile(`${ABC_MD5} a.txt\n`, 'x.md5');
    expect(parsed.entries.map((e) => [e.path, e.format])).toEqual([['a.txt', 'gnu']]);
  });

  it('skips the armour of a clear-signed file', () => {
    const text = [
      '-----BEGIN PGP SIGNED MESSAGE-----',
      'Hash: SHA256',
      '',
      `${ABC_SHA256}  a.txt`,
      '-----BEGIN PGP SIGNATURE-----',
      '',
      'iQIzBAEBCAAdFiEE',
      '=abcd',
      '-----END PGP SIGNATURE-----',
      '',
    ].join('\n');
    const parsed = parseChecksumFile(text, 'SHA256SUMS.asc');
    expect(parsed.problems).toEqual([]);
    expect(parsed.entries.map((e) => [e.line, e.path])).toEqual([[4, 'a.txt']]);
  });

  it('gives an error naming line 1 and the expected forms for a garbage file', () => {
    const parsed = parseChecksumFile('hello world\nthis is not a checksum file\n', 'notes.txt');
    expect(parsed.entries).toEqual([]);
    expect(parsed.problems.map((p) => p.line)).toEqual([1, 2]);
    expect(parsed.problems[0]!.text).toBe('hello world');
    expect(parsed.error).toBe("line 1: expected '<hex digest>  <file name>', 'ALGO (file name) = <hex>' or 'file name CRC32'");
  });

  it('explains a digest without a name, an odd digest and a length no algorithm has', () => {
    const parsed = parseChecksumFile(`${ABC_SHA256}\n${ABC_SHA256.slice(1)}  a\n${ABC_SHA256}ab  b\n`, 'x');
    expect(parsed.problems.map((p) => p.reason)).toEqual([
      expect.stringMatching(/^a digest with no file name; expected/),
      expect.stringMatching(/^the digest has an odd number of hex digits \(63\)/),
      'no known algorithm has a 66-hex-digit digest (expected 8, 16, 32, 40, 56, 64, 96 or 128 hex digits)',
    ]);
    expect(parsed.error).toMatch(/^line 1: a digest with no file name/);
  });

  it('says when the file has no checksum lines', () => {
    expect(parseChecksumFile('', 'SHA256SUMS')).toEqual({ entries: [], problems: [], error: 'the file has no checksum lines' });
    expect(parseChecksumFile('# nothing\r\n\r\n; here\n   \n', 'x.sfv').error).toBe('the file has no checksum lines');
  });
});

describe('parseChecksumLine', () => {
  it('reads the common GNU line by a scan exactly as the patterns do, and leaves every other form to them', () => {
    const d8 = '0123abcd';
    expect(parseChecksumLine(`${ABC_MD5.toUpperCase()}  x`)).toEqual({
      format: 'gnu',
      path: 'x',
      digestText: ABC_MD5.toUpperCase(),
      binary: false,
    });
    expect(parseChecksumLine(`${d8}  f`)).toEqual({ format: 'gnu', path: 'f', digestText: d8, binary: false });
    // Seven hex digits are no GNU digest; three spaces keep the third in the name.
    expect(parseChecksumLine('0123abc  f')).toBeUndefined();
    expect(parseChecksumLine(`${d8}   f`)).toEqual({ format: 'gnu', path: ' f', digestText: d8, binary: false });
    // No name, or a name holding a line terminator: not the two-space form (the one-space form's pattern takes the first).
    expect(parseChecksumLine(`${d8}  `)).toEqual({ format: 'gnu', path: ' ', digestText: d8 });
    expect((parseChecksumLine(`${d8}  a\u2028b`) as { binary?: boolean } | undefined)?.binary).toBeUndefined();
    // A hex-looking tag is still BSD, and a pasted or SFV-first line takes its own patterns.
    expect(parseChecksumLine(`BAD (x) = ${ABC_MD5}`)).toMatchObject({ format: 'bsd', tag: 'BAD', path: 'x' });
    expect(parseChecksumLine(`${d8}  name ${d8}`, { sfvFirst: true })).toMatchObject({ format: 'sfv', digestText: d8 });
  });

  it('takes apart GNU lines: text mode, binary mode, one space or a tab, and the XXH3_ prefix', () => {
    expect(parseChecksumLine(`${ABC_MD5}  a b.txt`)).toEqual({ format: 'gnu', path: 'a b.txt', digestText: ABC_MD5, binary: false });
    expect(parseChecksumLine(`${ABC_MD5} *a.txt`)).toEqual({ format: 'gnu', path: 'a.txt', digestText: ABC_MD5, binary: true });
    expect(parseChecksumLine(`${ABC_MD5}\ta.txt`)).toEqual({ format: 'gnu', path: 'a.txt', digestText: ABC_MD5 });
    expect(parseChecksumLine('XXH3_78af5f94892f3950  a.txt')).toEqual({
      format: 'gnu',
      path: 'a.txt',
      digestText: '78af5f94892f3950',
      binary: false,
      tag: 'XXH3',
    });
  });

  it('takes apart BSD and openssl lines, keeping the tag as written and names with parentheses', () => {
    expect(parseChecksumLine(`SHA256 (f (1) = x.txt) = ${ABC_SHA256}`)).toEqual({
      format: 'bsd',
      path: 'f (1) = x.txt',
      digestText: ABC_SHA256,
      tag: 'SHA256',
      openssl: false,
    });
    expect(parseChecksumLine(`SHA2-256(a.txt)= ${ABC_SHA256}`)).toEqual({
      format: 'bsd',
      path: 'a.txt',
      digestText: ABC_SHA256,
      tag: 'SHA2-256',
      openssl: true,
    });
  });

  it('undoes GNU escapes and reports an unknown one', () => {
    expect(parseChecksumLine(`\\${ABC_MD5}  a\\\\b\\nc`)).toMatchObject({ format: 'gnu', path: 'a\\b\nc' });
    expect(parseChecksumLine(`\\MD5 (a\\\\b) = ${ABC_MD5}`)).toMatchObject({ format: 'bsd', path: 'a\\b', tag: 'MD5' });
    expect(parseChecksumLine(`\\${ABC_MD5}  a\\tb`)).toEqual({ problem: expect.stringMatching(/escape other than/) });
  });

  it('tries SFV after the two-column GNU form, first when the file name says CRC32, never for pasted text', () => {
    const line = 'deadbeef  my file 352441C2';
    expect(parseChecksumLine(line)).toMatchObject({ format: 'gnu', path: 'my file 352441C2', digestText: 'deadbeef' });
    expect(parseChecksumLine(line, { sfvFirst: true })).toEqual({ format: 'sfv', path: 'deadbeef  my file', digestText: '352441C2' });
    expect(parseChecksumLine('deadbeef 352441C2')).toEqual({ format: 'sfv', path: 'deadbeef', digestText: '352441C2' });
    expect(parseChecksumLine('deadbeef 352441C2', { pasted: true })).toEqual({ format: 'gnu', path: '352441C2', digestText: 'deadbeef' });
    expect(parseChecksumLine('my file.bin 352441C2', { pasted: true })).toBeUndefined();
  });

  it('forgives pasted text what a checksum file may not have', () => {
    const b64 = createHash('sha256').update('abc').digest('base64');
    for (const line of [`SHA256  (a) =  ${ABC_SHA256}`, `(stdin)= ${ABC_SHA256}`, `${b64}  a.txt`, 'abc  a.txt']) {
      expect(parseChecksumLine(line)).toBeUndefined();
    }
    expect(parseChecksumLine(`SHA256  (a) =  ${ABC_SHA256}`, { pasted: true })).toEqual({
      format: 'bsd',
      path: 'a',
      digestText: ABC_SHA256,
      tag: 'SHA256',
      openssl: false,
    });
    expect(parseChecksumLine(`(stdin)= ${ABC_SHA256}`, { pasted: true })).toEqual({
      format: 'bsd',
      path: 'stdin',
      digestText: ABC_SHA256,
      openssl: true,
    });
    expect(parseChecksumLine(`${b64}  a.txt`, { pasted: true })).toEqual({ format: 'gnu', path: 'a.txt', digestText: b64, binary: false });
    expect(parseChecksumLine('abc  a.txt', { pasted: true })).toEqual({ format: 'gnu', path: 'a.txt', digestText: 'abc', binary: false });
  });

  it('leaves an empty name to the caller and reads nothing from other text', () => {
    expect(parseChecksumLine(`MD5 () = ${ABC_MD5}`)).toMatchObject({ format: 'bsd', path: '' });
    for (const line of ['', ABC_SHA256, 'hello world', `sha256:${ABC_SHA256}`]) expect(parseChecksumLine(line)).toBeUndefined();
  });
});

describe('formatChecksumFile', () => {
  const tricky = [
    'a.txt',
    'dir/b c.txt',
    'back\\slash.txt',
    'new\nline.txt',
    'cr\rname',
    '*star',
    'paren (1) = x.txt',
    ' lead',
    'é ünï.txt',
  ];
  const entries = (algorithm: AlgorithmId, names: string[]) =>
    names.map((path) => ({ path, algorithm, digestHex: algorithmInfo(algorithm).abc }));

  it.each<[ChecksumFormat, AlgorithmId, string[]]>([
    ['gnu', 'sha256', tricky],
    ['gnu', 'blake3', tricky],
    ['bsd', 'sha512-256', tricky],
    ['bsd', 'blake2b-512', tricky],
    ['bsd', 'xxh3-64', tricky],
    ['bsd', 'blake2s-256', tricky],
    ['sfv', 'crc32', ['a.txt', 'dir/b c.txt', 'back\\slash.txt', ' lead', 'é ünï.txt']],
  ])('%s with %s round-trips through parseChecksumFile', (format, algorithm, names) => {
    const text = formatChecksumFile(entries(algorithm, names), format);
    expect(text.endsWith('\n')).toBe(true);
    expect(text).not.toContain('\r\n');
    const fileName = format === 'gnu' ? `list.${algorithm}` : 'list.txt';
    const parsed = parseChecksumFile(text, fileName);
    expect(parsed.problems).toEqual([]);
    expect(parsed.entries.map((e) => [e.path, e.format, e.algorithms, toHex(e.digest)])).toEqual(
      names.map((n) => [n, format, [algorithm], algorithmInfo(algorithm).abc]),
    );
  });

  it('writes the shapes the usual tools write', () => {
    expect(formatChecksumFile([{ path: 'a.txt', algorithm: 'sha256', digestHex: ABC_SHA256.toUpperCase() }], 'gnu')).toBe(
      `${ABC_SHA256}  a.txt\n`,
    );
    expect(formatChecksumFile([{ path: 'we\\ird', algorithm: 'sha256', digestHex: ABC_SHA256 }], 'gnu')).toBe(
      `\\${ABC_SHA256}  we\\\\ird\n`,
    );
    expect(formatChecksumFile([{ path: 'a.txt', algorithm: 'blake2b-512', digestHex: algorithmInfo('blake2b-512').abc }], 'bsd')).toBe(
      `BLAKE2b (a.txt) = ${algorithmInfo('blake2b-512').abc}\n`,
    );
    expect(formatChecksumFile([{ path: 'n\nl', algorithm: 'md5', digestHex: ABC_MD5 }], 'bsd')).toBe(`\\MD5 (n\\nl) = ${ABC_MD5}\n`);
    expect(formatChecksumFile([{ path: 'a.txt', algorithm: 'crc32', digestHex: '352441c2' }], 'sfv')).toBe('a.txt 352441C2\n');
    expect(formatChecksumFile([], 'gnu')).toBe('');
  });

  it('refuses what a format cannot hold and digests that are not digests', () => {
    expect(() => formatChecksumFile(entries('sha256', ['a']), 'sfv')).toThrow(/SFV files hold CRC32 checksums only, not SHA-256/);
    expect(() => formatChecksumFile(entries('crc32', ['new\nline']), 'sfv')).toThrow(/line break/);
    expect(() => formatChecksumFile(entries('crc32', ['; comment']), 'sfv')).toThrow(/comment/);
    expect(() => formatChecksumFile([{ path: 'a', algorithm: 'md5', digestHex: ABC_SHA256 }], 'gnu')).toThrow(
      /is not a MD5 digest \(expected 32 hex digits\)/,
    );
    expect(() => formatChecksumFile([{ path: 'a', algorithm: 'md5', digestHex: 'zz' }], 'bsd')).toThrow(/not a MD5 digest/);
  });
});

describe('what real tools print', () => {
  let dir: string;
  const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { cwd: dir }).toString();
  const files: Record<string, string> = { 'a.txt': 'abc', 'b c.txt': 'x', 'we\\ird': 'y', 'new\nline': 'z' };
  const names = Object.keys(files);
  const digest = (alg: string, name: string) => createHash(alg).update(files[name]!).digest('hex');
  const out: Record<string, string> = {};

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'hw-checksum-file-'));
    for (const [name, body] of Object.entries(files)) writeFileSync(join(dir, name), body);
    out.sha256sum = run('sha256sum', names);
    out.md5sum = run('md5sum', ['--binary', ...names]);
    out.b2sum = run('b2sum', names);
    out.sha256tag = run('sha256sum', ['--tag', ...names]);
    out.b2tag256 = run('b2sum', ['-l', '256', '--tag', 'a.txt']);
    out.openssl = run('openssl', ['dgst', '-sha256', 'a.txt', 'b c.txt', 'we\\ird']);
    out.opensslMd5 = run('openssl', ['dgst', '-md5', 'a.txt']);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const check = (parsed: ParsedChecksumFile, alg: string, id: AlgorithmId, format: ChecksumFormat, expectedNames = names) => {
    expect(parsed.problems).toEqual([]);
    expect(parsed.entries.map((e) => [e.path, e.format, e.algorithms, toHex(e.digest)])).toEqual(
      expectedNames.map((n) => [n, format, [id], digest(alg, n)]),
    );
  };

  it('sha256sum, escaped names included', () => {
    expect(out.sha256sum).toContain('\\');
    check(parseChecksumFile(out.sha256sum!, 'SHA256SUMS'), 'sha256', 'sha256', 'gnu');
  });

  it('md5sum --binary', () => {
    const parsed = parseChecksumFile(out.md5sum!, 'MD5SUMS');
    check(parsed, 'md5', 'md5', 'gnu');
    expect(parsed.entries.every((e) => e.binary === true)).toBe(true);
  });

  it('b2sum', () => check(parseChecksumFile(out.b2sum!, 'B2SUMS'), 'blake2b512', 'blake2b-512', 'gnu'));

  it('sha256sum --tag', () => check(parseChecksumFile(out.sha256tag!, 'checksums.txt'), 'sha256', 'sha256', 'bsd'));

  it('b2sum -l 256 --tag', () => {
    const parsed = parseChecksumFile(out.b2tag256!, 'B2SUMS');
    expect(simple(parsed)).toEqual([
      { path: 'a.txt', hex: algorithmInfo('blake2b-256').abc, algorithms: ['blake2b-256'], source: 'tag', format: 'bsd' },
    ]);
  });

  it('openssl dgst -sha256 and -md5', () => {
    check(parseChecksumFile(out.openssl!, 'digests.txt'), 'sha256', 'sha256', 'bsd', ['a.txt', 'b c.txt', 'we\\ird']);
    check(parseChecksumFile(out.opensslMd5!, 'digests.txt'), 'md5', 'md5', 'bsd', ['a.txt']);
  });

  it('what we write, sha256sum -c accepts', () => {
    const list = names.map((path) => ({ path, algorithm: 'sha256' as const, digestHex: digest('sha256', path) }));
    for (const format of ['gnu', 'bsd'] as const) {
      writeFileSync(join(dir, `ours.${format}`), formatChecksumFile(list, format));
      expect(
        run('sha256sum', ['--strict', '-c', `ours.${format}`])
          .split('\n')
          .filter((l) => l.endsWith(': OK')),
      ).toHaveLength(names.length);
    }
  });
});
