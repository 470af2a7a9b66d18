import type { AlgorithmId } from '../../common/algorithms.js';
import { uint32BE, uint64BE, type HasherFactory, type ImplementationLoader } from './hasher.js';

// N-API packages with prebuilt binaries for Windows, macOS and Linux (x64, arm64). A platform
// without a binary makes the import throw; the engine then falls back to hash-wasm.
type BlakeHash = typeof import('@napi-rs/blake-hash');
type XxHash = typeof import('@node-rs/xxhash');
type Crc32 = typeof import('@node-rs/crc32');
// xxhash-addon (N-API, prebuilt for the same six targets inside its package): the streaming XXH3-128 that
// @node-rs/xxhash lacks (it has XXH3-128 one-shot only).
type XxhashAddon = typeof import('xxhash-addon');

async function tryImport<T>(load: () => Promise<T>): Promise<T | undefined> {
  try {
    return await load();
  } catch {
    return undefined;
  }
}

let blake: Promise<BlakeHash | undefined> | undefined;
let xxhash: Promise<XxHash | undefined> | undefined;
let crc: Promise<Crc32 | undefined> | undefined;
let addon: Promise<XxhashAddon | undefined> | undefined;

// The bundles are CommonJS: require() loads a .node file from inside app.asar, where import() may not.
const cjs = typeof require === 'function';
/* eslint-disable @typescript-eslint/no-require-imports */
const loadBlake = () =>
  (blake ??= tryImport(async () => (cjs ? (require('@napi-rs/blake-hash') as BlakeHash) : import('@napi-rs/blake-hash'))));
const loadXxhash = () => (xxhash ??= tryImport(async () => (cjs ? (require('@node-rs/xxhash') as XxHash) : import('@node-rs/xxhash'))));
const loadCrc = () => (crc ??= tryImport(async () => (cjs ? (require('@node-rs/crc32') as Crc32) : import('@node-rs/crc32'))));
const loadAddon = () =>
  (addon ??= tryImport(async () =>
    cjs ? (require('xxhash-addon') as XxhashAddon) : ((await import('xxhash-addon')).default as XxhashAddon),
  ));
/* eslint-enable @typescript-eslint/no-require-imports */

// The blake-hash binding types ask for Buffer; a Buffer view over the same memory costs nothing.
const asBuffer = (c: Uint8Array): Buffer => (Buffer.isBuffer(c) ? c : Buffer.from(c.buffer, c.byteOffset, c.byteLength));

function crcFactory(fn: (input: Uint8Array, state?: number) => number): HasherFactory {
  return async () => {
    let state = 0;
    return { update: (c) => void (state = fn(c, state)), digest: () => uint32BE(state), reset: () => void (state = 0) };
  };
}

async function factory(id: AlgorithmId): Promise<HasherFactory | undefined> {
  switch (id) {
    case 'blake3': {
      const m = await loadBlake();
      if (!m) return undefined;
      return async () => {
        const h = new m.Blake3Hasher();
        return { update: (c) => void h.update(asBuffer(c)), digest: () => new Uint8Array(h.digestBuffer()) };
      };
    }
    case 'blake2b-512':
    case 'blake2b-256':
    case 'blake2s-256': {
      const m = await loadBlake();
      if (!m) return undefined;
      return async () => {
        let h: { update(c: Buffer): unknown; digestBuffer(): Buffer };
        if (id === 'blake2s-256') h = new m.Blake2SHasher();
        else if (id === 'blake2b-512') h = new m.Blake2BHasher();
        else {
          const p = new m.Blake2BParam();
          p.hashLength(32);
          h = m.Blake2BHasher.withParams(p);
        }
        return {
          update: (c) => void h.update(asBuffer(c)),
          digest: () => new Uint8Array(h.digestBuffer()),
        };
      };
    }
    case 'xxh32': {
      const m = await loadXxhash();
      if (!m) return undefined;
      return async () => {
        const h = new m.Xxh32();
        return { update: (c) => void h.update(c), digest: () => uint32BE(h.digest()), reset: () => h.reset() };
      };
    }
    case 'xxh64':
    case 'xxh3-64': {
      const m = await loadXxhash();
      if (!m) return undefined;
      return async () => {
        const h = id === 'xxh64' ? new m.Xxh64() : m.xxh3.Xxh3.withSeed();
        return { update: (c) => void h.update(c), digest: () => uint64BE(h.digest()), reset: () => h.reset() };
      };
    }
    case 'xxh3-128': {
      const m = await loadAddon();
      if (!m) return undefined;
      const seed = Buffer.alloc(8);
      return async () => {
        const h = new m.XXHash128(seed);
        return { update: (c) => h.update(asBuffer(c)), digest: () => new Uint8Array(h.digest()), reset: () => h.reset() };
      };
    }
    case 'crc32': {
      const m = await loadCrc();
      return m ? crcFactory(m.crc32) : undefined;
    }
    case 'crc32c': {
      const m = await loadCrc();
      return m ? crcFactory(m.crc32c) : undefined;
    }
    default:
      return undefined;
  }
}

export const loadNative: ImplementationLoader = factory;
