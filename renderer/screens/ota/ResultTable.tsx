// The side-by-side table, virtualised: a whole module is 2,000 rows of 8+ buttons, so only the rows in view
// (plus a margin) are in the DOM, with spacer rows for the rest. Rows have one fixed height, so the window
// is arithmetic. Tab and the arrow keys still reach every row: focusing a cell scrolls the container, and
// the scroll moves the window.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import type { ResourceVerdict } from '../../../main/common/ota/verdict.js';
import { copyText } from '../../actions/clipboard.js';
import { strings } from '../../strings/index.js';
import { ResultCell } from './ResultCell.js';
import './ota-table.css';
import { cellCopyText, cellOf, shortValue, type Cell, type Column } from './table-model.js';

/** CSS px; ota.css gives rows the same height. */
export const ROW_HEIGHT = 48;
/** Rows kept above and below the view, so Tab finds the next row already there. */
export const OVERSCAN = 8;
/** When the container cannot be measured (jsdom, before layout). */
const FALLBACK_VIEW = 600;

const t = strings.ota.table;

export interface CellRef {
  path: string;
  key: string;
}

interface Props {
  rows: ResourceVerdict[];
  columns: Column[];
  selected?: CellRef;
  onOpen(ref: CellRef): void;
  /** Focus this cell (scrolling it into the window first); `n` makes a repeat request a new one. */
  focusRequest?: CellRef & { n: number };
}

