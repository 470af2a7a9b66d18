// The diff viewer as data: two byte spans set side by side in rows of whole bytes with their offsets, the
// bytes that differ marked, and for text files a line diff. Shared by the OTA evidence and Compare two files.
import type { DiffResult } from '../../main/common/ota/types.js';

/** Bytes of one side, from the byte at `start` on. */
export interface Span {
  start: number;
  bytes: Uint8Array;
}

export interface ByteCell {
  hex: string;
  /** The byte as a character: printable ASCII as is, anything else as '.'. */
  ch: string;
  changed: boolean;
}

export interface HexRow {
  offset: number;
  left: Array<ByteCell | undefined>;
  right: Array<ByteCell | undefined>;
}

export function bytesOfHex(hex: string | undefined): Uint8Array | undefined {
  if (hex === undefined) return undefined;
  const digits = hex.replace(/[^0-9a-f]/gi, '');
  const out = new Uint8Array(digits.length >> 1);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(digits.slice(i * 2, i * 2 + 2), 16);
  return out;
}

const byteAt = (s: Span | undefined, offset: number) =>
  s && offset >= s.start && offset < s.start + s.bytes.length ? s.bytes[offset - s.start] : undefined;

// A byte the other side does not have at that offset (inserted, missing, past its end) is a change too.
const cellOf = (b: number | undefined, other: number | undefined): ByteCell | undefined =>
  b === undefined
    ? undefined
    : { hex: b.toString(16).padStart(2, '0'), ch: b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.', changed: other !== b };

/** Both spans in rows of `perRow` bytes aligned on offsets, from the lower start to the higher end. */
export function hexRows(left: Span | undefined, right: Span | undefined, perRow = 8): HexRow[] {
  const spans = [left, right].filter((s): s is Span => !!s && s.bytes.length > 0);
  if (!spans.length) return [];
  const from = Math.floor(Math.min(...spans.map((s) => s.start)) / perRow) * perRow;
  const to = Math.max(...spans.map((s) => s.start + s.bytes.length));
  const rows: HexRow[] = [];
  for (let offset = from; offset < to; offset += perRow) {
    const row: HexRow = { offset, left: [], right: [] };
    for (let i = offset; i < offset + perRow; i++) {
      const a = byteAt(left, i);
      const b = byteAt(right, i);
      row.left.push(cellOf(a, b));
      row.right.push(cellOf(b, a));
    }
    rows.push(row);
  }
  return rows;
}

const concat = (a: Uint8Array, b: Uint8Array | undefined) => {
  const out = new Uint8Array(a.length + (b?.length ?? 0));
  out.set(a);
  if (b) out.set(b, a.length);
  return out;
};

/**
 * The two sides of a report's byte diff, as much as its excerpts hold, each from the lead (the bytes before the
 * first difference, the same in both) on. Classes without bytes give neither.
 */
export function spansOfDiff(d: DiffResult): { copy?: Span; reference?: Span } {
  const lead = bytesOfHex(d.leadHex) ?? new Uint8Array(0);
  const from = (d.offset ?? 0) - lead.length;
  const side = (hex: string | undefined): Span => ({ start: from, bytes: concat(lead, bytesOfHex(hex)) });
  switch (d.class) {
    case 'different':
    case 'html-page':
    case 'substitution':
      return { copy: side(d.excerptHex), reference: side(d.referenceExcerptHex) };
    case 'insertion':
      return { copy: side(d.excerptHex), reference: side(undefined) };
    case 'deletion':
    case 'prefix':
      return { copy: side(undefined), reference: side(d.referenceExcerptHex) };
    case 'bom': {
      const bom = bytesOfHex(d.excerptHex);
      if (!bom) return {};
      return d.size > d.referenceSize ? { copy: { start: 0, bytes: bom } } : { reference: { start: 0, bytes: bom } };
    }
    case 'identical':
    case 'encoding-only':
    case 'line-endings':
    case 'whitespace':
      return {};
  }
}

const TEXT_EXTENSIONS = /\.(js|mjs|css|html?|json|map|txt|xml|svg)(?:$|[?#])/i;

export function isTextPath(path: string): boolean {
  return TEXT_EXTENSIONS.test(path);
}

export interface DiffLine {
  kind: 'same' | 'removed' | 'added';
  text: string;
}

const decoder = new TextDecoder('utf-8');

/** Bytes as text lines, line endings kept visible (␍ for a CR) so a CRLF change shows. */
export function linesOf(bytes: Uint8Array): string[] {
  return decoder.decode(bytes).replace(/\r/g, '\u240d').split('\n');
}

/** A line diff (longest common subsequence) of `reference` → `copy`: removed lines are only in `reference`. */
export function lineDiff(reference: string[], copy: string[]): DiffLine[] {
  const n = reference.length;
  const m = copy.length;
  // Excerpts are a few hundred bytes: the quadratic table is small.
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lcs[i]![j] = reference[i] === copy[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && reference[i] === copy[j]) {
      out.push({ kind: 'same', text: reference[i]! });
      i++;
      j++;
    } else if (i < n && (j >= m || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) {
      // On a tie the reference's line goes first: "−" above "+", as diff -u writes a changed line.
      out.push({ kind: 'removed', text: reference[i++]! });
    } else {
      out.push({ kind: 'added', text: copy[j++]! });
    }
  }
  return out;
}

/** Offsets marked as changed on either side: "1 byte differs". */
export function changedCount(rows: HexRow[]): number {
  return rows.reduce(
    (n, r) => n + r.left.filter((c, i) => c?.changed || r.right[i]?.changed).length + r.right.filter((c, i) => c && !r.left[i]).length,
    0,
  );
}

/** Rows kept on each side of a change when the unchanged stretches between changes are folded. */
export const FOLD_CONTEXT = 2;

/** An item shown, or a stretch of `count` unchanged items folded away, from `first` on. */
export type Folded<T> = { item: T; index: number } | { fold: number; first: number };

/**
 * The items with each stretch of unchanged ones farther than `context` from a change folded into one entry, so a
 * 1-byte change in a 256-byte excerpt shows as the few rows around it. Nothing is folded when nothing changed, and a
 * stretch of one is shown rather than folded (the fold's line would take its place).
 */
export function foldUnchanged<T>(items: T[], changed: (t: T) => boolean, context = FOLD_CONTEXT): Array<Folded<T>> {
  const near = new Array<boolean>(items.length).fill(false);
  let any = false;
  items.forEach((t, i) => {
    if (!changed(t)) return;
    any = true;
    for (let j = Math.max(0, i - context); j <= Math.min(items.length - 1, i + context); j++) near[j] = true;
  });
  if (!any) return items.map((item, index) => ({ item, index }));
  const out: Array<Folded<T>> = [];
  for (let i = 0; i < items.length;) {
    if (near[i]) {
      out.push({ item: items[i]!, index: i });
      i++;
      continue;
    }
    let end = i;
    while (end < items.length && !near[end]) end++;
    if (end - i === 1) out.push({ item: items[i]!, index: i });
    else out.push({ fold: end - i, first: i });
    i = end;
  }
  return out;
}

/** Whether a hex row holds a byte that differs from the other side. */
export const rowChanged = (r: HexRow): boolean => r.left.some((c) => c?.changed) || r.right.some((c) => c?.changed);
