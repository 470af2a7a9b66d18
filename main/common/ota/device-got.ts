// What the device actually got: its calculated hash set against every copy a point served, then against
// the right file changed the way network elements and tools change files (BOM, line endings, trimming,
// compressed bytes left undecoded) and against older versions' hashes. The sweep hashes the variants of
// `variantsOf` while the body is in flight (bodies are not kept); this module names the match in one sentence.
import { inWords } from './sources.js';

export type VariantName = 'bom-removed' | 'bom-added' | 'bom-removed-lf' | 'crlf-to-lf' | 'lf-to-crlf' | 'trimmed' | 'wire';

const BOM = [0xef, 0xbb, 0xbf];
const CR = 0x0d;
const LF = 0x0a;

const hasBom = (b: Uint8Array) => b.length >= 3 && b[0] === BOM[0] && b[1] === BOM[1] && b[2] === BOM[2];

/** CRLF → LF (lone CR left alone). */
export function crlfToLf(b: Uint8Array): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < b.length; i++) if (!(b[i] === CR && b[i + 1] === LF)) out.push(b[i]!);
  return Uint8Array.from(out);
}

/** LF → CRLF (an existing CRLF is kept as it is). */
export function lfToCrlf(b: Uint8Array): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < b.length; i++) {
    if (b[i] === LF && b[i - 1] !== CR) out.push(CR);
    out.push(b[i]!);
  }
  return Uint8Array.from(out);
}

const isSpace = (c: number | undefined) => c === 0x20 || c === 0x09 || c === CR || c === LF;

/** Leading and trailing ASCII whitespace removed (after a BOM, which stays). */
export function trimmed(b: Uint8Array): Uint8Array {
  const start0 = hasBom(b) ? 3 : 0;
  let start = start0;
  let end = b.length;
  while (start < end && isSpace(b[start])) start++;
  while (end > start && isSpace(b[end - 1])) end--;
  if (start0 === 0) return b.slice(start, end);
  const out = new Uint8Array(3 + end - start);
  out.set(BOM);
  out.set(b.subarray(start, end), 3);
  return out;
}

/**
 * The byte variants of a right copy worth hashing, only those that differ from it: the BOM removed or added,
 * the BOM removed with CRLF made LF (a copy that went through git or an editor), CRLF and LF swapped, whitespace
 * trimmed, and the wire bytes when they differ from the decoded ones (compression a client did not undo).
 */
export function variantsOf(decoded: Uint8Array, wire?: Uint8Array): Partial<Record<VariantName, Uint8Array>> {
  const out: Partial<Record<VariantName, Uint8Array>> = {};
  const same = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);
  const add = (name: VariantName, bytes: Uint8Array) => {
    if (!same(bytes, decoded)) out[name] = bytes;
  };
  if (hasBom(decoded)) {
    const bare = decoded.slice(3);
    add('bom-removed', bare);
    add('bom-removed-lf', crlfToLf(bare));
  } else {
    const withBom = new Uint8Array(decoded.length + 3);
    withBom.set(BOM);
    withBom.set(decoded, 3);
    add('bom-added', withBom);
  }
  add('crlf-to-lf', crlfToLf(decoded));
  add('lf-to-crlf', lfToCrlf(decoded));
  add('trimmed', trimmed(decoded));
  if (wire) add('wire', wire);
  return out;
}

const VARIANT_WORDS: Record<VariantName, string> = {
  'bom-removed': 'The device received the right file without its UTF-8 BOM.',
  'bom-added': 'The device received the right file with a UTF-8 BOM added in front.',
  'bom-removed-lf': 'The device received the right file without its UTF-8 BOM and with LF line endings (as git or an editor saves it).',
  'crlf-to-lf': 'The device received the right file with its CRLF line endings turned into LF.',
  'lf-to-crlf': 'The device received the right file with its LF line endings turned into CRLF.',
  trimmed: 'The device received the right file with leading or trailing whitespace trimmed.',
  wire: 'The device received the compressed bytes as they travel, not decoded: something on its network removed Content-Encoding.',
};

export interface DeviceGotInput {
  /** The hash the device calculated. */
  calculated: string;
  /** Copies served by the points of the check, with the point's name ("frontend FE2", "the public URL"). */
  served: Array<{ hash?: string; who: string }>;
  /** Hashes of the variants of a right copy (from `variantsOf`, hashed by the sweep). */
  variants?: Partial<Record<VariantName, string>>;
  /** Older versions' hashes for this file, with their tokens. */
  versions?: Array<{ versionToken: string; hash: string }>;
}

/** One sentence naming what the device got, or undefined when nothing known matches its hash. */
export function whatTheDeviceGot(input: DeviceGotInput): string | undefined {
  const { calculated } = input;
  const served = [...new Set(input.served.filter((s) => s.hash === calculated).map((s) => s.who))];
  if (served.length) return `The device received the copy that ${inWords(served)} ${served.length === 1 ? 'serves' : 'serve'}.`;
  for (const name of Object.keys(VARIANT_WORDS) as VariantName[]) {
    if (input.variants?.[name] === calculated) return VARIANT_WORDS[name];
  }
  const version = input.versions?.find((v) => v.hash === calculated);
  if (version) {
    return `The device received version ${version.versionToken} of this file: a deployment during the upgrade, or a stale cache.`;
  }
  return undefined;
}
