import type { AlgorithmId, ImplementationName } from '../../common/algorithms.js';

/** A streaming digest: feed chunks, then take the digest once. */
export interface Hasher {
  update(chunk: Uint8Array): void;
  /** The digest in its canonical byte order (big-endian for CRC and xxHash, as their tools print them). */
  digest(): Uint8Array;
  /** Starts over for the next input, where that is cheaper than a new hasher (hash-wasm, native xxHash). */
  reset?(): void;
}

/** Makes a fresh hasher for one algorithm with one implementation (async: WebAssembly ones load so). */
export type HasherFactory = () => Promise<Hasher>;

/** Loads an implementation; undefined when this runtime does not have it. */
export type ImplementationLoader = (id: AlgorithmId) => Promise<HasherFactory | undefined>;

export interface ChosenImplementation {
  id: AlgorithmId;
  implementation: ImplementationName;
  create: HasherFactory;
  /** Implementations tried before this one and why they were passed over. */
  skipped: { implementation: ImplementationName; reason: string }[];
}

export function uint32BE(value: number): Uint8Array {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, value >>> 0);
  return out;
}

export function uint64BE(value: bigint): Uint8Array {
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigUint64(0, BigInt.asUintN(64, value));
  return out;
}
