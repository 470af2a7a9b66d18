import { uint32BE, type ImplementationLoader } from './hasher.js';

// Node's own CRC32 (zlib.crc32, Node >= 20.15 / 22.2): the fallback for CRC32 with no native package.
// node:zlib is loaded only when CRC32 falls back to it.
export const loadZlib: ImplementationLoader = async (id) => {
  if (id !== 'crc32') return undefined;
  const zlib = await import('node:zlib');
  const crc32 = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;
  if (typeof crc32 !== 'function') return undefined;
  return async () => {
    let state = 0;
    return { update: (c) => void (state = crc32(c, state)), digest: () => uint32BE(state), reset: () => void (state = 0) };
  };
};
