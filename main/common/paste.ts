// Works out what a pasted hash can be: which algorithm(s), in which encoding, with which digest
// bytes. Accepts bare digests (hex or any Base64 flavour), checksum lines (GNU, BSD, OpenSSL),
// SRI values, `sha256:…` prefixes, electron-builder latest.yml lines, OutSystems "Checksum
// failed" log lines, and Windows certutil / Get-FileHash output. Pure: runs in the renderer too.
import { ALGORITHMS, algorithmInfo, algorithmsWithDigestBytes, findAlgorithm, type AlgorithmId } from './algorithms.js';
import { parseChecksumLine, type ChecksumLine } from './checksum-file.js';
import { fromBase64Any, fromHex, toHex, type Encoding } from './encodings.js';

/** Which pasted value a candidate comes from: a lone value, or one side of an OutSystems log line. */
export type PasteRole = 'value' | 'expected' | 'calculated';

export interface PasteCandidate {
  algorithm: AlgorithmId;
  encoding: Encoding;
  digest: Uint8Array;
  /** Which pasted value: 'value', or 'expected' (OutSystems "Received hash") / 'calculated'. */
  role: PasteRole;
  /** File name of the line this reading came from, when it named one (several lines may name several files). */
  name?: string;
}

export interface PasteResult {
  /** What form was recognised, in words for a UI ('SRI value', 'GNU checksum line', 'bare digest'…). */
  form: string;
  /** File name if the paste carried one (checksum line, log line path); unset when lines name different files. */
  name?: string;
  /** Every reading of the paste; empty when nothing can be a hash (then `problem` says why). */
  candidates: PasteCandidate[];
  problem?: string;
}

interface Reading {
  form: string;
  name?: string;
  candidates: PasteCandidate[];
}

const HEX_LENGTHS = [...new Set(ALGORITHMS.map((a) => a.digestBytes * 2))].sort((a, b) => a - b);
const NO_KNOWN_LENGTH = 'no hex or Base64 digest of a known length found';
const NOTHING_FOUND =
  'no hex or Base64 digest found; expected a digest, a checksum line such as "<hex>  name" or "SHA256 (name) = <hex>", ' +
  'an SRI value (sha256-…), sha256:<hex>, or an OutSystems "Checksum failed" log line';

const B64_TOKEN = /^[A-Za-z0-9+/_-]+={0,2}$/;

const label = (id: AlgorithmId): string => algorithmInfo(id).label;

