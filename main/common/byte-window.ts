// A short hex-and-text view of the bytes around an offset, to show where two copies differ.
import { toHex } from './encodings.js';

export interface ByteWindow {
  /** Offset of the first byte shown. */
  start: number;
  hex: string;
  /** Printable ASCII as is, every other byte as '.'. */
  text: string;
}

export function byteWindow(bytes: Uint8Array, start: number): ByteWindow {
  let text = '';
  for (const b of bytes) text += b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.';
  const hex = toHex(bytes).replace(/(..)(?!$)/g, '$1 ');
  return { start, hex, text };
}

/** Offset of the first byte where a and b differ, or -1 if one is a prefix of the other and they agree. */
export function firstDifference(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i;
  return -1;
}
