// The algorithm table: one row per digest the workbench offers. Pure data, shared by
// the engine, the CLI, the checksum-file parser, the paste detector and the renderer.

export const ALGORITHM_IDS = [
  'md5',
  'md4',
  'sha1',
  'sha224',
  'sha256',
  'sha384',
  'sha512',
  'sha512-256',
  'sha3-224',
  'sha3-256',
  'sha3-384',
  'sha3-512',
  'keccak-256',
  'blake2b-256',
  'blake2b-512',
  'blake2s-256',
  'blake3',
  'crc32',
  'crc32c',
  'xxh32',
  'xxh64',
  'xxh3-64',
  'xxh3-128',
  'ripemd160',
  'sm3',
  'whirlpool',
] as const;

export type AlgorithmId = (typeof ALGORITHM_IDS)[number];

/** Where a digest can come from. `node` is node:crypto (OpenSSL in Node, BoringSSL in Electron). */
export type ImplementationName = 'node' | 'native' | 'zlib' | 'wasm' | 'noble';

export interface AlgorithmInfo {
  id: AlgorithmId;
  /** How people write it in a UI. */
  label: string;
  digestBytes: number;
  /** Tag in BSD-style checksum lines (`SHA256 (file) = …`), as the usual tools print it. */
  bsdTag: string;
  /** Other names users type; matching ignores case, `-`, `_`, `/` and spaces. */
  aliases: readonly string[];
  /**
   * Implementations in order of preference, fastest first, as measured by `npm run bench`
   * on 1 MiB chunks. The engine takes the first one that loads and passes its known answer.
   */
  implementations: readonly ImplementationName[];
  /** node:crypto name, where OpenSSL/BoringSSL may have it. */
  nodeName?: string;
  /** Single-core seconds per GB with the preferred implementation (npm run bench, 2026-11); balances work across threads. */
  costPerGB: number;
  /** Digest of the ASCII bytes "abc" (hex), checked before an implementation is trusted. */
  abc: string;
  /** Non-cryptographic checksums: never a proof of integrity against tampering. */
  checksumOnly?: boolean;
}

const row = (a: AlgorithmInfo): AlgorithmInfo => a;

