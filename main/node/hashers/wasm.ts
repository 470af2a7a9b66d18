import * as hw from 'hash-wasm';
import type { AlgorithmId } from '../../common/algorithms.js';
import type { ImplementationLoader } from './hasher.js';

type WasmHasher = Awaited<ReturnType<typeof hw.createMD5>>;

// hash-wasm runs everywhere WebAssembly does: the fallback for every algorithm it has.
const CREATE: Partial<Record<AlgorithmId, () => Promise<WasmHasher>>> = {
  md5: hw.createMD5,
  md4: hw.createMD4,
  sha1: hw.createSHA1,
  sha224: hw.createSHA224,
  sha256: hw.createSHA256,
  sha384: hw.createSHA384,
  sha512: hw.createSHA512,
  'sha3-224': () => hw.createSHA3(224),
  'sha3-256': () => hw.createSHA3(256),
  'sha3-384': () => hw.createSHA3(384),
  'sha3-512': () => hw.createSHA3(512),
  'keccak-256': () => hw.createKeccak(256),
  'blake2b-256': () => hw.createBLAKE2b(256),
  'blake2b-512': () => hw.createBLAKE2b(512),
  'blake2s-256': () => hw.createBLAKE2s(256),
  blake3: () => hw.createBLAKE3(),
  crc32: () => hw.createCRC32(),
  crc32c: () => hw.createCRC32(0x82f63b78),
  xxh32: () => hw.createXXHash32(),
  xxh64: () => hw.createXXHash64(),
  'xxh3-64': () => hw.createXXHash3(),
  'xxh3-128': () => hw.createXXHash128(),
  ripemd160: hw.createRIPEMD160,
  sm3: hw.createSM3,
  whirlpool: hw.createWhirlpool,
};

export const loadWasm: ImplementationLoader = async (id) => {
  const create = CREATE[id];
  if (!create) return undefined;
  await create(); // compiles the module once, so a runtime without WebAssembly fails here
  return async () => {
    const h = await create();
    return { update: (c) => void h.update(c), digest: () => h.digest('binary') };
  };
};