const orList = (items: readonly string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]!}`;

/** 'hex' when no upper-case letter, 'HEX' when all letters are upper case, 'hex' for mixed case. */
function hexCase(hex: string): Encoding {
  return /[A-F]/.test(hex) && !/[a-f]/.test(hex) ? 'HEX' : 'hex';
}

/**
 * The Base64 flavour a token is written in, for one algorithm; undefined when it mixes the
 * url-safe and standard alphabets in a way no encoding produces. "Padded" means the length is a
 * multiple of 4 (a 48-byte digest needs no `=` at all).
 */
function base64Encoding(token: string, algorithm: AlgorithmId): Encoding | undefined {
  const dash = token.includes('-');
  const underscore = token.includes('_');
  const plus = token.includes('+');
  const slash = token.includes('/');
  const padded = token.length % 4 === 0;
  if (dash && (plus || slash)) return undefined;
  if (underscore && slash) return undefined;
  if (dash) return padded ? 'base64url' : 'base64url-nopad';
  if (underscore) {
    // OutSystems form: standard Base64 with '/' -> '_' and no '='. '_' next to '+' can only be that;
    // '_' alone is also valid url-safe Base64, so it is read as OutSystems only for MD5 (the
    // only digest OutSystems writes this way).
    if (plus || (!padded && algorithm === 'md5')) return 'outsystems';
    return padded ? 'base64url' : 'base64url-nopad';
  }
  return padded ? 'base64' : 'base64-nopad';
}

/** The algorithms a digest of `bytes` bytes can be: all of them by size, or just `only` if the size fits. */
function algorithmsFor(bytes: number, only: AlgorithmId | undefined): AlgorithmId[] {
  if (only) return algorithmInfo(only).digestBytes === bytes ? [only] : [];
  return algorithmsWithDigestBytes(bytes);
}

/**
 * Reads one digest token. Candidates when it is a digest of a fitting length; a problem clause when
 * it is hex (or decodes as Base64) but of no fitting length; undefined when it is not a digest at all.
 *
 * A token made only of hex digits is read as hex and never also as Base64: most hex digests are
 * valid Base64 too (64 hex characters decode to 48 bytes), so every SHA-256 hex would otherwise
 * gain a false SHA-384 reading, and every MD5 hex a false SHA-1/RIPEMD-160-sized one.
 */
function readDigest(token: string, role: PasteRole, only?: AlgorithmId): PasteCandidate[] | string | undefined {
  if (/^[0-9a-fA-F]+$/.test(token)) {
    const bytes = fromHex(token);
    const algorithms = bytes ? algorithmsFor(bytes.length, only) : [];
    if (!bytes || algorithms.length === 0) {
      return only
        ? `${label(only)} digests have ${algorithmInfo(only).digestBytes * 2} hex characters, not ${token.length}`
        : `${token.length} hex characters is not the length of any supported digest (supported hex digests have ${orList(HEX_LENGTHS.map(String))} characters)`;
    }
    const encoding = hexCase(token);
    return algorithms.map((algorithm) => ({ algorithm, encoding, digest: bytes.slice(), role }));
  }
  if (!B64_TOKEN.test(token)) return undefined;
  const bytes = fromBase64Any(token);
  if (!bytes || base64Encoding(token, 'md5') === undefined) return undefined;
  const algorithms = algorithmsFor(bytes.length, only);
  if (algorithms.length === 0) {
    return only
      ? `${label(only)} digests have ${algorithmInfo(only).digestBytes} bytes, but this Base64 decodes to ${bytes.length}`
      : `as Base64 it decodes to ${bytes.length} bytes, which is not the length of any supported digest`;
  }
  return algorithms.map((algorithm) => ({ algorithm, encoding: base64Encoding(token, algorithm)!, digest: bytes.slice(), role }));
}

/** Removes surrounding whitespace, quotes and a trailing comma or semicolon (JSON, YAML, code). */
function unwrap(text: string): string {
  let t = text.trim();
  for (;;) {
    const before = t;
    t = t.replace(/[,;]$/, '').trim();
    const first = t[0];
    // Only a pair that encloses everything: `"integrity": "sha512-…"` keeps its quotes.
    if (t.length >= 2 && (first === '"' || first === "'" || first === '`') && t.endsWith(first) && !t.slice(1, -1).includes(first)) {
      t = t.slice(1, -1).trim();
    }
    if (t === before) return t;
  }
}

/**
 * The hex digits of a bare hex digest written with stray whitespace, line breaks, `AB:CD:…`
 * colons or a `0x` prefix; undefined when the text holds anything else.
 */
function bareHex(text: string): string | undefined {
  let t = text.replace(/\s+/g, '');
  t = t.replace(/^0x/i, '');
  if (/^[0-9a-fA-F]{2}(?::[0-9a-fA-F]{2})+:?$/.test(t)) t = t.replace(/:/g, '');
  return t.length > 0 && /^[0-9a-fA-F]+$/.test(t) ? t : undefined;
}

function withName(candidates: PasteCandidate[], name: string | undefined): PasteCandidate[] {
  return name === undefined ? candidates : candidates.map((c) => ({ ...c, name }));
}

// ---------------------------------------------------------------------------------------------
// OutSystems "Checksum failed" log lines

const OS_MARKER = /Checksum failed for file|Received hash|Calculated hash/i;
const OS_FILE = /Checksum failed for file\s+([^\s?]+)(?:\?([A-Za-z0-9+/_=-]*))?/i;
const OS_RECEIVED = /Received hash\s*:\s*([A-Za-z0-9+/_=-]+)/i;
const OS_CALCULATED = /Calculated hash\s*:\s*([A-Za-z0-9+/_=-]+)/i;

/**
 * `Checksum failed for file /MyApp/scripts/app.js?<hash>[.] Received hash: <hash> | Calculated hash: <hash>`,
 * possibly after a timestamp or other columns, possibly several entries. "Received" is the hash the
 * app expected (from the moduleinfo); "Calculated" is what the downloaded file hashed to.
 */
