import type { AlgorithmId } from '../../common/algorithms.js';
import type { ImplementationLoader } from './hasher.js';

type HashWasm = typeof import('hash-wasm');
type WasmHasher = Awaited<ReturnType<HashWasm['createMD5']>>;

// hash-wasm runs everywhere WebAssembly does: the fallback for every algorithm it has.
const CREATE: Partial<Record<AlgorithmId, (hw: HashWasm) => Promise<WasmHasher>>> = {
  md5: (hw) => hw.createMD5(),
  md4: (hw) => hw.createMD4(),
  sha1: (hw) => hw.createSHA1(),
  sha224: (hw) => hw.createSHA224(),
  sha256: (hw) => hw.createSHA256(),
  sha384: (hw) => hw.createSHA384(),
  sha512: (hw) => hw.createSHA512(),
  'sha3-224': (hw) => hw.createSHA3(224),
  'sha3-256': (hw) => hw.createSHA3(256),
  'sha3-384': (hw) => hw.createSHA3(384),
  'sha3-512': (hw) => hw.createSHA3(512),
  'keccak-256': (hw) => hw.createKeccak(256),
  'blake2b-256': (hw) => hw.createBLAKE2b(256),
  'blake2b-512': (hw) => hw.createBLAKE2b(512),
  'blake2s-256': (hw) => hw.createBLAKE2s(256),
  blake3: (hw) => hw.createBLAKE3(),
  crc32: (hw) => hw.createCRC32(),
  crc32c: (hw) => hw.createCRC32(0x82f63b78),
  xxh32: (hw) => hw.createXXHash32(),
  xxh64: (hw) => hw.createXXHash64(),
  'xxh3-64': (hw) => hw.createXXHash3(),
  'xxh3-128': (hw) => hw.createXXHash128(),
  ripemd160: (hw) => hw.createRIPEMD160(),
  sm3: (hw) => hw.createSM3(),
  whirlpool: (hw) => hw.createWhirlpool(),
};

// Loaded on first use: start-up pays for hash-wasm (about 30 ms) only when an algorithm needs it.
let hashWasm: Promise<HashWasm> | undefined;

export const loadWasm: ImplementationLoader = async (id) => {
  const make = CREATE[id];
  if (!make) return undefined;
  const hw = await (hashWasm ??= import('hash-wasm'));
  const create = () => make(hw);
  await create(); // compiles the module once, so a runtime without WebAssembly fails here
  return async () => {
    const h = await create();
    // A new hasher instantiates its WebAssembly memory: a batch of small files resets one instead.
    return { update: (c) => void h.update(c), digest: () => h.digest('binary'), reset: () => void h.init() };
  };
};
