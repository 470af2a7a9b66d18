import { describe, expect, it } from 'vitest';
import { bytesOfHex, changedCount, foldUnchanged, hexRows, lineDiff, linesOf, rowChanged, spansOfDiff } from './diff-model.js';

const enc = (s: string) => new TextEncoder().encode(s);

describe('the diff viewer model', () => {
  it('sets a 1-byte substitution side by side in rows of whole bytes, offsets aligned, only that byte marked', () => {
    const rows = hexRows({ start: 16, bytes: enc('var a=1;var b=2;') }, { start: 16, bytes: enc('var a=1;var b=3;') });
    expect(rows.map((r) => r.offset)).toEqual([16, 24]);
    expect(rows[1]!.left.map((c) => c!.hex).join(' ')).toBe('76 61 72 20 62 3d 32 3b');
    expect(rows.flatMap((r) => r.left.filter((c) => c?.changed).map((c) => c!.ch))).toEqual(['2']);
    expect(rows.flatMap((r) => r.right.filter((c) => c?.changed).map((c) => c!.ch))).toEqual(['3']);
    expect(changedCount(rows)).toBe(1);
  });

  it('starts rows on a multiple of the row width and marks bytes the other side lacks', () => {
    const rows = hexRows({ start: 13, bytes: enc('abc') }, undefined);
    expect(rows.map((r) => r.offset)).toEqual([8]);
    expect(rows[0]!.left.map((c) => c?.ch ?? '_').join('')).toBe('_____abc');
    expect(rows[0]!.left.filter((c) => c?.changed)).toHaveLength(3);
    expect(rows[0]!.right.every((c) => c === undefined)).toBe(true);
  });

  it('takes the sides a report keeps for each kind of diff, each from the lead before the difference', () => {
    const base = { referenceSize: 10, size: 12, summary: '' };
    const bytes = (hex: string) => bytesOfHex(hex)!;
    expect(
      spansOfDiff({ ...base, class: 'insertion', offset: 4, leadHex: '6162', excerptHex: '3c 73', referenceExcerptHex: 'ff' }),
    ).toEqual({
      copy: { start: 2, bytes: bytes('61623c73') },
      reference: { start: 2, bytes: bytes('6162') },
    });
    expect(spansOfDiff({ ...base, class: 'prefix', offset: 9, referenceExcerptHex: '0a' })).toEqual({
      copy: { start: 9, bytes: bytes('') },
      reference: { start: 9, bytes: bytes('0a') },
    });
    const sub = spansOfDiff({ ...base, class: 'different', offset: 3, leadHex: '616263', excerptHex: '58', referenceExcerptHex: '64' });
    const rows = hexRows(sub.reference, sub.copy);
    expect(rows.flatMap((r) => r.left.filter((c) => c?.changed).map((c) => c!.ch))).toEqual(['d']);
    expect(spansOfDiff({ ...base, class: 'line-endings', offset: 3 })).toEqual({});
  });

  it('diffs text by lines, the right copy first, CR shown', () => {
    expect(lineDiff(linesOf(enc('a\nb\nc')), linesOf(enc('a\nB\r\nc')))).toEqual([
      { kind: 'same', text: 'a' },
      { kind: 'removed', text: 'b' },
      { kind: 'added', text: 'B\u240d' },
      { kind: 'same', text: 'c' },
    ]);
  });
});

describe('folding the unchanged stretches', () => {
  const shape = (f: ReturnType<typeof foldUnchanged<number>>) => f.map((x) => ('fold' in x ? `…${x.fold}@${x.first}` : String(x.item)));
  const changed = (n: number) => n === 1;

  it('keeps two rows on each side of a change and folds the rest', () => {
    const items = [0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0];
    expect(shape(foldUnchanged(items, changed))).toEqual(['…3@0', '0', '0', '1', '0', '0', '…4@8']);
  });

  it('folds nothing when nothing changed, and shows a stretch of one rather than folding it', () => {
    expect(shape(foldUnchanged([0, 0, 0, 0, 0, 0], changed))).toEqual(['0', '0', '0', '0', '0', '0']);
    expect(shape(foldUnchanged([0, 0, 0, 1], changed))).toEqual(['0', '0', '0', '1']);
  });

  it('keeps the stretch between two near changes whole', () => {
    expect(shape(foldUnchanged([1, 0, 0, 0, 0, 1], changed))).toEqual(['1', '0', '0', '0', '0', '1']);
    expect(shape(foldUnchanged([1, 0, 0, 0, 0, 0, 0, 1], changed))).toEqual(['1', '0', '0', '…2@3', '0', '0', '1']);
  });

  it('marks a hex row changed when either side has a differing or missing byte', () => {
    const enc = new TextEncoder();
    const rows = hexRows({ start: 0, bytes: enc.encode('aaaaaaaabbbbbbbbcc') }, { start: 0, bytes: enc.encode('aaaaaaaabbbbbxbb') });
    expect(rows.map(rowChanged)).toEqual([false, true, true]);
  });
});