function parseOutSystems(text: string): PasteResult {
  // One chunk per entry, so an entry wrapped over several lines still reads as one.
  const chunks = text.split(/(?=Checksum failed for file)/i).filter((c) => OS_MARKER.test(c));
  const readings: Reading[] = [];
  let problem: string | undefined;
  for (const chunk of chunks) {
    const file = OS_FILE.exec(chunk);
    const query = file?.[2] || undefined;
    let name = file?.[1];
    if (name !== undefined && query === undefined) name = name.replace(/\.$/, '');
    const expected = OS_RECEIVED.exec(chunk)?.[1] ?? query;
    const calculated = OS_CALCULATED.exec(chunk)?.[1];
    const candidates: PasteCandidate[] = [];
    for (const [token, role] of [
      [expected, 'expected'],
      [calculated, 'calculated'],
    ] as const) {
      if (token === undefined) continue;
      const digest = fromBase64Any(token);
      if (digest?.length === 16) candidates.push({ algorithm: 'md5', encoding: 'outsystems', digest, role });
      else problem ??= `the OutSystems log line's hash ${token} is not an MD5 digest in OutSystems form (22 Base64 characters)`;
    }
    if (candidates.length > 0) readings.push({ form: 'OutSystems checksum log line', name, candidates: withName(candidates, name) });
  }
  if (readings.length === 0) {
    return {
      form: 'OutSystems checksum log line',
      candidates: [],
      problem: problem ?? 'the OutSystems log line holds no "Received hash" or "Calculated hash" value',
    };
  }
  return finish(readings);
}

// ---------------------------------------------------------------------------------------------
// SRI values

