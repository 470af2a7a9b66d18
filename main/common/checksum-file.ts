// Checksum files (SHA256SUMS, *.md5, *.sfv, BSD-tagged lines, openssl dgst output…): decoding,
// parsing and writing. Pure and runtime-neutral: no I/O, no Buffer, so the renderer can use it too.

import { clipMiddle } from './clip.js';
import { ALGORITHMS, algorithmInfo, algorithmsWithDigestBytes, findAlgorithm, type AlgorithmId } from './algorithms.js';
import { fromBase64Any, fromHex } from './encodings.js';
import { checksumFileAlgorithmFromName } from './path-kind.js';

export type ChecksumFormat = 'gnu' | 'bsd' | 'sfv';

export interface ChecksumEntry {
  /** 1-based line number in the checksum file. */
  line: number;
  /** Path as written (GNU escapes undone), relative to the checksum file's folder. */
  path: string;
  digest: Uint8Array;
  format: ChecksumFormat;
  /** Algorithms this entry may be: one if known (BSD tag, file name, --algo), else every algorithm of that digest length. */
  algorithms: AlgorithmId[];
  /**
   * Where the algorithm came from. 'tag' is the line itself: a BSD tag, xxhsum's `XXH3_` digest
   * prefix, or an SFV line (SFV means CRC32) in a file whose name says nothing.
   */
  algorithmSource: 'tag' | 'file-name' | 'option' | 'digest-length';
  /** GNU lines only: true for `<hex> *<name>` (binary mode), false for `<hex>  <name>`. */
  binary?: boolean;
}

export interface ChecksumProblem {
  line: number;
  /** The line as written (without its line ending), cut to 200 characters. */
  text: string;
  reason: string;
}

export interface ParsedChecksumFile {
  entries: ChecksumEntry[];
  problems: ChecksumProblem[];
  /** Set when nothing at all parsed: why, naming the first bad line and what was expected. */
  error?: string;
}

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be';

export interface DecodedChecksumText {
  text: string;
  encoding: TextEncodingName;
  bom: boolean;
}

const EXPECTED_FORMS = "expected '<hex digest>  <file name>', 'ALGO (file name) = <hex>' or 'file name CRC32'";

// ---------------------------------------------------------------------------------------------
// Decoding

/**
 * Decodes the bytes of a checksum file: UTF-8 or UTF-16 (LE/BE), with or without a byte order
 * mark. Without a BOM, UTF-16 is recognised by its NUL bytes (checksum files are mostly ASCII,
 * so every other byte is zero). Invalid UTF-8 becomes U+FFFD rather than failing.
 */
export function decodeChecksumText(bytes: Uint8Array): DecodedChecksumText {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: decodeUtf8(bytes.subarray(3)), encoding: 'utf-8', bom: true };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: decodeUtf16(bytes.subarray(2), 'le'), encoding: 'utf-16le', bom: true };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: decodeUtf16(bytes.subarray(2), 'be'), encoding: 'utf-16be', bom: true };
  }
  const guess = guessUtf16(bytes);
  if (guess === 'le') return { text: decodeUtf16(bytes, 'le'), encoding: 'utf-16le', bom: false };
  if (guess === 'be') return { text: decodeUtf16(bytes, 'be'), encoding: 'utf-16be', bom: false };
  return { text: decodeUtf8(bytes), encoding: 'utf-8', bom: false };
}

function decodeUtf8(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
}

function decodeUtf16(bytes: Uint8Array, order: 'le' | 'be'): string {
  let le = bytes;
  if (order === 'be') {
    // Swap to little-endian: every TextDecoder has utf-16le, not every build has utf-16be.
    le = new Uint8Array(bytes.length);
    for (let i = 0; i + 1 < bytes.length; i += 2) {
      le[i] = bytes[i + 1]!;
      le[i + 1] = bytes[i]!;
    }
    if (bytes.length % 2) le[bytes.length - 1] = bytes[bytes.length - 1]!;
  }
  return new TextDecoder('utf-16le', { ignoreBOM: true }).decode(le);
}

