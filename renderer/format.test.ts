// @vitest-environment jsdom
// Display formatting: digest encodings (from main's hex), sizes, speed, time left, copy-all text.
import { describe, expect, it } from 'vitest';
import { copyAllText, digestRows, displayDigest, fileName, formatBytes, formatDuration, jobTitle } from './format.js';
import { HELLO_MD5, HELLO_SHA256 } from './test-support/fake-workbench.js';

describe('displayDigest', () => {
  it('writes MD5("hello world") in every encoding', () => {
    expect(displayDigest(HELLO_MD5, 'hex')).toBe(HELLO_MD5);
    expect(displayDigest(HELLO_MD5, 'HEX')).toBe('5EB63BBBE01EEED093CB22BB8F5ACDC3');
    expect(displayDigest(HELLO_MD5, 'base64')).toBe('XrY7u+Ae7tCTyyK7j1rNww==');
    expect(displayDigest(HELLO_MD5, 'base64url')).toBe('XrY7u-Ae7tCTyyK7j1rNww==');
    expect(displayDigest(HELLO_MD5, 'outsystems')).toBe('XrY7u+Ae7tCTyyK7j1rNww');
  });

  it('shows a value that is not hex as it came rather than hiding it', () => {
    expect(displayDigest('not-hex', 'base64')).toBe('not-hex');
  });
});

describe('digest rows and copy all', () => {
  const digests = { sha256: HELLO_SHA256, md5: HELLO_MD5 };

  it('lists the digests present in table order', () => {
    expect(digestRows(digests, 'hex').map((r) => r.id)).toEqual(['md5', 'sha256']);
    expect(digestRows(undefined, 'hex')).toEqual([]);
  });

  it('copies one "LABEL  value" line per digest in the chosen encoding', () => {
    expect(copyAllText(digests, 'outsystems')).toBe('MD5  XrY7u+Ae7tCTyyK7j1rNww\nSHA-256  uU0nuZNNPgilLlLX2n2r+sSE7+N6U4DukIj3rOLvzek');
  });
});

describe('numbers and names', () => {
  it('names files from either kind of path', () => {
    expect(fileName('/home/me/app.apk')).toBe('app.apk');
    expect(fileName('C:\\Users\\me\\app.apk')).toBe('app.apk');
    expect(jobTitle(['/a/one', '/a/two', '/a/three'])).toBe('one and 2 more files');
  });

  it('formats sizes in decimal units', () => {
    expect(formatBytes(11)).toBe('11 bytes');
    expect(formatBytes(1_500_000)).toBe('1.5 MB');
  });

  it('formats durations', () => {
    expect(formatDuration(2)).toBe('2 s');
    expect(formatDuration(125)).toBe('2 min 5 s');
    expect(formatDuration(3720)).toBe('1 h 2 min');
  });
});
