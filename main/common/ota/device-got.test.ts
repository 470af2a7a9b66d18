import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { toOutSystems } from '../encodings.js';
import { crlfToLf, lfToCrlf, trimmed, variantsOf, whatTheDeviceGot, type VariantName } from './device-got.js';

const os = (b: Uint8Array | string) => toOutSystems(createHash('md5').update(b).digest());
const u = (s: string) => new TextEncoder().encode(s);
const BOM = '\uFEFF';
// A server-generated script as OutSystems serves it: UTF-8 BOM and CRLF line endings.
const RIGHT = u(`${BOM}var x = 3;\r\nconsole.log("hi");\r\n`);

describe('the byte variants of a right copy', () => {
  it('are the BOM removed, BOM removed with LF, CRLF↔LF, trimmed, and the wire bytes', () => {
    const v = variantsOf(RIGHT, u('gzip bytes'));
    const text = (b: Uint8Array | undefined) => (b ? new TextDecoder('utf-8', { ignoreBOM: true }).decode(b) : undefined);
    expect(Object.keys(v).sort()).toEqual(['bom-removed', 'bom-removed-lf', 'crlf-to-lf', 'trimmed', 'wire']);
    expect(text(v['bom-removed'])).toBe('var x = 3;\r\nconsole.log("hi");\r\n');
    expect(text(v['bom-removed-lf'])).toBe('var x = 3;\nconsole.log("hi");\n');
    expect(text(v['crlf-to-lf'])).toBe(`${BOM}var x = 3;\nconsole.log("hi");\n`);
    expect(text(v.trimmed)).toBe(`${BOM}var x = 3;\r\nconsole.log("hi");`);
    expect(text(v.wire)).toBe('gzip bytes');
  });
  it('a file without BOM gets one added and its LF turned into CRLF', () => {
    const v = variantsOf(u('a\nb'));
    expect(Object.keys(v).sort()).toEqual(['bom-added', 'lf-to-crlf']);
    expect([...v['bom-added']!.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });
  it('the transforms one by one', () => {
    expect(crlfToLf(u('a\r\nb\rc\n'))).toEqual(u('a\nb\rc\n'));
    expect(lfToCrlf(u('a\nb\r\n'))).toEqual(u('a\r\nb\r\n'));
    expect(trimmed(u(' \n x \t'))).toEqual(u('x'));
    expect(trimmed(u(`${BOM}\n x\n`))).toEqual(u(`${BOM}x`));
  });
});

describe('what the device got, in one sentence', () => {
  const variants = Object.fromEntries(Object.entries(variantsOf(RIGHT, u('compressed'))).map(([k, b]) => [k, os(b)])) as Partial<
    Record<VariantName, string>
  >;
  const base = { served: [{ hash: os(RIGHT), who: 'frontend FE1' }], variants, versions: [{ versionToken: 'v11', hash: os('old') }] };
  const cases: Array<[string, Uint8Array | string, string | undefined]> = [
    ['the BOM stripped', RIGHT.slice(3), 'The device received the right file without its UTF-8 BOM.'],
    [
      'BOM stripped and LF',
      'var x = 3;\nconsole.log("hi");\n',
      'The device received the right file without its UTF-8 BOM and with LF line endings (as git or an editor saves it).',
    ],
    [
      'CRLF made LF',
      `${BOM}var x = 3;\nconsole.log("hi");\n`,
      'The device received the right file with its CRLF line endings turned into LF.',
    ],
    [
      'trimmed',
      `${BOM}var x = 3;\r\nconsole.log("hi");`,
      'The device received the right file with leading or trailing whitespace trimmed.',
    ],
    [
      'undecoded',
      'compressed',
      'The device received the compressed bytes as they travel, not decoded: something on its network removed Content-Encoding.',
    ],
    ['an older version', 'old', 'The device received version v11 of this file: a deployment during the upgrade, or a stale cache.'],
    ['nothing known', 'something else', undefined],
  ];
  it.each(cases)('%s', (_n, bytes, sentence) => {
    expect(whatTheDeviceGot({ ...base, calculated: os(bytes) })).toBe(sentence);
  });
  it('a copy a point served comes first, naming the point', () => {
    const served = [
      ...base.served,
      { hash: os('proxy page'), who: 'the public URL' },
      { hash: os('proxy page'), who: 'the captured traffic (HAR)' },
    ];
    expect(whatTheDeviceGot({ ...base, served, calculated: os('proxy page') })).toBe(
      'The device received the copy that the public URL and the captured traffic (HAR) serve.',
    );
  });
});