/** Looks at the first 4 KiB: ASCII in UTF-16 has a zero in every other byte, and UTF-8 text never has NULs. */
function guessUtf16(bytes: Uint8Array): 'le' | 'be' | undefined {
  const pairs = Math.floor(Math.min(bytes.length, 4096) / 2);
  if (pairs === 0) return undefined;
  let zeroHigh = 0; // "a\0": little-endian ASCII
  let zeroLow = 0; // "\0a": big-endian ASCII
  for (let i = 0; i < pairs; i++) {
    const a = bytes[2 * i]!;
    const b = bytes[2 * i + 1]!;
    if (a !== 0 && b === 0) zeroHigh++;
    else if (a === 0 && b !== 0) zeroLow++;
  }
  if (zeroHigh >= pairs * 0.4 && zeroLow <= zeroHigh * 0.1) return 'le';
  if (zeroLow >= pairs * 0.4 && zeroHigh <= zeroLow * 0.1) return 'be';
  return undefined;
}

/**
 * What the file name allows. `b2sum -l 256` writes untagged lines into B2SUMS too, and
 * `b2sum -c` takes the length from the digest, so BLAKE2b names accept both table lengths.
 */
function nameFamily(id: AlgorithmId): AlgorithmId[] {
  return id === 'blake2b-512' ? ['blake2b-512', 'blake2b-256'] : [id];
}

// ---------------------------------------------------------------------------------------------
// Parsing

/** One checksum line taken apart; the digest is not yet checked against any algorithm. */
export interface ChecksumLine {
  format: ChecksumFormat;
  /** File name, GNU escapes undone; may be empty (`SHA256 () = hex`). */
  path: string;
  /** The digest as written: hex, or Base64 in tagged lines (`cksum --base64`) and pasted GNU lines. */
  digestText: string;
  /** BSD tag as written, or 'XXH3' for xxhsum's `XXH3_<hex>`; unset when the line names no algorithm. */
  tag?: string;
  /** GNU two-column lines: true for `<hex> *name` (binary mode); unset for the one-space form. */
  binary?: boolean;
  /** BSD lines: spaced as openssl writes them (`TAG(name)= hex`), or its tagless `(stdin)= hex`. */
  openssl?: boolean;
}

export interface ChecksumLineHint {
  /** The file's name says CRC32 (`.sfv`): try `name HEX8` before `<hex>  name`. */
  sfvFirst?: boolean;
  /**
   * Text a person pasted, not a checksum file: spacing may be mangled, openssl's `(stdin)= hex` has
   * no tag, and any digest-like token is taken so the caller can say what is wrong with it. SFV is
   * never tried: prose ending in 8 hex digits would read as one.
   */
  pasted?: boolean;
}

// `SHA256 (name) = hex` (coreutils, BSD, xxhsum) and `SHA2-256(name)= hex` (openssl), spaced as
// `sha256sum -c` wants. The greedy name runs to the last `) = `, so names holding parentheses
// survive. Base64 is for `cksum --base64`.
const BSD_LINE = /^([A-Za-z0-9][A-Za-z0-9_/-]*)( ?)\((.*)\) ?= ?([0-9A-Za-z+/=_-]+)$/;
// Pasted: any spacing, no tag for `(stdin)= hex`, any token as the digest.
const BSD_LINE_PASTED = /^([A-Za-z0-9][A-Za-z0-9_/-]*)?(\s*)\((.*)\)\s*=\s*(\S+)$/;
// `<hex>  <name>` and `<hex> *<name>`; xxhsum ≥ 0.8.2 writes XXH3 digests as `XXH3_<hex>`.
const GNU_LINE = /^(XXH3_)?([0-9a-fA-F]{8,})( {2}| \*)(.+)$/;
// Pasted: Base64 too (`cksum --base64 --untagged`), and any length.
const GNU_LINE_PASTED = /^(XXH3_)?([A-Za-z0-9+/_-]+={0,2})( {2}| \*)(.+)$/;
// `<hex> <name>` with one space or a tab (BSD `md5 -r`, `sha256 -r`): tried after SFV.
const GNU_LOOSE_LINE = /^(XXH3_)?([0-9a-fA-F]{8,})[ \t](.+)$/;
// `name CRC32` with the name first and 8 hex digits last.
const SFV_LINE = /^(.*?\S.*?)[ \t]+([0-9a-fA-F]{8})$/;

