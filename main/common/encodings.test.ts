import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { encodeDigest, fromBase64Any, fromHex, toOutSystems, ENCODINGS } from './encodings.js';

const md5 = (s: string) => new Uint8Array(createHash('md5').update(s).digest());

describe('OutSystems form', () => {
  // Vectors from the OTA research notes (MD5 -> Base64, '/' -> '_', no '=').
  it.each([
    ['', '1B2M2Y8AsgTpgAmY7PhCfg'],
    ['hello world', 'XrY7u+Ae7tCTyyK7j1rNww'],
    ['var x = 3;\n', 'Ux+rVJ8uHJtnxJ4yVjYV_A'],
    ['var x = 62;\n', 'eZeyznlO_xx2+8Xt0B1UNg'],
    ['console.log("hi");\n', 'bI6d3XMm_cJXEVG_GF2lNA'],
    ['console.log("hi");\r\n', 'YfcDuAVlyYSL6I29207CLA'],
  ])('MD5 of %j is %s', (input, expected) => {
    expect(toOutSystems(md5(input))).toBe(expected);
    expect(fromBase64Any(expected)).toEqual(md5(input));
  });
});

describe('encodeDigest', () => {
  it('agrees with Node for every Base64 flavour on every length mod 3', () => {
    for (const len of [1, 2, 3, 16, 20, 28, 32, 48, 64]) {
      const bytes = new Uint8Array(createHash('sha512').update(String(len)).digest().subarray(0, len));
      const b = Buffer.from(bytes);
      expect(encodeDigest(bytes, 'hex')).toBe(b.toString('hex'));
      expect(encodeDigest(bytes, 'HEX')).toBe(b.toString('hex').toUpperCase());
      expect(encodeDigest(bytes, 'base64')).toBe(b.toString('base64'));
      expect(encodeDigest(bytes, 'base64-nopad')).toBe(b.toString('base64').replace(/=+$/, ''));
      expect(encodeDigest(bytes, 'base64url-nopad')).toBe(b.toString('base64url'));
      expect(encodeDigest(bytes, 'base64url')).toBe(b.toString('base64').replace(/\+/g, '-').replace(/\//g, '_'));
      for (const e of ENCODINGS) {
        const text = encodeDigest(bytes, e);
        expect(e === 'hex' || e === 'HEX' ? fromHex(text) : fromBase64Any(text), `${e} ${len}`).toEqual(bytes);
      }
    }
  });

  it('refuses text that is not its encoding', () => {
    expect(fromHex('abc')).toBeUndefined();
    expect(fromHex('zz')).toBeUndefined();
    expect(fromBase64Any('a')).toBeUndefined();
    expect(fromBase64Any('ab=c')).toBeUndefined();
    expect(fromBase64Any('ab$c')).toBeUndefined();
    // Non-zero trailing bits would let two texts decode to one digest.
    expect(fromBase64Any('XrY7u+Ae7tCTyyK7j1rNwx')).toBeUndefined();
  });
});
