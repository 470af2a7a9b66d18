import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ALGORITHMS, type AlgorithmId } from './algorithms.js';
import { checksumFileAlgorithmFromName, groupByKind, pathKind, type PathInfo } from './path-kind.js';

/** Every name of every algorithm that can be a file extension (no `/` or space). */
const extensionNames = ALGORITHMS.flatMap((a) =>
  [a.id, a.bsdTag, a.label, ...a.aliases].filter((n) => !/[/\s]/.test(n)).map((name) => [name, a.id] as [string, AlgorithmId]),
);

describe('pathKind: checksum files', () => {
  it.each(extensionNames)('every extension of every algorithm: .%s → %s, in any case', (name, id) => {
    expect(pathKind(`/dl/app.iso.${name}`)).toEqual({ kind: 'checksum', algorithm: id });
    expect(pathKind(`C:\\dl\\APP.${name.toUpperCase()}`)).toEqual({ kind: 'checksum', algorithm: id });
    expect(pathKind(`app.${name.toLowerCase()}.txt`)).toEqual({ kind: 'checksum', algorithm: id });
  });

  it.each(extensionNames.filter(([name]) => !/sum$/i.test(name)))('%sSUMS and %ssums.txt → the algorithm', (name, id) => {
    expect(pathKind(`/dl/${name.toUpperCase()}SUMS`)).toEqual({ kind: 'checksum', algorithm: id });
    expect(pathKind(`app-1.2.3-${name.toLowerCase()}sums.txt`)).toEqual({ kind: 'checksum', algorithm: id });
  });

  const cases: [string, AlgorithmId | undefined][] = [
    ['foo.md5', 'md5'],
    ['foo.sha1', 'sha1'],
    ['foo.sha256', 'sha256'],
    ['foo.b2', 'blake2b-512'],
    ['foo.b3', 'blake3'],
    ['foo.xxh64', 'xxh64'],
    ['foo.xxh3', 'xxh3-64'],
    ['foo.xxh128', 'xxh3-128'],
    ['foo.sfv', 'crc32'],
    ['foo.crc32', 'crc32'],
    ['foo.sha3-256', 'sha3-256'],
    ['foo.whirlpool', 'whirlpool'],
    ['SHA256SUMS', 'sha256'],
    ['MD5SUMS', 'md5'],
    ['B2SUMS', 'blake2b-512'],
    ['B3SUMS', 'blake3'],
    ['sha256sum.txt', 'sha256'],
    ['checksums.sha256', 'sha256'],
    ['SHA256SUMS.asc', 'sha256'],
    ['SHA512SUMS.txt.asc', 'sha512'],
    ['/downloads/ubuntu.iso.sha256.txt', 'sha256'],
    ['C:\\dl\\SHA512SUMS.txt', 'sha512'],
    ['app-1.2.3-sha256sums.txt', 'sha256'],
    ['foo.sha256sum', 'sha256'],
    // Names that carry no algorithm: the digest length decides.
    ['checksums.txt', undefined],
    ['CHECKSUMS', undefined],
    ['Checksums.TXT', undefined],
    ['release-checksums.txt', undefined],
    ['SUMS', undefined],
    ['FOOSUMS', undefined],
  ];
  it.each(cases)('%s → checksum, %s', (name, algorithm) => {
    expect(pathKind(name)).toEqual(algorithm ? { kind: 'checksum', algorithm } : { kind: 'checksum' });
    expect(checksumFileAlgorithmFromName(name)).toBe(algorithm);
  });
});

describe('pathKind: everything else', () => {
  const cases: [string, PathInfo['kind']][] = [
    ['/r/ota-check-MyApp.json', 'report'],
    ['C:\\r\\REPORT.JSON', 'report'],
    ['/dl/case-4711.hwcase', 'case'],
    ['CASE.HWCASE', 'case'],
    ['/captures/session.har', 'har'],
    ['session.HAR', 'har'],
    ['/dl/app.iso', 'files'],
    ['notes.txt', 'files'],
    ['release-2.0.txt', 'files'],
    ['archive.tar.gz', 'files'],
    ['photo.jpg', 'files'],
    ['Makefile', 'files'],
    ['possums.txt', 'files'],
    // The programs, not their output.
    ['/usr/bin/b2sum', 'files'],
    ['/usr/bin/sha256sum', 'files'],
    ['sha256', 'files'],
    ['', 'files'],
  ];
  it.each(cases)('%s → %s', (name, kind) => {
    expect(pathKind(name)).toEqual({ kind });
    expect(checksumFileAlgorithmFromName(name)).toBeUndefined();
  });

  it('groups paths by kind, in the order the kinds first appear', () => {
    expect(groupByKind(['a.iso', 'SHA256SUMS', 'r.json', 'b.bin', 'x.sha256', 'c.hwcase', 's.har'])).toEqual([
      { kind: 'files', paths: ['a.iso', 'b.bin'] },
      { kind: 'checksum', paths: ['SHA256SUMS', 'x.sha256'] },
      { kind: 'report', paths: ['r.json'] },
      { kind: 'case', paths: ['c.hwcase'] },
      { kind: 'har', paths: ['s.har'] },
    ]);
  });
});

describe("electron-builder.yml's file associations", () => {
  it('open what pathKind says they are', () => {
    const yml = readFileSync(new URL('../../electron-builder.yml', import.meta.url), 'utf8');
    const exts = [...yml.matchAll(/^\s*- ext: (\S+)\s*$/gm)].map((m) => m[1]!);
    expect(exts.length).toBeGreaterThan(3);
    for (const ext of exts) expect(pathKind(`file.${ext}`).kind, ext).toBe(ext === 'hwcase' ? 'case' : 'checksum');
  });
});
