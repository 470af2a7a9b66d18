import { describe, expect, it } from 'vitest';
import { ALGORITHMS, algorithmsWithDigestBytes, findAlgorithm, parseAlgorithmList } from './algorithms.js';

describe('algorithm names', () => {
  it.each([
    ['sha256', 'sha256'],
    ['SHA-256', 'sha256'],
    ['sha-256', 'sha256'],
    ['SHA2-256', 'sha256'],
    ['sha3-256', 'sha3-256'],
    ['SHA3_256', 'sha3-256'],
    ['blake2b512', 'blake2b-512'],
    ['blake2b-512', 'blake2b-512'],
    ['BLAKE2b', 'blake2b-512'],
    ['b3', 'blake3'],
    ['xxh3', 'xxh3-64'],
    ['XXH128', 'xxh3-128'],
    ['SHA512/256', 'sha512-256'],
    ['RMD160', 'ripemd160'],
    ['crc32c', 'crc32c'],
    ['Whirlpool', 'whirlpool'],
  ])('%s is %s', (name, id) => expect(findAlgorithm(name)).toBe(id));

  it('expands "all" and reports unknown names together', () => {
    expect(parseAlgorithmList('all')).toHaveLength(ALGORITHMS.length);
    expect(() => parseAlgorithmList('md5,sha9,foo')).toThrow('unknown algorithms sha9, foo');
  });

  it('lists every algorithm of an ambiguous digest length', () => {
    expect(algorithmsWithDigestBytes(16)).toEqual(['md5', 'md4', 'xxh3-128']);
    expect(algorithmsWithDigestBytes(4)).toEqual(['crc32', 'crc32c', 'xxh32']);
  });

  it('offers at least the algorithms the brief names', () => {
    const named = 'md5 sha1 sha224 sha256 sha384 sha512 sha512-256 sha3-224 sha3-256 sha3-384 sha3-512 keccak-256 blake2b-256 blake2b-512';
    const more = 'blake2s-256 blake3 crc32 crc32c xxh32 xxh64 xxh3-64 xxh3-128 ripemd160 sm3 whirlpool md4';
    expect(ALGORITHMS.map((a) => a.id)).toEqual(expect.arrayContaining(`${named} ${more}`.split(' ')));
  });
});
