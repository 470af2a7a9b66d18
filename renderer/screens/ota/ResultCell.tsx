// One cell of the side-by-side table: a button (Enter or a click opens the evidence), the short value and
// a mark that does not rely on colour. The full value is in the title and goes to the clipboard on Ctrl+C.
import { memo } from 'react';
import { strings } from '../../strings/index.js';
import type { Cell, CellEntry } from './table-model.js';

const t = strings.ota.table;

function entryTitle(e: CellEntry): string {
  const notes = [
    t.markWords[e.match],
    e.reason,
    e.samples.length ? t.samples(e.samples) : e.count > 1 ? t.times(e.count) : undefined,
  ].filter(Boolean);
  return `${e.label ? `${e.label}: ` : ''}${e.full ?? e.shown}${(e.full ?? e.shown) ? ' — ' : ''}${notes.join(', ')}`;
}

/** Sample numbers only when the samples disagree: then each distinct copy says which samples gave it. */
function Entry({ e, several }: { e: CellEntry; several: boolean }) {
  const note = several && e.samples.length ? t.samples(e.samples) : undefined;
  return (
    <span className="ota-entry">
      {e.label && <span className="ota-entry-label">{e.label}: </span>}
      {e.shown && <code className="ota-hash">{e.shown}</code>}
      <span className={`ota-mark ota-mark-${e.match}`} aria-hidden="true">
        {t.marks[e.match]}
      </span>
      <span className="visually-hidden">{t.markWords[e.match]}</span>
      {e.reason && <span className="ota-reason">{e.reason}</span>}
      {note && <span className="ota-samples">{note}</span>}
    </span>
  );
}

interface Props {
  cell: Cell;
  row: number;
  col: number;
  selected: boolean;
  /** A frontend in the compact group: the mark only; the value and the detail are in the title and the evidence. */
  compact?: boolean;
  onOpen(row: number, col: number): void;
}

function Mark({ match }: { match: Cell['match'] }) {
  return (
    <span className="ota-entry">
      <span className={`ota-mark ota-mark-${match}`} aria-hidden="true">
        {t.marks[match]}
      </span>
      <span className="visually-hidden">{t.markWords[match]}</span>
    </span>
  );
}

export const ResultCell = memo(function ResultCell({ cell, row, col, selected, compact, onOpen }: Props) {
  const title = cell.entries.length ? cell.entries.map(entryTitle).join('\n') : t.markWords.none;
  return (
    <button
      type="button"
      className={`ota-cell ota-cell-${cell.match}${compact ? ' ota-cell-compact' : ''}`}
      data-testid="ota-cell"
      data-source={cell.column.key}
      data-match={cell.match}
      data-row={row}
      data-col={col}
      aria-haspopup="dialog"
      aria-expanded={selected}
      aria-keyshortcuts="Control+C"
      title={title}
      aria-label={compact ? `${cell.column.heading}: ${t.markWords[cell.match]}` : undefined}
      onClick={() => onOpen(row, col)}
    >
      {compact || !cell.entries.length ? (
        <Mark match={cell.match} />
      ) : (
        cell.entries.map((e, i) => <Entry key={i} e={e} several={cell.entries.length > 1} />)
      )}
    </button>
  );
});