export const ALGORITHMS: readonly AlgorithmInfo[] = [
  row({
    id: 'md5',
    label: 'MD5',
    digestBytes: 16,
    bsdTag: 'MD5',
    aliases: ['md5sum'],
    implementations: ['node', 'wasm'],
    nodeName: 'md5',
    costPerGB: 1.37,
    abc: '900150983cd24fb0d6963f7d28e17f72',
  }),
  row({
    id: 'md4',
    label: 'MD4',
    digestBytes: 16,
    bsdTag: 'MD4',
    aliases: [],
    implementations: ['node', 'wasm'],
    nodeName: 'md4',
    costPerGB: 1.0,
    abc: 'a448017aaf21d8525fc10ae87aa6729d',
  }),
  row({
    id: 'sha1',
    label: 'SHA-1',
    digestBytes: 20,
    bsdTag: 'SHA1',
    aliases: ['sha', 'sha1sum'],
    implementations: ['node', 'wasm'],
    nodeName: 'sha1',
    costPerGB: 0.58,
    abc: 'a9993e364706816aba3e25717850c26c9cd0d89d',
  }),
  row({
    id: 'sha224',
    label: 'SHA-224',
    digestBytes: 28,
    bsdTag: 'SHA224',
    aliases: ['sha2-224', 'sha224sum'],
    implementations: ['node', 'wasm'],
    nodeName: 'sha224',
    costPerGB: 0.62,
    abc: '23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7',
  }),
  row({
    id: 'sha256',
    label: 'SHA-256',
    digestBytes: 32,
    bsdTag: 'SHA256',
    aliases: ['sha2-256', 'sha256sum', 'sha2'],
    implementations: ['node', 'wasm'],
    nodeName: 'sha256',
    costPerGB: 0.61,
    abc: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
  }),
  row({
    id: 'sha384',
    label: 'SHA-384',
    digestBytes: 48,
    bsdTag: 'SHA384',
    aliases: ['sha2-384', 'sha384sum'],
    implementations: ['node', 'wasm'],
    nodeName: 'sha384',
    costPerGB: 1.25,
    abc: 'cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7',
  }),
  row({
    id: 'sha512',
    label: 'SHA-512',
    digestBytes: 64,
    bsdTag: 'SHA512',
    aliases: ['sha2-512', 'sha512sum'],
    implementations: ['node', 'wasm'],
    nodeName: 'sha512',
    costPerGB: 1.22,
    abc: 'ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f',
  }),
  row({
    id: 'sha512-256',
    label: 'SHA-512/256',
    digestBytes: 32,
    bsdTag: 'SHA512-256',
    aliases: ['sha512t256', 'sha2-512/256'],
    implementations: ['node', 'noble'],
    nodeName: 'sha512-256',
    costPerGB: 1.23,
    abc: '53048e2681941ef99b2e29b76b4c7dabe4c2d0c634fc6d46e0e2f13107e7af23',
  }),
  row({
    id: 'sha3-224',
    label: 'SHA3-224',
    digestBytes: 28,
    bsdTag: 'SHA3-224',
    aliases: [],
    implementations: ['node', 'wasm'],
    nodeName: 'sha3-224',
    costPerGB: 2.0,
    abc: 'e642824c3f8cf24ad09234ee7d3c766fc9a3a5168d0c94ad73b46fdf',
  }),
  row({
    id: 'sha3-256',
    label: 'SHA3-256',
    digestBytes: 32,
    bsdTag: 'SHA3-256',
    aliases: ['sha3'],
    implementations: ['node', 'wasm'],
    nodeName: 'sha3-256',
    costPerGB: 2.1,
    abc: '3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532',
  }),
  row({
    id: 'sha3-384',
    label: 'SHA3-384',
    digestBytes: 48,
    bsdTag: 'SHA3-384',
    aliases: [],
    implementations: ['node', 'wasm'],
    nodeName: 'sha3-384',
    costPerGB: 2.7,
    abc: 'ec01498288516fc926459f58e2c6ad8df9b473cb0fc08c2596da7cf0e49be4b298d88cea927ac7f539f1edf228376d25',
  }),
  row({
    id: 'sha3-512',
    label: 'SHA3-512',
    digestBytes: 64,
    bsdTag: 'SHA3-512',
    aliases: [],
    implementations: ['node', 'wasm'],
    nodeName: 'sha3-512',
    costPerGB: 3.9,
    abc: 'b751850b1a57168a5693cd924b6b096e08f621827444f70d884f5d0240d2712e10e116e9192af3c91a7ec57647e3934057340b4cf408d5a56592f8274eec53f0',
  }),
  row({
    id: 'keccak-256',
    label: 'Keccak-256',
    digestBytes: 32,
    bsdTag: 'KECCAK-256',
    aliases: ['keccak', 'keccak256'],
    implementations: ['node', 'wasm'],
    nodeName: 'keccak-256',
    costPerGB: 3.6,
    abc: '4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45',
  }),
  row({
    id: 'blake2b-256',
    label: 'BLAKE2b-256',
    digestBytes: 32,
    bsdTag: 'BLAKE2b-256',
    aliases: ['b2-256', 'blake2b256'],
    implementations: ['native', 'wasm'],
    costPerGB: 0.93,
    abc: 'bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319',
  }),
  row({
    id: 'blake2b-512',
    label: 'BLAKE2b-512',
    digestBytes: 64,
    bsdTag: 'BLAKE2b',
    aliases: ['blake2b', 'blake2b512', 'b2', 'b2sum', 'blake2'],
    implementations: ['native', 'node', 'wasm'],
    nodeName: 'blake2b512',
    costPerGB: 0.95,
    abc: 'ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d17d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923',
  }),
  row({
    id: 'blake2s-256',
    label: 'BLAKE2s-256',
    digestBytes: 32,
    bsdTag: 'BLAKE2s',
    aliases: ['blake2s', 'blake2s256'],
    implementations: ['native', 'node', 'wasm'],
    nodeName: 'blake2s256',
    costPerGB: 1.67,
    abc: '508c5e8c327c14e2e1a72ba34eeb452f37458b209ed63a294d999b4c86675982',
  }),
  row({
    id: 'blake3',
    label: 'BLAKE3',
    digestBytes: 32,
    bsdTag: 'BLAKE3',
    aliases: ['b3', 'b3sum', 'blake3-256'],
    implementations: ['native', 'wasm'],
    costPerGB: 0.25,
    abc: '6437b3ac38465133ffb63b75273a8db548c558465d79db03fd359c6cd5bd9d85',
  }),
  row({
    id: 'crc32',
    label: 'CRC32',
    digestBytes: 4,
    bsdTag: 'CRC32',
    aliases: ['crc', 'crc-32', 'sfv'],
    implementations: ['native', 'zlib', 'wasm'],
    costPerGB: 0.17,
    checksumOnly: true,
    abc: '352441c2',
  }),
  row({
    id: 'crc32c',
    label: 'CRC32C',
    digestBytes: 4,
    bsdTag: 'CRC32C',
    aliases: ['crc-32c', 'castagnoli'],
    implementations: ['native', 'wasm'],
    costPerGB: 0.32,
    checksumOnly: true,
    abc: '364b3fb7',
  }),
  row({
    id: 'xxh32',
    label: 'xxHash32',
    digestBytes: 4,
    bsdTag: 'XXH32',
    aliases: ['xxhash32'],
    implementations: ['native', 'wasm'],
    costPerGB: 0.29,
    checksumOnly: true,
    abc: '32d153ff',
  }),
  row({
    id: 'xxh64',
    label: 'xxHash64',
    digestBytes: 8,
    bsdTag: 'XXH64',
    aliases: ['xxhash64', 'xxhash'],
    implementations: ['native', 'wasm'],
    costPerGB: 0.14,
    checksumOnly: true,
    abc: '44bc2cf5ad770999',
  }),
  row({
    id: 'xxh3-64',
    label: 'XXH3-64',
    digestBytes: 8,
    bsdTag: 'XXH3',
    aliases: ['xxh3', 'xxhash3', 'xxh3_64', 'xxh364'],
    implementations: ['native', 'wasm'],
    costPerGB: 0.12,
    checksumOnly: true,
    abc: '78af5f94892f3950',
  }),
  row({
    id: 'xxh3-128',
    label: 'XXH3-128',
    digestBytes: 16,
    bsdTag: 'XXH128',
    aliases: ['xxh128', 'xxhash128', 'xxh3_128'],
    implementations: ['native', 'wasm'],
    costPerGB: 0.1,
    checksumOnly: true,
    abc: '06b05ab6733a618578af5f94892f3950',
  }),
  row({
    id: 'ripemd160',
    label: 'RIPEMD-160',
    digestBytes: 20,
    bsdTag: 'RMD160',
    aliases: ['rmd160', 'ripemd'],
    implementations: ['wasm', 'node'],
    nodeName: 'ripemd160',
    costPerGB: 2.5,
    abc: '8eb208f7e05d987a9b044a8e98c6b087f15a0bfc',
  }),
  row({
    id: 'sm3',
    label: 'SM3',
    digestBytes: 32,
    bsdTag: 'SM3',
    aliases: [],
    implementations: ['node', 'wasm'],
    nodeName: 'sm3',
    costPerGB: 3.2,
    abc: '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0',
  }),
  row({
    id: 'whirlpool',
    label: 'Whirlpool',
    digestBytes: 64,
    bsdTag: 'WHIRLPOOL',
    aliases: ['whirl'],
    implementations: ['node', 'wasm'],
    nodeName: 'whirlpool',
    costPerGB: 12.5,
    abc: '4e2448a4c6f486bb16b6562c73b4020bf3043e3a731bce721ae1b303d97e6d4c7181eebdb6c57e277d0e34957114cbd6c797fc9d95d8b582d225292076d4eef5',
  }),
];