/**
 * Takes apart one GNU (`<hex>  name`, `<hex> *name`, `<hex> name`), BSD / openssl
 * (`SHA256 (name) = hex`, `SHA2-256(name)= hex`) or SFV (`name HEX8`) line, without its line
 * ending. Undefined when the line is none of these; a problem when its GNU escaping is broken.
 */
export function parseChecksumLine(line: string, hint: ChecksumLineHint = {}): ChecksumLine | { problem: string } | undefined {
  if (!hint.pasted && !hint.sfvFirst) {
    const plain = plainGnuLine(line);
    if (plain) return plain;
  }
  const body = line.trimStart();
  // coreutils and b3sum start a line with `\` when the name has `\`, a newline or a CR escaped.
  const escaped = body.startsWith('\\');
  const unescaped = escaped ? body.slice(1) : body;
  const named = (parsed: ChecksumLine): ChecksumLine | { problem: string } => {
    if (!escaped) return parsed;
    const path = unescapeGnuName(parsed.path);
    if (path === undefined) return { problem: "the line starts with '\\' but the file name has an escape other than \\\\, \\n or \\r" };
    return { ...parsed, path };
  };

  const bsd = (hint.pasted ? BSD_LINE_PASTED : BSD_LINE).exec(unescaped);
  if (bsd) {
    const [, tag, space, path = '', digestText = ''] = bsd;
    return named({ format: 'bsd', path, digestText, ...(tag ? { tag } : {}), openssl: !(tag && space) });
  }

  // SFV only when the GNU form does not fit (or the file name says SFV): its pattern backtracks, slow on a long file.
  const sfvAllowed = !(escaped || hint.pasted);
  const sfvLine = (m: RegExpExecArray): ChecksumLine => ({ format: 'sfv', path: m[1]!, digestText: m[2]! });
  const sfvFirst = sfvAllowed && hint.sfvFirst ? SFV_LINE.exec(line) : null;
  if (sfvFirst) return sfvLine(sfvFirst);

  const gnu = (hint.pasted ? GNU_LINE_PASTED : GNU_LINE).exec(unescaped);
  if (gnu) return named({ format: 'gnu', path: gnu[4]!, digestText: gnu[2]!, binary: gnu[3] === ' *', ...xxh3Tag(gnu[1]) });
  const sfv = sfvAllowed && !hint.sfvFirst ? SFV_LINE.exec(line) : null;
  if (sfv) return sfvLine(sfv);

  const loose = GNU_LOOSE_LINE.exec(unescaped);
  if (loose) return named({ format: 'gnu', path: loose[3]!, digestText: loose[2]!, ...xxh3Tag(loose[1]) });
  return undefined;
}

const isHexCode = (c: number) => (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 102);

/**
 * The common line, `<hex>  name` or `<hex> *name` with no escape, by one scan instead of the patterns
 * (a 10,000-line SHA256SUMS is parsed cold, once per verify). Exactly what GNU_LINE accepts with no
 * XXH3_ prefix: such a line cannot be BSD (a '(' would have to follow at most one space); anything
 * else (a name holding a line terminator `.` refuses, a short digest) goes the long way.
 */
function plainGnuLine(line: string): ChecksumLine | undefined {
  let i = 0;
  while (i < line.length && isHexCode(line.charCodeAt(i))) i++;
  if (i < 8 || line.charCodeAt(i) !== 32) return undefined;
  const star = line.charCodeAt(i + 1);
  if ((star !== 32 && star !== 42) || i + 2 >= line.length) return undefined;
  const path = line.slice(i + 2);
  if (/[\n\r\u2028\u2029]/.test(path)) return undefined;
  return { format: 'gnu', path, digestText: line.slice(0, i), binary: star === 42 };
}

const xxh3Tag = (prefix: string | undefined): { tag?: string } => (prefix ? { tag: 'XXH3' } : {});

function unescapeGnuName(name: string): string | undefined {
  let out = '';
  for (let i = 0; i < name.length; i++) {
    const ch = name[i]!;
    if (ch !== '\\') {
      out += ch;
      continue;
    }
    const next = name[++i];
    if (next === '\\') out += '\\';
    else if (next === 'n') out += '\n';
    else if (next === 'r') out += '\r';
    else return undefined;
  }
  return out;
}

/**
 * Parses a checksum file's text. `fileName` (a name or a path) gives the algorithm when the
 * lines do not; `opts.algorithm` is the fallback when neither does. Lines that do not parse
 * become problems; the rest still become entries.
 */
