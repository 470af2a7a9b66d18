// How one copy of a resource differs from the reference copy, in the terms of the alterations that proxies,
// gateways and deployments make (injection, minification, BOM and line-ending changes, truncation).
// Pure: bytes in, a DiffResult out; O(n) in time and memory.
import { byteWindow, firstDifference } from '../byte-window.js';
import { toHex } from '../encodings.js';
import { inWords } from './sources.js';
import type { DiffClass, DiffResult } from './types.js';

export interface DiffOptions {
  /** Content-Type of the copy, as received (parameters allowed). */
  contentType?: string;
}

/** Longest excerpt kept in a DiffResult. */
const EXCERPT_MAX = 200;
/** How many bytes of an HTML page are decoded to look for its <title>. */
const TITLE_SCAN_MAX = 64 * 1024;
/** A reference that is itself HTML must share at least this much with an HTML copy for it to count as the same page. */
const HTML_SHARED_PREFIX_MIN = 16;

const LF = 0x0a;
const CR = 0x0d;
const SLASH = 0x2f;
const STAR = 0x2a;
const LT = 0x3c;
const BANG = 0x21;
const DASH = 0x2d;
const GT = 0x3e;
const BOM = new Uint8Array([0xef, 0xbb, 0xbf]);

const LABELS: Record<DiffClass, string> = {
  identical: 'identical',
  'encoding-only': 'compressed differently, same content',
  bom: 'a byte-order mark added or removed',
  'line-endings': 'line endings changed',
  whitespace: 'whitespace or comments removed (minified)',
  prefix: 'cut short',
  insertion: 'content inserted',
  deletion: 'content removed',
  'html-page': 'replaced by an HTML page',
  substitution: 'some bytes replaced, same size',
  different: 'entirely different',
};

/** A short plain label for a diff class, for tables and headings. */
export function diffClassLabel(c: DiffClass): string {
  return LABELS[c];
}

/**
 * Classifies how `copy` differs from `reference`. Checks, in order: identical, a UTF-8 BOM added or removed,
 * line endings, whitespace and comments (minified), cut short, one contiguous insertion, one contiguous
 * deletion, replaced by an HTML page, and otherwise different. Never returns 'encoding-only' (the caller
 * decides that by comparing the wire and decoded hashes).
 */
export function diffBytes(reference: Uint8Array, copy: Uint8Array, options: DiffOptions = {}): DiffResult {
  const d = classify(reference, copy, options);
  return WITH_LEAD.has(d.class) && d.offset ? { ...d, leadHex: leadOf(copy, d.offset) } : d;
}

/** Classes whose excerpts start at the first difference: the bytes before it are the same in both copies. */
const WITH_LEAD: ReadonlySet<DiffClass> = new Set(['prefix', 'insertion', 'deletion', 'html-page', 'different', 'substitution']);
const LEAD_MAX = 64;

/** Up to 64 bytes before `offset`, from the start of their first whole line when there is one. */
function leadOf(copy: Uint8Array, offset: number): string {
  let from = Math.max(0, offset - LEAD_MAX);
  const lf = copy.subarray(from, offset).indexOf(LF);
  if (from > 0 && lf >= 0 && from + lf + 1 < offset) from += lf + 1;
  return toHex(copy.subarray(from, offset));
}

