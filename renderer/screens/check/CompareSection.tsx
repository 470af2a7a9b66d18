// Compare two files: pick or drop both, compare, and see either "identical" or the first differing byte with
// the bytes around it in both files, in the same side-by-side viewer as the OTA evidence.
import './compare.css';
import { useId, type DragEvent } from 'react';
import type { ByteWindow } from '../../../main/common/byte-window.js';
import type { CompareResult } from '../../../main/common/hash-types.js';
import { reportUnexpected } from '../../actions/unexpected.js';
import { bytesOfHex, isTextPath } from '../../app/diff-model.js';
import { DiffViewer } from '../../app/DiffViewer.js';
import { fileName } from '../../format.js';
import { strings } from '../../strings/index.js';
import { cancelCompare, dropCompareFiles, pickCompareFile, runCompare } from './compare.js';
import { useCheckScreen } from './store.js';

const t = strings.check.compare;

/** Drag and drop of files onto one element: kept from the window's drop (which would hash them). */
function dropProps(onFiles: (files: File[]) => void) {
  const carries = (e: DragEvent) => e.dataTransfer?.types.includes('Files') ?? false;
  return {
    onDragOver: (e: DragEvent) => {
      if (!carries(e)) return;
      e.preventDefault();
      e.stopPropagation();
      e.dataTransfer.dropEffect = 'copy';
    },
    onDrop: (e: DragEvent) => {
      if (!carries(e)) return;
      e.preventDefault();
      e.stopPropagation();
      onFiles([...e.dataTransfer.files]);
    },
  };
}

const span = (w: ByteWindow) => ({ start: w.start, bytes: bytesOfHex(w.hex)! });

function ResultView({ a, b, value }: { a: string; b: string; value: CompareResult }) {
  return (
    <div className={`compare-result ${value.equal ? 'compare-same' : 'compare-differ'}`} data-testid="compare-result">
      <p className="compare-pair">
        {t.chosenA(fileName(a))}
        {strings.card.separator}
        {t.chosenB(fileName(b))}
      </p>
      <p className="compare-verdict" data-testid="compare-verdict">
        {value.equal ? t.identical(value.sizes[0]) : t.differ(value.offset ?? 0)}
      </p>
      {!value.equal && <p className="compare-sizes">{t.sizes(value.sizes[0], value.sizes[1])}</p>}
      {value.windows && (
        <DiffViewer
          left={{ label: t.first(fileName(a)), span: span(value.windows[0]) }}
          right={{ label: t.second(fileName(b)), span: span(value.windows[1]) }}
          text={isTextPath(a) && isTextPath(b)}
          note={t.windowNote(value.windows[0].start)}
        />
      )}
    </div>
  );
}

function Pick({ which, path, disabled }: { which: 'a' | 'b'; path: string | undefined; disabled: boolean }) {
  return (
    <div
      className="compare-pick"
      data-testid={`compare-drop-${which}`}
      {...dropProps((files) => void dropCompareFiles(files, which).catch(reportUnexpected))}
    >
      <button
        type="button"
        data-testid={`compare-pick-${which}`}
        disabled={disabled}
        onClick={() => void pickCompareFile(which).catch(reportUnexpected)}
      >
        {which === 'a' ? t.pickA : t.pickB}
      </button>
      <span className="compare-name" data-testid={`compare-name-${which}`} title={path}>
        {path ? fileName(path) : t.noneChosen}
      </span>
    </div>
  );
}

export function CompareSection() {
  const headingId = useId();
  const c = useCheckScreen((s) => s.compare);
  const running = c.jobId !== undefined;
  return (
    <section
      className="compare"
      data-testid="compare"
      aria-labelledby={headingId}
      {...dropProps((files) => void dropCompareFiles(files).catch(reportUnexpected))}
    >
      <h2 id={headingId}>{t.title}</h2>
      <p className="hint">{t.intro}</p>
      <div className="compare-picks">
        <Pick which="a" path={c.a} disabled={running} />
        <Pick which="b" path={c.b} disabled={running} />
        <div className="toolbar">
          <button
            type="button"
            className="primary"
            data-testid="compare-run"
            disabled={!c.a || !c.b || running}
            onClick={() => void runCompare().catch(reportUnexpected)}
          >
            {running ? t.running : t.run}
          </button>
          {running && (
            <button
              type="button"
              data-testid="compare-cancel"
              disabled={c.cancelRequested}
              onClick={() => void cancelCompare().catch(reportUnexpected)}
            >
              {t.cancel}
            </button>
          )}
        </div>
      </div>
      <div aria-live="polite">
        {c.error && (
          <p className="card-error" data-testid="compare-error">
            {c.error}
          </p>
        )}
        {c.cancelled && <p className="file-note">{t.cancelled}</p>}
        {c.result && <ResultView {...c.result} />}
      </div>
    </section>
  );
}
