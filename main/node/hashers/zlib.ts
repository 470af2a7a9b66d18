import * as zlib from 'node:zlib';
import { uint32BE, type ImplementationLoader } from './hasher.js';

// Node's own CRC32 (zlib.crc32, Node >= 20.15 / 22.2): the fallback for CRC32 with no native package.
export const loadZlib: ImplementationLoader = async (id) => {
  const crc32 = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;
  if (id !== 'crc32' || typeof crc32 !== 'function') return undefined;
  return async () => {
    let state = 0;
    return { update: (c) => void (state = crc32(c, state)), digest: () => uint32BE(state) };
  };
};