export function parseChecksumFile(text: string, fileName: string, opts: { algorithm?: AlgorithmId } = {}): ParsedChecksumFile {
  const nameAlgorithm = checksumFileAlgorithmFromName(fileName);
  const context: ResolveContext = {
    nameAlgorithms: nameAlgorithm ? nameFamily(nameAlgorithm) : undefined,
    option: opts.algorithm,
  };
  const sfvFirst = nameAlgorithm === 'crc32';
  const entries: ChecksumEntry[] = [];
  const problems: ChecksumProblem[] = [];

  const lines = text.replace(/^\uFEFF/, '').split('\n');
  let pgp: 'none' | 'header' | 'signature' = 'none';
  lines.forEach((rawLine, index) => {
    const lineNo = index + 1;
    const line = rawLine.replace(/^\uFEFF/, '').replace(/[ \t\r]+$/, '');

    // A clear-signed file (SHA256SUMS.asc): skip the armour around the checksum lines.
    if (pgp === 'header') {
      if (line === '') pgp = 'none';
      return;
    }
    if (pgp === 'signature') {
      if (line === '-----END PGP SIGNATURE-----') pgp = 'none';
      return;
    }
    if (line === '-----BEGIN PGP SIGNED MESSAGE-----') {
      pgp = 'header';
      return;
    }
    if (line === '-----BEGIN PGP SIGNATURE-----') {
      pgp = 'signature';
      return;
    }

    const trimmed = line.trimStart();
    if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith(';')) return;

    const result = parseChecksumLine(line, { sfvFirst });
    const problem = (reason: string) => problems.push({ line: lineNo, text: clipMiddle(rawLine.replace(/\r$/, '')), reason });
    if (!result) {
      problem(/^[0-9a-fA-F]{8,}$/.test(trimmed) ? `a digest with no file name; ${EXPECTED_FORMS}` : EXPECTED_FORMS);
      return;
    }
    if ('problem' in result) {
      problem(result.problem);
      return;
    }
    if (result.path === '') {
      problem(`the file name is empty; ${EXPECTED_FORMS}`);
      return;
    }
    const resolved = resolveAlgorithm(result, context);
    if ('reason' in resolved) {
      problem(resolved.reason);
      return;
    }
    const entry: ChecksumEntry = {
      line: lineNo,
      path: result.path,
      digest: resolved.digest,
      format: result.format,
      algorithms: resolved.algorithms,
      algorithmSource: resolved.source,
    };
    if (result.binary !== undefined) entry.binary = result.binary;
    entries.push(entry);
  });

  const parsed: ParsedChecksumFile = { entries, problems };
  if (entries.length === 0) {
    const first = problems[0];
    parsed.error = first ? `line ${first.line}: ${first.reason}` : 'the file has no checksum lines';
  }
  return parsed;
}

interface ResolveContext {
  nameAlgorithms: AlgorithmId[] | undefined;
  option: AlgorithmId | undefined;
}

type Resolved = { digest: Uint8Array; algorithms: AlgorithmId[]; source: ChecksumEntry['algorithmSource'] } | { reason: string };

const hexDigits = (id: AlgorithmId) => algorithmInfo(id).digestBytes * 2;
const orList = (items: readonly (string | number)[]) =>
  items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;

