// The pasted log and, under it, the lines the check will use: read with the same parser main uses.
import { useDeferredValue, useId, useMemo } from 'react';
import { strings } from '../../strings/index.js';
import { readLog } from './form-model.js';
import { useOta } from './store.js';

/** A pasted log can hold thousands of entries: the list shows the first ones and counts the rest. */
const MAX_LISTED = 300;
const s = strings.ota.log;

export function LogInput() {
  const id = useId();
  const logText = useOta((st) => st.form.logText);
  const setField = useOta((st) => st.setField);
  // Parsing a large paste on every keystroke would lag the typing: parse the deferred copy.
  const deferred = useDeferredValue(logText);
  const log = useMemo(() => readLog(deferred), [deferred]);
  return (
    <div className="ota-field">
      <label htmlFor={id}>{s.label}</label>
      <p id={`${id}-hint`} className="ota-hint">
        {s.hint}
      </p>
      <textarea
        id={id}
        data-testid="ota-log"
        rows={6}
        spellCheck={false}
        aria-describedby={`${id}-hint`}
        value={logText}
        onChange={(e) => setField('logText', e.target.value)}
      />
      {deferred.trim() !== '' && (
        <div className="ota-log-read">
          {/* Only the count is live: the list itself would be read out in full on every paste. */}
          <p className="ota-muted" aria-live="polite">
            {s.recognised(log.entries.length)}
            {log.named.length > 0 && `${s.separator}${s.names(log.named.length)}`}
          </p>
          <ul className="ota-log-lines" data-testid="ota-log-lines">
            {log.entries.slice(0, MAX_LISTED).map((e) => (
              <li key={`${e.line}-${e.kind}`} className={`ota-log-${e.severity}`}>
                <span className="ota-log-title">{s.entry(e.line, e.title)}</span>
                {e.path && <code className="ota-mono">{e.path}</code>}
              </li>
            ))}
          </ul>
          {log.entries.length > MAX_LISTED && <p className="ota-muted">{s.more(log.entries.length - MAX_LISTED)}</p>}
          {log.unrecognised > 0 && (
            <p className="ota-muted" data-testid="ota-log-unrecognised">
              {s.unrecognised(log.unrecognised)}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
