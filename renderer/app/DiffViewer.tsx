// Two byte spans side by side: rows of whole bytes (never cut inside one) with their offsets, the bytes that
// differ marked, and for text files a line diff. Used by the OTA evidence panel and by Compare two files.
import { Fragment, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { strings } from '../strings/index.js';
import { changedCount, foldUnchanged, hexRows, lineDiff, linesOf, rowChanged, type ByteCell, type Span } from './diff-model.js';
import './diff-viewer.css';

const d = strings.diff;

export interface DiffSide {
  label: string;
  span?: Span;
}

interface Props {
  left: DiffSide;
  right: DiffSide;
  /** Add a line diff (js, css, html, json…). */
  text?: boolean;
  note?: string;
}

function Bytes({ cells, as }: { cells: Array<ByteCell | undefined>; as: 'hex' | 'ch' }) {
  return (
    <>
      {cells.map((c, i) => {
        const sep = as === 'hex' && i > 0 ? ' ' : '';
        if (!c)
          return (
            <Fragment key={i}>
              {sep}
              <span className="diff-absent">{as === 'hex' ? '  ' : ' '}</span>
            </Fragment>
          );
        const shown = as === 'hex' ? c.hex : c.ch;
        return (
          <Fragment key={i}>
            {sep}
            {c.changed ? (
              <mark className="diff-changed" data-testid="diff-changed">
                {shown}
              </mark>
            ) : (
              shown
            )}
          </Fragment>
        );
      })}
    </>
  );
}

/** Bytes per row: 8, or 4 when 8 would not fit the box beside each other (a narrow panel, 200% zoom). */
const WIDE = 8;
const NARROW = 4;

/**
 * The bytes per row that fit the scroll box: no side is cut off or scrolled to. Measured, not guessed from the width:
 * 8 is tried again only when the box grows past the width where it did not fit.
 */
function useBytesPerRow(): [RefObject<HTMLDivElement | null>, number] {
  const box = useRef<HTMLDivElement>(null);
  const [perRow, setPerRow] = useState(WIDE);
  const tooNarrowAt = useRef<number | undefined>(undefined);
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const fit = () => {
      const width = el.clientWidth;
      if (!width) return; // not laid out (jsdom, hidden)
      if (perRow === WIDE && el.scrollWidth > width) {
        tooNarrowAt.current = width;
        setPerRow(NARROW);
      } else if (perRow === NARROW && tooNarrowAt.current !== undefined && width > tooNarrowAt.current) setPerRow(WIDE);
    };
    fit();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(fit);
    observer.observe(el);
    return () => observer.disconnect();
  }, [perRow]);
  return [box, perRow];
}

/** The button that unfolds every stretch of unchanged rows or lines (one click shows them all, on both views). */
function Unfold({ count, what, onClick }: { count: number; what: 'rows' | 'lines'; onClick: () => void }) {
  return (
    <button type="button" className="diff-unfold" data-testid="diff-unfold" onClick={onClick}>
      {d.unfold(count, what)}
    </button>
  );
}

export function DiffViewer({ left, right, text, note }: Props) {
  const [box, perRow] = useBytesPerRow();
  // Unchanged stretches far from a change are folded: the change and a little around it is what is read first.
  const [unfolded, setUnfolded] = useState(false);
  const rows = hexRows(left.span, right.span, perRow);
  if (!rows.length) return null;
  // − for lines only on the left, + for lines only on the right (the right copy, or the first file, on the left).
  const lines = text ? lineDiff(left.span ? linesOf(left.span.bytes) : [], right.span ? linesOf(right.span.bytes) : []) : [];
  const changed = changedCount(rows);
  const shownRows = unfolded ? rows.map((item, index) => ({ item, index })) : foldUnchanged(rows, rowChanged);
  const shownLines = unfolded ? lines.map((item, index) => ({ item, index })) : foldUnchanged(lines, (l) => l.kind !== 'same');
  const unfold = () => setUnfolded(true);
  return (
    <figure className="diff-view" data-testid="diff-view">
      <figcaption>
        <strong>{d.title}</strong> {d.changed(changed)} {d.legend}
        {note && <span className="diff-note"> {note}</span>}
      </figcaption>
      <div ref={box} className="diff-scroll" tabIndex={0} role="region" aria-label={d.label(left.label, right.label)}>
        <table className="diff-hex" data-testid="diff-hex">
          <thead>
            <tr>
              <th scope="col" rowSpan={2}>
                {d.offset}
              </th>
              <th scope="colgroup" colSpan={2}>
                {left.label}
              </th>
              <th scope="colgroup" colSpan={2}>
                {right.label}
              </th>
            </tr>
            <tr>
              <th scope="col">{d.hex}</th>
              <th scope="col">{d.text}</th>
              <th scope="col">{d.hex}</th>
              <th scope="col">{d.text}</th>
            </tr>
          </thead>
          <tbody>
            {shownRows.map((x) =>
              'fold' in x ? (
                <tr key={`f${x.first}`} className="diff-fold">
                  <td colSpan={5}>
                    <Unfold count={x.fold} what="rows" onClick={unfold} />
                  </td>
                </tr>
              ) : (
                <tr key={x.item.offset}>
                  <th scope="row" className="diff-offset" data-testid="diff-offset" title={`0x${x.item.offset.toString(16)}`}>
                    {x.item.offset}
                  </th>
                  <td className="diff-bytes">
                    <Bytes cells={x.item.left} as="hex" />
                  </td>
                  <td className="diff-chars">
                    <Bytes cells={x.item.left} as="ch" />
                  </td>
                  <td className="diff-bytes diff-second">
                    <Bytes cells={x.item.right} as="hex" />
                  </td>
                  <td className="diff-chars">
                    <Bytes cells={x.item.right} as="ch" />
                  </td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      </div>
      {lines.length > 0 && (
        <div className="diff-scroll" tabIndex={0} role="region" aria-label={d.linesLabel(left.label, right.label)}>
          <ol className="diff-lines" data-testid="diff-lines">
            {shownLines.map((x) =>
              'fold' in x ? (
                <li key={`f${x.first}`} className="diff-fold">
                  <Unfold count={x.fold} what="lines" onClick={unfold} />
                </li>
              ) : (
                <li key={x.index} className={`diff-line-${x.item.kind}`} data-kind={x.item.kind}>
                  <span className="diff-line-mark" aria-hidden="true">
                    {d.lineMark[x.item.kind]}
                  </span>
                  <span className="visually-hidden">
                    {x.item.kind === 'same' ? d.sameLine : `${d.removed} ${x.item.kind === 'removed' ? left.label : right.label}`}:{' '}
                  </span>
                  <code>{x.item.text === '' ? ' ' : x.item.text}</code>
                </li>
              ),
            )}
          </ol>
        </div>
      )}
    </figure>
  );
}