function resolveAlgorithm(line: ChecksumLine, ctx: ResolveContext): Resolved {
  const text = line.digestText;
  const found = () => `found ${describeLength(text)}`;

  if (line.tag !== undefined) {
    const id = findAlgorithm(line.tag);
    if (!id) return { reason: `unknown algorithm '${line.tag}' in the tag` };
    const info = algorithmInfo(id);
    const hex = fromHex(text);
    if (hex && hex.length === info.digestBytes) return { digest: hex, algorithms: [id], source: 'tag' };
    // `cksum --base64` writes tagged lines with Base64 digests.
    const b64 = fromBase64Any(text);
    if (b64 && b64.length === info.digestBytes) return { digest: b64, algorithms: [id], source: 'tag' };
    return { reason: `expected a ${hexDigits(id)}-hex-digit ${info.label} digest (from the tag '${line.tag}'), ${found()}` };
  }

  const digest = fromHex(text);
  if (!digest) return { reason: `the digest has an odd number of hex digits (${text.length}); ${EXPECTED_FORMS}` };

  if (ctx.nameAlgorithms) {
    const match = ctx.nameAlgorithms.find((id) => algorithmInfo(id).digestBytes === digest.length);
    if (match) return { digest, algorithms: [match], source: 'file-name' };
    const primary = algorithmInfo(ctx.nameAlgorithms[0]!);
    const lengths = orList(ctx.nameAlgorithms.map(hexDigits));
    return { reason: `expected a ${lengths}-hex-digit ${primary.label} digest (the file name says ${primary.label}), ${found()}` };
  }

  if (line.format === 'sfv') {
    // SFV means CRC32; an explicit option does not override what the format says.
    if (digest.length === 4) return { digest, algorithms: ['crc32'], source: 'tag' };
  }

  if (ctx.option) {
    const info = algorithmInfo(ctx.option);
    if (digest.length === info.digestBytes) return { digest, algorithms: [ctx.option], source: 'option' };
    return { reason: `expected a ${hexDigits(ctx.option)}-hex-digit ${info.label} digest (the chosen algorithm), ${found()}` };
  }

  const candidates = algorithmsWithDigestBytes(digest.length);
  if (candidates.length) return { digest, algorithms: candidates, source: 'digest-length' };
  return { reason: `no known algorithm has a ${text.length}-hex-digit digest (expected ${orList(KNOWN_HEX_LENGTHS)} hex digits)` };
}

function describeLength(text: string): string {
  return /^[0-9a-fA-F]*$/.test(text) ? `${text.length} hex digits` : `'${clipMiddle(text)}'`;
}

const KNOWN_HEX_LENGTHS: number[] = [...new Set(ALGORITHMS.map((a) => a.digestBytes * 2))].sort((a, b) => a - b);

// ---------------------------------------------------------------------------------------------
// Writing

/**
 * Writes a checksum file. GNU: `hex  name`, with coreutils' escaping (a leading `\`, and `\\`,
 * `\n`, `\r` in the name) when the name holds a backslash, newline or CR. BSD: `TAG (name) = hex`
 * with the table's tag and the same escaping. SFV: `name HEX8`, CRC32 only. Always '\n' line
 * endings and a trailing newline. Paths are written as given: pass '/'-separated relative paths
 * (a backslash is part of a name here, not a separator). Throws on a bad digest or an entry the
 * format cannot hold.
 */
export function formatChecksumFile(
  entries: readonly { path: string; algorithm: AlgorithmId; digestHex: string }[],
  format: ChecksumFormat,
): string {
  let out = '';
  for (const e of entries) {
    const info = algorithmInfo(e.algorithm);
    const bytes = fromHex(e.digestHex);
    if (!bytes || bytes.length !== info.digestBytes) {
      throw new Error(`${e.path}: '${e.digestHex}' is not a ${info.label} digest (expected ${info.digestBytes * 2} hex digits)`);
    }
    if (e.path === '') throw new Error(`an entry has an empty path (${info.label} ${e.digestHex})`);
    const hex = e.digestHex.toLowerCase();
    switch (format) {
      case 'gnu':
      case 'bsd': {
        const escape = /[\\\n\r]/.test(e.path);
        const name = escape ? e.path.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : e.path;
        const prefix = escape ? '\\' : '';
        out += format === 'gnu' ? `${prefix}${hex}  ${name}\n` : `${prefix}${info.bsdTag} (${name}) = ${hex}\n`;
        break;
      }
      case 'sfv': {
        if (e.algorithm !== 'crc32')
          throw new Error(`SFV files hold CRC32 checksums only, not ${info.label} (${e.path}); choose the GNU or BSD format`);
        if (/[\n\r]/.test(e.path))
          throw new Error(`SFV cannot hold a file name with a line break (${JSON.stringify(e.path)}); choose the GNU or BSD format`);
        if (/^\s*[;#]/.test(e.path) || /\s$/.test(e.path)) {
          throw new Error(
            `SFV cannot hold the file name ${JSON.stringify(e.path)} (it would read back as a comment or lose spaces); choose the GNU or BSD format`,
          );
        }
        out += `${e.path} ${hex.toUpperCase()}\n`;
        break;
      }
    }
  }
  return out;
}
