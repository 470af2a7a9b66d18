// Compare two files: pick both, compare, and see either "identical" or the first differing byte
// with the bytes around it in both files, side by side.
import './compare.css';
import { useId, type ReactNode } from 'react';
import type { ByteWindow } from '../../../main/common/byte-window.js';
import type { CompareResult } from '../../../main/common/hash-types.js';
import { reportUnexpected } from '../../actions/unexpected.js';
import { fileName } from '../../format.js';
import { strings } from '../../strings/index.js';
import { cancelCompare, pickCompareFile, runCompare } from './compare.js';
import { useCheckScreen } from './store.js';

const t = strings.check.compare;

/** The items, space-separated, with the one at `at` in a <mark> (the first differing byte). */
function marked(items: string[], at: number, separator: string): ReactNode[] {
  return items.map((item, i) => (
    <span key={i}>
      {i > 0 && separator}
      {i === at ? <mark>{item}</mark> : item}
    </span>
  ));
}

function WindowView({ which, window: w, offset }: { which: 'first' | 'second'; window: ByteWindow; offset: number }) {
  const at = offset - w.start;
  return (
    <figure className="byte-window" data-testid="compare-window">
      <figcaption>{t.windowTitle(which, w.start)}</figcaption>
      <p className="byte-row">
        <span className="byte-label">{t.hexLabel}</span>
        <code data-testid="compare-hex">{marked(w.hex.split(' ').filter(Boolean), at, ' ')}</code>
      </p>
      <p className="byte-row">
        <span className="byte-label">{t.textLabel}</span>
        <code data-testid="compare-text" className="byte-text">
          {marked([...w.text], at, '')}
        </code>
      </p>
    </figure>
  );
}

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
        <div className="byte-windows">
          <WindowView which="first" window={value.windows[0]} offset={value.offset ?? 0} />
          <WindowView which="second" window={value.windows[1]} offset={value.offset ?? 0} />
        </div>
      )}
    </div>
  );
}

function Pick({ which, path, disabled }: { which: 'a' | 'b'; path: string | undefined; disabled: boolean }) {
  return (
    <div className="compare-pick">
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
    <section className="compare" data-testid="compare" aria-labelledby={headingId}>
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
