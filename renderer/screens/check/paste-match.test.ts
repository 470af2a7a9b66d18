// Matching a paste against a card's digests: bytes compared as hex, never hashed.
import { describe, expect, it } from 'vitest';
import { HELLO_MD5, HELLO_SHA256 } from '../../test-support/fake-workbench.js';
import { matchedIn, matchPaste } from './paste-match.js';

const files = [
  { path: '/a/hello.txt', digests: { md5: HELLO_MD5, sha256: HELLO_SHA256 } },
  { path: '/a/other.txt', digests: { md5: '900150983cd24fb0d6963f7d28e17f72' } },
];

describe('matchPaste', () => {
  it('finds the file and algorithm a hex or OutSystems-form digest belongs to', () => {
    expect(matchPaste(HELLO_MD5, files)).toEqual({
      kind: 'match',
      matches: [{ path: '/a/hello.txt', algorithm: 'md5', encoding: 'hex', role: 'value', value: HELLO_MD5 }],
    });
    const os = matchPaste('XrY7u+Ae7tCTyyK7j1rNww', files);
    expect(matchedIn(os, '/a/hello.txt')).toEqual(new Set(['md5']));
    expect(matchedIn(os, '/a/other.txt')).toEqual(new Set());
  });

  it('matches one side of an OutSystems log line and says which', () => {
    const line = 'Checksum failed for file /app/x.js?abc. Received hash: XrY7u+Ae7tCTyyK7j1rNww | Calculated hash: kAFQmDzST7DWlj99KOF_cg';
    const outcome = matchPaste(line, files);
    expect(outcome).toMatchObject({ kind: 'match' });
    if (outcome.kind !== 'match') return;
    expect(outcome.matches.map((m) => [m.path, m.role])).toEqual([
      ['/a/hello.txt', 'expected'],
      ['/a/other.txt', 'calculated'],
    ]);
  });

  it('lists what was tried and what the card lacks when nothing matches', () => {
    expect(matchPaste('0'.repeat(32), files)).toEqual({ kind: 'none', tried: 'MD5, MD4 or XXH3-128 (hex)', missing: ['md4', 'xxh3-128'] });
  });

  it('passes on the parser’s reason for text that is not a hash, and nothing for blank text', () => {
    expect(matchPaste('abc', files)).toMatchObject({ kind: 'problem' });
    expect(matchPaste('  \n', files)).toEqual({ kind: 'empty' });
  });
});
