// Step 2: the error message the customer can find, read here to confirm what it says in plain words.
import { useId, useMemo } from 'react';
import { strings } from '../../strings/index.js';
import { ErrorPicture } from './ErrorPicture.js';
import { summariseLog, type LogSummary } from './log-summary.js';
import { setLogText, useCustomer } from './store.js';
import { displayPath } from './words.js';

const s = strings.customer.error;
const SHOWN = 5;

function summaryText(summary: LogSummary): string | undefined {
  switch (summary.kind) {
    case 'empty':
      return undefined;
    case 'tooLong':
      return s.tooLong;
    case 'noFile':
      return s.foundNoFile;
    case 'unrecognised':
      return s.notRecognised;
    case 'files': {
      const names = summary.files.map(displayPath);
      const more = names.length - SHOWN;
      return s.found(names.slice(0, SHOWN)) + (more > 0 ? s.foundMore(more) : '');
    }
  }
}

export function ErrorStep() {
  const ids = { hint: useId(), where: useId(), skip: useId(), summary: useId(), field: useId() };
  const logText = useCustomer((st) => st.logText);
  const summary = useMemo(() => summariseLog(logText), [logText]);
  const text = summaryText(summary);
  return (
    <div className="customer-body">
      <div className="customer-field">
        <label htmlFor={ids.field} className="customer-label">
          {s.label}
        </label>
        <p id={ids.hint} className="customer-hint">
          {s.hint}
        </p>
        <textarea
          id={ids.field}
          data-testid="customer-log"
          rows={6}
          value={logText}
          spellCheck={false}
          aria-describedby={`${ids.hint} ${ids.summary}`}
          aria-invalid={summary.kind === 'tooLong' ? true : undefined}
          onChange={(e) => setLogText(e.target.value)}
        />
        <div id={ids.summary} aria-live="polite">
          {text !== undefined && (
            <p
              data-testid="customer-log-summary"
              data-kind={summary.kind}
              className={
                summary.kind === 'tooLong'
                  ? 'customer-field-error'
                  : summary.kind === 'files'
                    ? 'customer-ok customer-wrap'
                    : 'customer-note'
              }
            >
              {text}
            </p>
          )}
        </div>
      </div>
      <p id={ids.where}>{s.where}</p>
      <ErrorPicture />
      <p id={ids.skip} className="customer-note">
        {s.skip}
      </p>
    </div>
  );
}
