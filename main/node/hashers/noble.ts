import type { ImplementationLoader } from './hasher.js';

// SHA-512/256 is in OpenSSL but not in hash-wasm: @noble/hashes (audited, pure JS) is its fallback.
export const loadNoble: ImplementationLoader = async (id) => {
  if (id !== 'sha512-256') return undefined;
  const { sha512_256 } = await import('@noble/hashes/sha2.js');
  return async () => {
    const h = sha512_256.create();
    return { update: (c) => void h.update(c), digest: () => h.digest() };
  };
};