const SRI_TOKEN = /^(sha1|sha256|sha384|sha512)-([A-Za-z0-9+/_-]+={0,2})(?:\?\S*)?$/i;
const INTEGRITY_ATTR = /\bintegrity\b["']?\s*[:=]\s*["']([^"']*)["']/gi;

/** `sha384-<b64> sha512-<b64>…` (sha1- too, as old npm lockfiles have); undefined unless every token is one. */
function parseSri(text: string): PasteResult | undefined {
  const tokens = text.split(/\s+/).filter(Boolean);
  if (tokens.length === 0 || !tokens.every((t) => SRI_TOKEN.test(t))) return undefined;
  const candidates: PasteCandidate[] = [];
  let problem: string | undefined;
  for (const token of tokens) {
    const [, alg = '', value = ''] = SRI_TOKEN.exec(token) ?? [];
    const algorithm = findAlgorithm(alg)!;
    const read = readDigest(value, 'value', algorithm);
    if (Array.isArray(read)) candidates.push(...read);
    else problem ??= `the SRI value's ${alg} digest is not valid: ${read ?? 'not Base64'}`;
  }
  if (candidates.length === 0) return { form: 'SRI value', candidates: [], problem: problem! };
  return finish([{ form: tokens.length > 1 ? 'SRI values' : 'SRI value', candidates }]);
}

// ---------------------------------------------------------------------------------------------
// Line by line: checksum lines, prefixed digests, latest.yml, certutil, Get-FileHash

type LineRead = Reading | { problem: string } | undefined;

const PREFIXED = /^(?:--hash[= ])?(?:-\s+)?([A-Za-z][\w/-]*)\s*:(\s*)(['"]?)([A-Za-z0-9+/_=-]+)\3$/;
const TAG_DIGEST = /^([A-Za-z][\w/-]*)\s+(\S+)(?:\s+(\S.*))?$/;

function tagged(form: string, tag: string, token: string, name: string | undefined): LineRead {
  const algorithm = findAlgorithm(tag);
  if (!algorithm) return { problem: `"${tag}" is not a supported algorithm name` };
  const read = readDigest(token, 'value', algorithm);
  if (Array.isArray(read)) return { form, name, candidates: withName(read, name) };
  return { problem: `the ${tag} line's digest does not fit: ${read ?? `${token} is neither hex nor Base64`}` };
}

function untagged(form: string, token: string, name: string | undefined): LineRead {
  const read = readDigest(token, 'value');
  if (Array.isArray(read)) return { form, name, candidates: withName(read, name) };
  return read === undefined ? undefined : { problem: `${NO_KNOWN_LENGTH}; ${read}` };
}

/** A GNU, BSD or OpenSSL line, read by its tag when it has one (BSD, xxhsum's `XXH3_`), else by length. */
function checksumLine(form: string, line: ChecksumLine): LineRead {
  return line.tag !== undefined ? tagged(form, line.tag, line.digestText, line.path) : untagged(form, line.digestText, line.path);
}

/** One line on its own: a checksum line, an `algo: digest` line or a bare hex digest. */
function parseLine(raw: string): LineRead {
  // A leading `\` marks a GNU-escaped line; a digest copied out of one may keep it.
  const line = raw.replace(/^\\/, '');
  const hex = bareHex(line);
  const bare = hex === undefined ? undefined : untagged('bare digest', hex, undefined);
  if (bare && 'form' in bare) return bare;

  const checksum = parseChecksumLine(raw, { pasted: true });
  let checksumProblem = checksum && 'problem' in checksum ? checksum : undefined;
  const parsed = checksum && 'format' in checksum ? checksum : undefined;
  // BSD `SHA256 (name) = <hex>`; OpenSSL `SHA2-256(name)= <hex>`, or `(stdin)= <hex>` with no tag.
  if (parsed?.format === 'bsd') return checksumLine(parsed.openssl ? 'OpenSSL digest line' : 'BSD checksum line', parsed);

  // Docker-style `sha256:<hex>`, pip's `--hash=sha256:<hex>`, latest.yml `sha512: <base64>`.
  const prefixed = PREFIXED.exec(line);
  if (prefixed) {
    const [, key = '', space = '', , token = ''] = prefixed;
    if (findAlgorithm(key)) {
      const yml = (space.length > 0 || /^-\s/.test(line)) && !/^[0-9a-fA-F]+$/.test(token);
      return tagged(yml ? 'electron-builder latest.yml line' : 'algorithm-prefixed digest', key, token, undefined);
    }
  }

  // GNU `<hex>  name`, `<hex> *name` or `md5 -r`'s `<hex> name`. When the digest does not fit, the
  // first column may be a tag instead (Get-FileHash rows), so that is tried before complaining.
  if (parsed) {
    const read = checksumLine('GNU checksum line', parsed);
    if (read && 'form' in read) return read;
    // No complaint about the one-space form: prose can start with a long number too.
    if (parsed.binary !== undefined) checksumProblem = read;
  }

  // `MD5 <hex> [name]`: a tag, then the digest (PowerShell's Get-FileHash table rows look like this).
  const tagDigest = TAG_DIGEST.exec(line);
  if (tagDigest) {
    const [, tag = '', token = '', name] = tagDigest;
    const algorithm = findAlgorithm(tag);
    const read = algorithm ? readDigest(token, 'value', algorithm) : undefined;
    if (Array.isArray(read)) return { form: 'algorithm-prefixed digest', name, candidates: withName(read, name) };
  }

  return bare ?? checksumProblem;
}

function parseLines(text: string): { readings: Reading[]; problem?: string } {
  const readings: Reading[] = [];
  let problem: string | undefined;
  let ymlName: string | undefined;
  /** certutil: `SHA256 hash of file.txt:` then the digest on the next line. */
  let certutil: { tag: string; name: string } | undefined;
  /** Get-FileHash: `Algorithm : SHA256` / `Hash : …` / `Path : …` (list) or a table with that header. */
  let psAlgorithm: string | undefined;
  let psTable = false;
  let psLast: Reading | undefined;
  const lines = text
    .split(/\r\n|\r|\n/)
    .map(unwrap)
    .filter((l) => l.length > 0 && !l.startsWith('#'));
  for (const line of lines) {
    let read: LineRead;
    const pendingCertutil = certutil;
    certutil = undefined;
    let m: RegExpExecArray | null;
    if ((m = /^(\S+) hash of (.+):$/i.exec(line))) {
      certutil = { tag: m[1]!, name: m[2]! };
      continue;
    } else if ((m = /^Algorithm\s*:\s*(\S+)$/i.exec(line))) {
      psAlgorithm = m[1];
      continue;
    } else if ((m = /^Hash\s*:\s*(\S+)$/i.exec(line))) {
      read = psAlgorithm
        ? tagged('PowerShell Get-FileHash output', psAlgorithm, m[1]!, undefined)
        : untagged('PowerShell Get-FileHash output', m[1]!, undefined);
      psAlgorithm = undefined;
    } else if (psLast && (m = /^Path\s*:\s*(.+)$/i.exec(line))) {
      psLast.name = m[1]!;
      psLast.candidates = withName(psLast.candidates, psLast.name);
      psLast = undefined;
      continue;
    } else if (/^Algorithm\s+Hash\s+Path$/i.test(line)) {
      psTable = true;
      continue;
    } else if ((m = /^(?:-\s+)?(?:url|path)\s*:\s*(.+)$/i.exec(line))) {
      ymlName = unwrap(m[1]!);
      continue;
    } else if (pendingCertutil && bareHex(line) !== undefined) {
      read = tagged('certutil output', pendingCertutil.tag, bareHex(line)!, pendingCertutil.name);
    } else {
      read = parseLine(line);
      if (read && 'form' in read) {
        if (read.form === 'electron-builder latest.yml line' && ymlName !== undefined) {
          read.name = ymlName;
          read.candidates = withName(read.candidates, ymlName);
        }
        if (psTable && read.form === 'algorithm-prefixed digest') read.form = 'PowerShell Get-FileHash output';
      }
    }
    psLast = undefined;
    if (read === undefined) continue;
    if ('problem' in read) problem ??= read.problem;
    else {
      readings.push(read);
      if (read.form === 'PowerShell Get-FileHash output') psLast = read;
    }
  }
  return { readings, problem };
}

// ---------------------------------------------------------------------------------------------

function finish(readings: Reading[]): PasteResult {
  const seen = new Set<string>();
  const candidates: PasteCandidate[] = [];
  for (const r of readings) {
    for (const c of r.candidates) {
      const key = `${c.algorithm} ${c.role} ${toHex(c.digest)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      candidates.push(c);
    }
  }
  const forms = [...new Set(readings.map((r) => r.form))];
  const plural = (f: string): string => (/(line|digest|value)$/.test(f) ? `${f}s` : f);
  const form = forms.length > 1 ? 'checksum lines' : readings.length > 1 ? plural(forms[0]!) : forms[0]!;
  const names = new Set(readings.map((r) => r.name));
  const [name] = names;
  return names.size === 1 && name !== undefined ? { form, name, candidates } : { form, candidates };
}

/** Everything the pasted text can be read as; see the file comment for the forms understood. */
export function parsePasted(text: string): PasteResult {
  const t = unwrap(text);
  if (t.length === 0) return { form: 'nothing', candidates: [], problem: 'nothing was pasted' };

  if (OS_MARKER.test(t)) return parseOutSystems(t);

  // A bare hex digest, possibly wrapped over lines or split by spaces/colons. The whole text is
  // tried before its lines, so a long digest broken over two lines is read as one digest.
  let problem: string | undefined;
  const hex = bareHex(t);
  if (hex !== undefined) {
    const read = readDigest(hex, 'value');
    if (Array.isArray(read)) return finish([{ form: 'bare digest', candidates: read }]);
    problem = `${NO_KNOWN_LENGTH}; ${read!}`;
  }

  const integrity = [...t.matchAll(INTEGRITY_ATTR)].map((m) => m[1]!).join(' ');
  const sri = parseSri(integrity || t);
  if (sri) return sri;

  const lines = parseLines(t);
  if (lines.readings.length > 0) return finish(lines.readings);
  problem ??= lines.problem;

  // A bare Base64 digest (any flavour), possibly wrapped over lines.
  if (hex === undefined) {
    const token = t.replace(/\s+/g, '');
    const read = readDigest(token, 'value');
    if (Array.isArray(read)) return finish([{ form: 'bare digest', candidates: read }]);
    // Prose ("the SHA-256 is …") also squeezes into something Base64-like; say what that was only
    // when the paste looked like one token.
    if (typeof read === 'string' && !/\S[ \t]+\S/.test(t)) problem ??= `${NO_KNOWN_LENGTH}; ${read}`;
  }

  return { form: 'unrecognised', candidates: [], problem: problem ?? NOTHING_FOUND };
}

/** A short list of what was tried, e.g. 'MD5, MD4 or XXH3-128 (hex)'; readings grouped by encoding. */
export function describeCandidates(candidates: readonly Pick<PasteCandidate, 'algorithm' | 'encoding'>[]): string {
  if (candidates.length === 0) return 'nothing';
  const groups = new Map<Encoding, string[]>();
  for (const c of candidates) {
    const labels = groups.get(c.encoding) ?? [];
    if (!labels.includes(label(c.algorithm))) labels.push(label(c.algorithm));
    groups.set(c.encoding, labels);
  }
  return [...groups].map(([encoding, labels]) => `${orList(labels)} (${encoding})`).join(' or ');
}
