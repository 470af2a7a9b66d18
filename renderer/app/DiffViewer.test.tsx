// @vitest-environment jsdom
// The diff viewer folds the unchanged rows and lines far from a change, and one click shows them all.
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { useDom } from '../test-support/dom.js';
import { DiffViewer } from './DiffViewer.js';

const dom = useDom();
const enc = new TextEncoder();
// 16 lines of 16 bytes; line 8 differs by one byte in the copy.
const lines = Array.from({ length: 16 }, (_, i) => `line ${String(i).padStart(2, '0')} of text`.slice(0, 15));
const right = lines.join('\n') + '\n';
const copy = right.replace('line 08', 'line 0X');

describe('DiffViewer', () => {
  it('shows the change with two rows around it, folds the rest and unfolds it on a click', () => {
    dom.render(
      <DiffViewer
        left={{ label: 'the right copy', span: { start: 0, bytes: enc.encode(right) } }}
        right={{ label: 'this copy', span: { start: 0, bytes: enc.encode(copy) } }}
        text
      />,
    );
    const at = right.indexOf('line 08') + 6;
    const offsets = dom.$$('[data-testid="diff-offset"]').map((o) => Number(o.textContent));
    const changedRow = Math.floor(at / 8) * 8;
    expect(offsets).toEqual([changedRow - 16, changedRow - 8, changedRow, changedRow + 8, changedRow + 16]);
    expect(dom.$$('[data-testid="diff-changed"]').map((m) => m.textContent)).toEqual(['38', '8', '58', 'X']);
    const folds = dom.$$('[data-testid="diff-unfold"]').map((b) => b.textContent);
    const rows = Math.ceil(right.length / 8);
    expect(folds).toContain(`Show ${changedRow / 8 - 2} unchanged rows`);
    expect(folds).toContain(`Show ${rows - changedRow / 8 - 3} unchanged rows`);
    expect(folds).toContain('Show 6 unchanged lines');
    // The line diff: the changed line on each side, two lines of context, the rest folded.
    expect(dom.$$('[data-testid="diff-lines"] li[data-kind]').map((l) => l.dataset.kind)).toEqual([
      'same',
      'same',
      'removed',
      'added',
      'same',
      'same',
    ]);
    act(() => dom.$<HTMLButtonElement>('[data-testid="diff-unfold"]')!.click());
    expect(dom.$$('[data-testid="diff-unfold"]')).toHaveLength(0);
    expect(dom.$$('[data-testid="diff-offset"]')).toHaveLength(rows);
    expect(dom.$$('[data-testid="diff-lines"] li[data-kind]')).toHaveLength(lines.length + 2);
  });
});
