import { createHash, getHashes } from 'node:crypto';
import { algorithmInfo } from '../../common/algorithms.js';
import type { ImplementationLoader } from './hasher.js';

// OpenSSL in Node, BoringSSL in Electron: the set differs (BoringSSL has no SHA-3, BLAKE2 or SM3;
// Node 20's OpenSSL 3 has no MD4 or Whirlpool), so ask the running runtime.
let available: Set<string> | undefined;

export const loadNodeCrypto: ImplementationLoader = async (id) => {
  const name = algorithmInfo(id).nodeName;
  if (!name) return undefined;
  available ??= new Set(getHashes());
  if (!available.has(name)) return undefined;
  return async () => {
    const h = createHash(name);
    return {
      update: (chunk) => void h.update(chunk),
      digest: () => new Uint8Array(h.digest()),
    };
  };
};