function classify(reference: Uint8Array, copy: Uint8Array, options: DiffOptions): DiffResult {
  const sizes = { referenceSize: reference.length, size: copy.length };
  const diffAt = firstDifference(reference, copy);
  const shared = diffAt === -1 ? Math.min(reference.length, copy.length) : diffAt;
  // A truncated copy stays 'prefix' even when the missing tail is only a LF or whitespace, which the
  // line-ending and minification checks would otherwise explain away.
  const isTruncated = diffAt === -1 && copy.length < reference.length;

  if (diffAt === -1 && copy.length === reference.length) {
    return { class: 'identical', ...sizes, summary: `Identical: all ${bytes(copy.length)} match.` };
  }

  const bom = bomChange(reference, copy);
  if (bom) {
    const w = byteWindow(BOM, 0);
    return {
      class: 'bom',
      ...sizes,
      offset: 0,
      length: 3,
      excerptHex: w.hex,
      excerptText: w.text,
      summary:
        bom === 'added'
          ? 'A UTF-8 byte-order mark (EF BB BF) was added at the start, and the rest is identical.'
          : 'The UTF-8 byte-order mark (EF BB BF) at the start was removed, and the rest is identical.',
    };
  }

  if (!isTruncated && sameAfterLineEndings(reference, copy)) {
    return {
      class: 'line-endings',
      ...sizes,
      offset: shared,
      summary: `The copy has ${lineEndingStyle(copy)} line endings instead of ${lineEndingStyle(reference)}, and is otherwise identical.`,
    };
  }

  if (!isTruncated && copy.length < reference.length && sameAfterStripping(reference, copy)) {
    return {
      class: 'whitespace',
      ...sizes,
      offset: shared,
      summary: `Minified: ${bytes(reference.length - copy.length)} smaller, equal once whitespace and comments are removed.`,
    };
  }

  if (isTruncated) {
    const missing = reference.length - copy.length;
    return {
      class: 'prefix',
      ...sizes,
      offset: copy.length,
      length: missing,
      ...referenceExcerpt(reference, copy.length, EXCERPT_MAX),
      summary: `Cut short at byte ${copy.length} of ${reference.length}: ${missing === 1 ? 'the last byte is' : `the last ${missing} bytes are`} missing.`,
    };
  }

  if (copy.length > reference.length) {
    const at = blockOffset(copy, reference.length - commonSuffix(reference, copy), shared);
    if (at !== undefined) {
      const length = copy.length - reference.length;
      const block = copy.subarray(at, at + length);
      return {
        class: 'insertion',
        ...sizes,
        offset: at,
        length,
        ...excerpt(copy, at, Math.min(length, EXCERPT_MAX)),
        summary: `One block of ${bytes(length)} inserted at byte ${at}${describeStart(block)}.`,
      };
    }
  }

  if (copy.length < reference.length) {
    const at = blockOffset(reference, copy.length - commonSuffix(reference, copy), shared);
    if (at !== undefined) {
      const length = reference.length - copy.length;
      const block = reference.subarray(at, at + length);
      const removed = excerpt(reference, at, Math.min(length, EXCERPT_MAX));
      return {
        class: 'deletion',
        ...sizes,
        offset: at,
        length,
        ...removed,
        referenceExcerptHex: removed.excerptHex,
        referenceExcerptText: removed.excerptText,
        summary: `One block of ${bytes(length)} removed at byte ${at}${describeStart(block)}.`,
      };
    }
  }

  const side = {
    ...excerpt(copy, shared, EXCERPT_MAX),
    ...referenceExcerpt(reference, shared, EXCERPT_MAX),
  };

  const substituted = copy.length === reference.length ? substitution(reference, copy) : undefined;
  if (substituted)
    return { class: 'substitution', ...sizes, offset: shared, length: substituted.count, ...side, summary: substituted.summary };

  if (looksLikeHtml(copy, options.contentType) && (!startsLikeHtml(reference) || shared < HTML_SHARED_PREFIX_MIN)) {
    const title = htmlTitle(copy);
    return {
      class: 'html-page',
      ...sizes,
      offset: shared,
      ...side,
      summary: `Replaced by an HTML page${title ? ` ("${title}")` : ''}, ${bytes(copy.length)} instead of ${reference.length}.`,
    };
  }

  return {
    class: 'different',
    ...sizes,
    offset: shared,
    ...side,
    summary:
      shared === 0
        ? `Entirely different from the first byte on, ${sizeWords(copy.length, reference.length)}.`
        : `Different from byte ${shared} on, with no single insertion or removal to explain it, ${sizeWords(copy.length, reference.length)}.`,
  };
}

const grouped = (n: number) => n.toLocaleString('en-US');

/** Same size, fewer than half the bytes changed: "3 bytes differ at offsets 1,204–1,206". */
function substitution(reference: Uint8Array, copy: Uint8Array): { count: number; summary: string } | undefined {
  let count = 0;
  let first = -1;
  let last = -1;
  for (let i = 0; i < copy.length; i++) {
    if (copy[i] === reference[i]) continue;
    count++;
    if (first < 0) first = i;
    last = i;
  }
  if (count === 0 || count * 2 > copy.length) return undefined;
  const where =
    count === 1
      ? `at offset ${grouped(first)}`
      : last - first + 1 === count
        ? `at offsets ${grouped(first)}–${grouped(last)}`
        : `between offsets ${grouped(first)} and ${grouped(last)}`;
  return { count, summary: `${count === 1 ? '1 byte differs' : `${grouped(count)} bytes differ`} ${where}, the size unchanged.` };
}

