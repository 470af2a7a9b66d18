// Digest encodings. Pure and runtime-neutral (no Buffer), so the renderer can use them too.

export const ENCODINGS = ['hex', 'HEX', 'base64', 'base64-nopad', 'base64url', 'base64url-nopad', 'outsystems'] as const;
export type Encoding = (typeof ENCODINGS)[number];

export const ENCODING_LABELS: Record<Encoding, string> = {
  hex: 'hex',
  HEX: 'HEX',
  base64: 'Base64',
  'base64-nopad': 'Base64 (no padding)',
  base64url: 'Base64url',
  'base64url-nopad': 'Base64url (no padding)',
  outsystems: 'OutSystems form',
};

export function isEncoding(value: unknown): value is Encoding {
  return typeof value === 'string' && (ENCODINGS as readonly string[]).includes(value);
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}

export function toBase64(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out += B64[n >> 18]! + B64[(n >> 12) & 63]! + B64[(n >> 6) & 63]! + B64[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i]! << 16;
    out += B64[n >> 18]! + B64[(n >> 12) & 63]! + '==';
  } else if (rest === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    out += B64[n >> 18]! + B64[(n >> 12) & 63]! + B64[(n >> 6) & 63]! + '=';
  }
  return out;
}

/**
 * The OutSystems resource-hash form: standard Base64 with `/` replaced by `_` and no `=`
 * (`+` stays). MD5 of "hello world" is `XrY7u+Ae7tCTyyK7j1rNww`.
 */
export function toOutSystems(bytes: Uint8Array): string {
  return toBase64(bytes).replace(/\//g, '_').replace(/=+$/, '');
}

export function encodeDigest(bytes: Uint8Array, encoding: Encoding): string {
  switch (encoding) {
    case 'hex':
      return toHex(bytes);
    case 'HEX':
      return toHex(bytes).toUpperCase();
    case 'base64':
      return toBase64(bytes);
    case 'base64-nopad':
      return toBase64(bytes).replace(/=+$/, '');
    case 'base64url':
      return toBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_');
    case 'base64url-nopad':
      return toBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    case 'outsystems':
      return toOutSystems(bytes);
  }
}

/** Decodes hex (either case); undefined when the text is not an even-length hex string. */
export function fromHex(text: string): Uint8Array | undefined {
  if (text.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(text)) return undefined;
  const out = new Uint8Array(text.length / 2);
  // Digits by char code ('0'-'9', 'A'-'F', 'a'-'f' checked above): no substring per byte.
  const nibble = (c: number) => (c <= 57 ? c - 48 : (c | 32) - 87);
  for (let i = 0; i < out.length; i++) out[i] = (nibble(text.charCodeAt(2 * i)) << 4) | nibble(text.charCodeAt(2 * i + 1));
  return out;
}

/**
 * Decodes any Base64 flavour (standard, url-safe or the OutSystems form), padded or not.
 * Undefined when the text is not valid in that flavour, or has non-zero trailing bits
 * (so one text never decodes to two different digests).
 */
export function fromBase64Any(text: string): Uint8Array | undefined {
  const body = text.replace(/=+$/, '');
  if (text.length - body.length > 2) return undefined;
  if (/[^A-Za-z0-9+/_-]/.test(body)) return undefined;
  if (body.length % 4 === 1) return undefined;
  if (text.length !== body.length && text.length % 4 !== 0) return undefined;
  const values: number[] = [];
  for (const ch of body) {
    const c = ch === '-' ? '+' : ch === '_' ? '/' : ch;
    values.push(B64.indexOf(c));
  }
  const out = new Uint8Array(Math.floor((values.length * 6) / 8));
  let acc = 0;
  let bits = 0;
  let o = 0;
  for (const v of values) {
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  if ((acc & ((1 << bits) - 1)) !== 0) return undefined;
  return out;
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