export function ResultTable({ rows, columns, selected, onOpen, focusRequest }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  // The top row, not the pixel offset: scrolling within a row then re-renders nothing.
  const [topRow, setTopRow] = useState(0);
  const setScrollTop = (px: number) => setTopRow(Math.floor(px / ROW_HEIGHT));
  // Cells computed once per row and column set, so memoised cells skip re-rendering as the window moves.
  const cache = useMemo(() => new WeakMap<ResourceVerdict, Cell[]>(), [columns]);
  const cellsOf = (r: ResourceVerdict): Cell[] => {
    let cells = cache.get(r);
    if (!cells) cache.set(r, (cells = columns.map((c) => cellOf(c, r))));
    return cells;
  };
  const [view, setView] = useState(FALLBACK_VIEW);
  const pending = useRef<{ row: number; col: number } | undefined>(undefined);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = () => setView(el.clientHeight || FALLBACK_VIEW);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const first = Math.max(0, topRow - OVERSCAN);
  const last = Math.min(rows.length, topRow + Math.ceil(view / ROW_HEIGHT) + OVERSCAN);

  const focusCell = useCallback(
    (row: number, col: number) => {
      const el = scroller.current;
      if (!el || row < 0 || row >= rows.length || col < 0 || col >= columns.length) return;
      const button = el.querySelector<HTMLElement>(`[data-row="${row}"][data-col="${col}"]`);
      if (button) return button.focus();
      // Not rendered: scroll it into the middle of the view, then focus it once it is drawn.
      pending.current = { row, col };
      const top = Math.max(0, row * ROW_HEIGHT - view / 2);
      el.scrollTop = top;
      setScrollTop(top);
    },
    [rows.length, columns.length, view],
  );

  useLayoutEffect(() => {
    const p = pending.current;
    if (!p) return;
    const button = scroller.current?.querySelector<HTMLElement>(`[data-row="${p.row}"][data-col="${p.col}"]`);
    if (button) {
      pending.current = undefined;
      button.focus();
    }
  });

  useEffect(() => {
    if (!focusRequest) return;
    focusCell(
      rows.findIndex((r) => r.path === focusRequest.path),
      columns.findIndex((c) => c.key === focusRequest.key),
    );
    // Only a new request moves focus, not a re-render with new rows.
  }, [focusRequest]);

  const open = useCallback(
    (row: number, col: number) => {
      const r = rows[row];
      const c = columns[col];
      if (r && c) onOpen({ path: r.path, key: c.key });
    },
    [rows, columns, onOpen],
  );

  const onKeyDown = (e: KeyboardEvent<HTMLTableSectionElement>) => {
    const target = e.target as HTMLElement;
    const row = Number(target.dataset.row);
    const col = Number(target.dataset.col);
    if (target.dataset.row === undefined || Number.isNaN(row) || Number.isNaN(col)) return;
    const page = Math.max(1, Math.floor(view / ROW_HEIGHT) - 1);
    const moves: Record<string, [number, number]> = {
      ArrowDown: [row + 1, col],
      ArrowUp: [row - 1, col],
      ArrowRight: [row, col + 1],
      ArrowLeft: [row, col - 1],
      PageDown: [Math.min(rows.length - 1, row + page), col],
      PageUp: [Math.max(0, row - page), col],
      Home: e.ctrlKey ? [0, col] : [row, 0],
      End: e.ctrlKey ? [rows.length - 1, col] : [row, columns.length - 1],
    };
    const move = moves[e.key];
    if (move) {
      e.preventDefault();
      return focusCell(move[0], move[1]);
    }
    const r = rows[row];
    const c = columns[col];
    if (r && c && (e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'c' && !window.getSelection()?.toString()) {
      e.preventDefault();
      const text = cellCopyText(cellsOf(r)[col] ?? cellOf(c, r));
      if (text) void copyText(text);
    }
  };

  const fronts = columns.filter((c) => c.frontend !== undefined);
  const others = columns.filter((c) => c.frontend === undefined);
  const grouped = fronts.length > 0;
  const head = useRef<HTMLTableSectionElement>(null);
  useLayoutEffect(() => {
    // The second header row sticks just under the first, whatever height the first one wraps to.
    const first = head.current?.rows[0];
    if (first) head.current!.style.setProperty('--ota-head1', `${first.getBoundingClientRect().height}px`);
  });
  const span = columns.length + 3;
  const edge = (c: Column) => `${c === fronts[0] ? ' ota-fe-first' : ''}${c === fronts[fronts.length - 1] ? ' ota-fe-last' : ''}`;
  const heading = (c: Column) => (
    <th
      scope="col"
      key={c.key}
      data-testid="ota-column"
      data-source={c.key}
      title={c.sub ? `${c.heading}: ${c.sub}` : c.heading}
      rowSpan={grouped && c.frontend === undefined ? 2 : undefined}
      className={c.frontend !== undefined ? `ota-fe-head${edge(c)}` : undefined}
    >
      <span className="ota-col-heading">{c.heading}</span>
      {c.sub && c.frontend === undefined && <span className="ota-col-sub">{c.sub}</span>}
    </th>
  );
  const rowSpan = grouped ? 2 : undefined;
  return (
    <div className="ota-table-scroll" ref={scroller} onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}>
      <table className="ota-table" data-testid="ota-table" aria-rowcount={rows.length + (grouped ? 2 : 1)} style={columnCounts(columns)}>
        <caption className="visually-hidden">{t.caption}</caption>
        <colgroup>
          <col className="ota-col-path" />
          <col className="ota-col-verdict" />
          <col className="ota-col-expected" />
        </colgroup>
        {grouped && (
          <colgroup className="ota-fe-group">
            {fronts.map((c) => (
              <col key={c.key} className="ota-col-fe" />
            ))}
          </colgroup>
        )}
        <colgroup>
          {others.map((c) => (
            <col key={c.key} className={c.key.startsWith('bypass') ? 'ota-col-bypass' : 'ota-col-copy'} />
          ))}
        </colgroup>
        <thead ref={head}>
          <tr aria-rowindex={1}>
            <th scope="col" rowSpan={rowSpan}>
              {t.resource}
            </th>
            <th scope="col" rowSpan={rowSpan}>
              {t.verdict}
            </th>
            <th scope="col" rowSpan={rowSpan} className="ota-expected-head" title={t.expected}>
              {strings.result.table.expected}
            </th>
            {grouped && (
              <th scope="colgroup" colSpan={fronts.length} className="ota-group-head">
                {strings.result.table.frontends}
              </th>
            )}
            {others.map(heading)}
          </tr>
          {grouped && <tr aria-rowindex={2}>{fronts.map(heading)}</tr>}
        </thead>
        <tbody onKeyDown={onKeyDown}>
          {first > 0 && (
            <tr className="ota-spacer" aria-hidden="true" style={{ height: first * ROW_HEIGHT }}>
              <td colSpan={span} />
            </tr>
          )}
          {rows.slice(first, last).map((r, i) => {
            const row = first + i;
            const cells = cellsOf(r);
            const td = (cell: Cell) => {
              const col = columns.indexOf(cell.column);
              return (
                <td key={cell.column.key} className={cell.column.frontend !== undefined ? `ota-fe${edge(cell.column)}` : undefined}>
                  <ResultCell
                    cell={cell}
                    row={row}
                    col={col}
                    compact={cell.column.frontend !== undefined}
                    selected={selected?.path === r.path && selected.key === cell.column.key}
                    onOpen={open}
                  />
                </td>
              );
            };
            return (
              <tr
                key={r.path}
                data-testid="ota-row"
                data-path={r.path}
                data-cause={r.cause}
                aria-rowindex={row + (grouped ? 3 : 2)}
                style={{ height: ROW_HEIGHT }}
              >
                <th scope="row" className="ota-path" title={r.path}>
                  <PathText path={r.path} />
                </th>
                <td
                  className={`ota-row-verdict ota-fault-${r.fault}`}
                  title={`${r.logged ? `${strings.result.table.logged}: ` : ''}${strings.ota.causes[r.cause] ?? r.cause}`}
                >
                  <span>
                    {r.logged && (
                      <>
                        <span className="ota-logged-mark" aria-hidden="true">
                          {strings.result.table.loggedMark}
                        </span>
                        <span className="visually-hidden">{strings.result.table.logged}: </span>
                      </>
                    )}
                    {strings.ota.causes[r.cause] ?? r.cause}
                  </span>
                </td>
                <td className="ota-expected" title={r.expected}>
                  {r.expected === undefined ? (
                    <span className="ota-muted">{t.notListed}</span>
                  ) : (
                    <code className="ota-hash">{r.versionTokenFile ? shortValue(r.expected, 12) : shortValue(r.expected)}</code>
                  )}
                </td>
                {cells.filter((c) => c.column.frontend !== undefined).map(td)}
                {cells.filter((c) => c.column.frontend === undefined).map(td)}
              </tr>
            );
          })}
          {last < rows.length && (
            <tr className="ota-spacer" aria-hidden="true" style={{ height: (rows.length - last) * ROW_HEIGHT }}>
              <td colSpan={span} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}

/** The counts ota-table.css sizes the table by (each column's width is there). */
function columnCounts(columns: Column[]): CSSProperties {
  const n = (pick: (c: Column) => boolean) => columns.filter(pick).length;
  const bypass = (c: Column) => c.frontend === undefined && c.key.startsWith('bypass');
  return {
    ['--ota-fe-n' as string]: n((c) => c.frontend !== undefined),
    ['--ota-bypass-n' as string]: n(bypass),
    ['--ota-copy-n' as string]: n((c) => c.frontend === undefined && !bypass(c)),
  };
}

/** A path cut in the middle: the folders shrink (with an ellipsis), the file name stays whole as long as it can. */
function PathText({ path }: { path: string }) {
  const cut = path.lastIndexOf('/') + 1;
  return (
    <span className="ota-path-text">
      <span className="ota-path-dir">{path.slice(0, cut)}</span>
      <span className="ota-path-file">{path.slice(cut)}</span>
    </span>
  );
}
