// Thousands of files in a card: one fixed-height row each (status, name, size, the digest of the
// algorithm shown), and only the rows in view are in the page. A row opens the file's digests under
// the list; a paste that matches scrolls its file into view.
import './file-list.css';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { AlgorithmId } from '../../../main/common/algorithms.js';
import type { FileHashResult } from '../../../main/common/hash-types.js';
import { displayDigest, fileName, formatBytes } from '../../format.js';
import { strings } from '../../strings/index.js';
import { useWorkbench } from '../../store/index.js';

const t = strings.card.list;
/** One height per row (check.css .file-row): the rows in view are computed from it. */
export const ROW_HEIGHT = 36;
const OVERSCAN = 6;

export interface FileListProps {
  label: string;
  files: readonly FileHashResult[];
  /** Unset when no file has a digest (all failed). */
  shown?: AlgorithmId;
  open?: string;
  /** The paths a paste matched: marked, and the first one scrolled into view. */
  matched: ReadonlySet<string>;
  scrollTo?: string;
  onOpen(path: string): void;
  onRemove(path: string): void;
}

function statusOf(file: FileHashResult): keyof typeof t.status {
  if (!file.error) return 'done';
  return file.error.code === 'CANCELLED' ? 'cancelled' : 'failed';
}

function Row({
  file,
  top,
  ...p
}: { file: FileHashResult; top: number } & Omit<FileListProps, 'files' | 'label' | 'scrollTo' | 'matched'> & {
    matched: boolean;
  }) {
  const encoding = useWorkbench((s) => s.encoding);
  const name = fileName(file.path);
  const status = statusOf(file);
  const [mark, word] = t.status[status];
  const hex = p.shown === undefined ? undefined : file.digests?.[p.shown];
  return (
    <li
      className="file-row"
      data-testid="file-result"
      data-path={file.path}
      data-status={status}
      data-match={p.matched ? 'true' : undefined}
      aria-current={p.open === file.path ? 'true' : undefined}
      style={{ top }}
    >
      <span className={`file-status file-status-${status}`} title={word}>
        <span aria-hidden="true">{mark}</span>
        <span className="visually-hidden">{word}</span>
      </span>
      <button type="button" className="file-open" title={file.path} aria-label={t.open(name)} onClick={() => p.onOpen(file.path)}>
        {name}
      </button>
      <span className="file-size">{file.size !== undefined ? formatBytes(file.size) : ''}</span>
      {file.error ? (
        <span className="file-row-error" data-testid="file-error" title={file.error.message}>
          {file.error.message}
        </span>
      ) : (
        <code className="digest-value file-row-digest" data-testid="digest-value" title={hex}>
          {hex === undefined ? t.noDigest : displayDigest(hex, encoding)}
        </code>
      )}
      <button type="button" className="file-remove" aria-label={t.removeLabel(name)} onClick={() => p.onRemove(file.path)}>
        ×
      </button>
    </li>
  );
}

export function FileList({ label, files, scrollTo, matched, ...rest }: FileListProps) {
  const box = useRef<HTMLDivElement>(null);
  const [top, setTop] = useState(0);
  const [view, setView] = useState(ROW_HEIGHT * 12);
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = () => setView(el.clientHeight || ROW_HEIGHT * 12);
    measure();
    const observer = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(measure);
    observer?.observe(el);
    return () => observer?.disconnect();
  }, []);
  useEffect(() => {
    const el = box.current;
    const index = scrollTo === undefined ? -1 : files.findIndex((f) => f.path === scrollTo);
    if (!el || index < 0) return;
    const rowTop = index * ROW_HEIGHT;
    if (rowTop < el.scrollTop || rowTop + ROW_HEIGHT > el.scrollTop + el.clientHeight) {
      // A third down the box: the box itself may run past the window's bottom edge.
      el.scrollTop = Math.max(0, rowTop - el.clientHeight / 3);
      setTop(el.scrollTop);
    }
  }, [scrollTo, files]);
  const first = Math.max(0, Math.floor(top / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(files.length, Math.ceil((top + view) / ROW_HEIGHT) + OVERSCAN);
  return (
    <div
      className="file-scroll"
      ref={box}
      data-testid="file-list"
      // A short list takes only its rows' height; a long one its box's (file-list.css).
      style={{ maxHeight: files.length * ROW_HEIGHT + 2 }}
      onScroll={(e) => setTop(e.currentTarget.scrollTop)}
    >
      <ol className="file-rows" aria-label={label} style={{ height: files.length * ROW_HEIGHT }}>
        {files.slice(first, last).map((file, i) => (
          <Row key={file.path} file={file} top={(first + i) * ROW_HEIGHT} matched={matched.has(file.path)} {...rest} />
        ))}
      </ol>
    </div>
  );
}