function bytes(n: number): string {
  return n === 1 ? '1 byte' : `${n} bytes`;
}

function excerpt(source: Uint8Array, at: number, max: number): { excerptHex: string; excerptText: string } {
  const w = byteWindow(source.subarray(at, at + max), at);
  return { excerptHex: w.hex, excerptText: w.text };
}

function referenceExcerpt(source: Uint8Array, at: number, max: number): { referenceExcerptHex: string; referenceExcerptText: string } {
  const w = byteWindow(source.subarray(at, at + max), at);
  return { referenceExcerptHex: w.hex, referenceExcerptText: w.text };
}

function startsWithBom(b: Uint8Array): boolean {
  return b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;
}

/** 'added' when copy = BOM + reference, 'removed' when reference = BOM + copy. */
function bomChange(reference: Uint8Array, copy: Uint8Array): 'added' | 'removed' | undefined {
  if (copy.length === reference.length + 3 && startsWithBom(copy) && equal(copy.subarray(3), reference)) return 'added';
  if (reference.length === copy.length + 3 && startsWithBom(reference) && equal(reference.subarray(3), copy)) return 'removed';
  return undefined;
}

function equal(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && firstDifference(a, b) === -1;
}

/** Length of the longest common suffix, at most the shorter length. */
function commonSuffix(a: Uint8Array, b: Uint8Array): number {
  const max = Math.min(a.length, b.length);
  let s = 0;
  while (s < max && a[a.length - 1 - s] === b[b.length - 1 - s]) s++;
  return s;
}

/**
 * Where to report one contiguous block in `longer` (inserted, or removed from the reference), given the range
 * of offsets that all explain the change equally: from `lo` (the latest start allowed by the common suffix) to
 * `hi` (the first difference). Undefined when no single block explains it. Within the range, prefers a block
 * that starts with `<` (an injected tag) and at the start of a line, then the first difference.
 */
function blockOffset(longer: Uint8Array, lo: number, hi: number): number | undefined {
  if (lo > hi) return undefined;
  let best = hi;
  let bestScore = -1;
  for (let o = Math.max(lo, 0); o <= hi; o++) {
    const prev = longer[o - 1];
    const score = (longer[o] === LT ? 2 : 0) + (o === 0 || prev === LF || prev === CR ? 1 : 0);
    if (score >= bestScore) {
      best = o;
      bestScore = score;
    }
  }
  return best;
}