const BY_ID = new Map<AlgorithmId, AlgorithmInfo>(ALGORITHMS.map((a) => [a.id, a]));

/** What `hash` computes when no --algo is given. */
export const DEFAULT_ALGORITHMS: readonly AlgorithmId[] = ['md5', 'sha1', 'sha256', 'sha512', 'blake3', 'crc32'];

export function algorithmInfo(id: AlgorithmId): AlgorithmInfo {
  const info = BY_ID.get(id);
  if (!info) throw new Error(`unknown algorithm id ${String(id)}`);
  return info;
}

export function isAlgorithmId(value: unknown): value is AlgorithmId {
  return typeof value === 'string' && BY_ID.has(value as AlgorithmId);
}

const squash = (name: string): string => name.toLowerCase().replace(/[\s_\-/]+/g, '');

const BY_NAME = new Map<string, AlgorithmId>();
for (const a of ALGORITHMS) {
  for (const name of [a.id, a.label, a.bsdTag, ...a.aliases]) {
    const key = squash(name);
    const taken = BY_NAME.get(key);
    if (taken && taken !== a.id) throw new Error(`algorithm name ${name} is claimed by ${taken} and ${a.id}`);
    BY_NAME.set(key, a.id);
  }
}

/** Resolves a name as users write it (`SHA-256`, `sha256`, `blake2b512`, `xxh3`…); undefined if unknown. */
export function findAlgorithm(name: string): AlgorithmId | undefined {
  return BY_NAME.get(squash(name));
}

/**
 * Parses a comma-separated list (`sha256,md5` or `all`). Throws with the unknown names listed,
 * so a CLI or a form can show one clear message.
 */
export function parseAlgorithmList(list: string): AlgorithmId[] {
  const names = list
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (names.length === 0) throw new Error('no algorithm named');
  if (names.some((n) => n.toLowerCase() === 'all')) return ALGORITHMS.map((a) => a.id);
  const unknown: string[] = [];
  const ids: AlgorithmId[] = [];
  for (const n of names) {
    const id = findAlgorithm(n);
    if (!id) unknown.push(n);
    else if (!ids.includes(id)) ids.push(id);
  }
  if (unknown.length) {
    throw new Error(
      `unknown algorithm${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')} (run "hash-workbench algorithms" for the list)`,
    );
  }
  return ids;
}

/** Every algorithm whose digest has this many bytes, in table order. */
export function algorithmsWithDigestBytes(bytes: number): AlgorithmId[] {
  return ALGORITHMS.filter((a) => a.digestBytes === bytes).map((a) => a.id);
}