/** `, starting \`<script src=…\`` from the block's first printable bytes, or '' when there are none. */
function describeStart(block: Uint8Array): string {
  let i = 0;
  while (i < block.length && isSpace(block[i]!)) i++;
  let end = i;
  while (end < block.length && end - i < 24 && block[end]! >= 0x20) end++;
  if (end === i) return i === block.length ? ', all whitespace' : '';
  const text = byteWindow(block.subarray(i, end), i).text.replace(/`/g, "'");
  return `, starting \`${text}${end < block.length ? '…' : ''}\``;
}

function isSpace(b: number): boolean {
  return b === 0x20 || (b >= 0x09 && b <= 0x0d);
}

// ---- line endings ----

/** CRLF and lone CR made LF; the same array when there is no CR. */
function normalizeLineEndings(b: Uint8Array): Uint8Array {
  if (b.indexOf(CR) === -1) return b;
  const out = new Uint8Array(b.length);
  let n = 0;
  for (let i = 0; i < b.length; i++) {
    const c = b[i]!;
    if (c === CR) {
      out[n++] = LF;
      if (b[i + 1] === LF) i++;
    } else {
      out[n++] = c;
    }
  }
  return out.subarray(0, n);
}

function sameAfterLineEndings(reference: Uint8Array, copy: Uint8Array): boolean {
  if (reference.indexOf(CR) === -1 && copy.indexOf(CR) === -1) return false;
  return equal(normalizeLineEndings(reference), normalizeLineEndings(copy));
}

/** 'CRLF', 'LF', 'CR', 'mixed CRLF and LF', … or 'no' when there are no line breaks. */
function lineEndingStyle(b: Uint8Array): string {
  let crlf = 0;
  let cr = 0;
  let lf = 0;
  for (let i = 0; i < b.length; i++) {
    const c = b[i];
    if (c === CR) {
      if (b[i + 1] === LF) {
        crlf++;
        i++;
      } else cr++;
    } else if (c === LF) {
      lf++;
    }
  }
  const kinds = [crlf ? 'CRLF' : '', lf ? 'LF' : '', cr ? 'CR' : ''].filter(Boolean);
  if (kinds.length === 0) return 'no';
  if (kinds.length === 1) return kinds[0]!;
  return `mixed ${inWords(kinds)}`;
}

// ---- whitespace and comments ----

/**
 * The bytes with all ASCII whitespace removed, and comments: `/* … *\/`, `<!-- … -->`, and `// …` to the end of
 * the line when the `//` starts the input or follows whitespace (so `http://` is kept).
 */
function stripWhitespaceAndComments(b: Uint8Array): Uint8Array {
  const out = new Uint8Array(b.length);
  const len = b.length;
  let n = 0;
  let i = 0;
  while (i < len) {
    const c = b[i]!;
    if (isSpace(c)) {
      i++;
      continue;
    }
    if (c === SLASH && b[i + 1] === STAR) {
      let j = i + 2;
      while (j < len && !(b[j] === STAR && b[j + 1] === SLASH)) j++;
      i = Math.min(j + 2, len);
      continue;
    }
    if (c === SLASH && b[i + 1] === SLASH && (i === 0 || isSpace(b[i - 1]!))) {
      let j = i + 2;
      while (j < len && b[j] !== LF && b[j] !== CR) j++;
      i = j;
      continue;
    }
    if (c === LT && b[i + 1] === BANG && b[i + 2] === DASH && b[i + 3] === DASH) {
      let j = i + 4;
      while (j < len && !(b[j] === DASH && b[j + 1] === DASH && b[j + 2] === GT)) j++;
      i = Math.min(j + 3, len);
      continue;
    }
    out[n++] = c;
    i++;
  }
  return out.subarray(0, n);
}

function sameAfterStripping(reference: Uint8Array, copy: Uint8Array): boolean {
  const c = stripWhitespaceAndComments(copy);
  const r = stripWhitespaceAndComments(reference);
  return equal(r, c);
}

// ---- HTML pages ----

/** Whether the bytes start, after a BOM and whitespace, with `<!doctype html` or `<html` (any case). */
function startsLikeHtml(b: Uint8Array): boolean {
  let i = startsWithBom(b) ? 3 : 0;
  while (i < b.length && isSpace(b[i]!)) i++;
  const head = lowerAscii(b.subarray(i, i + 15));
  const boundary = (at: number) => at >= head.length || /[\s>]/.test(head[at]!);
  if (head.startsWith('<!doctype html')) return boundary(14);
  if (head.startsWith('<html')) return boundary(5);
  return false;
}

function lowerAscii(b: Uint8Array): string {
  let s = '';
  for (const c of b) s += String.fromCharCode(c >= 0x41 && c <= 0x5a ? c + 0x20 : c);
  return s;
}

function looksLikeHtml(copy: Uint8Array, contentType: string | undefined): boolean {
  const mime = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  return mime === 'text/html' || mime === 'application/xhtml+xml' || startsLikeHtml(copy);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** The page's <title> text, whitespace collapsed, common entities decoded, at most 100 characters; '' when none. */
function htmlTitle(page: Uint8Array): string {
  const text = new TextDecoder('utf-8').decode(page.subarray(0, TITLE_SCAN_MAX));
  const m = /<title\b[^>]*>([\s\S]*?)<\/title\s*>/i.exec(text);
  if (!m) return '';
  const title = m[1]!
    .replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (all, name: string) => {
      if (name[0] === '#') {
        const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : all;
      }
      return ENTITIES[name.toLowerCase()] ?? all;
    })
    .replace(/\s+/g, ' ')
    .trim();
  return title.length > 100 ? `${title.slice(0, 99)}…` : title;
}

/** "the same size (435 bytes)" or "512 bytes instead of 10240". */
function sizeWords(copy: number, reference: number): string {
  return copy === reference ? `the same size (${bytes(copy)})` : `${bytes(copy)} instead of ${reference}`;
}
