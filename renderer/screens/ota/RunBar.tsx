// Run and Cancel, the progress of the check, and a failed run's error right next to the button.
import { useEffect, useRef } from 'react';
import { strings } from '../../strings/index.js';
import { RunProgress } from './FormSummary.js';
import { useOta } from './store.js';

const s = strings.ota.run;

export function RunBar({ hasErrors }: { hasErrors: boolean }) {
  const running = useOta((st) => st.job !== undefined);
  const runError = useOta((st) => st.runError);
  const runNote = useOta((st) => st.runNote);
  const hasReport = useOta((st) => st.report !== undefined);
  const setEditing = useOta((st) => st.setEditing);
  // Folded, the summary line shows the progress and Cancel instead.
  const open = useOta((st) => st.editing);
  const runButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    // Run is disabled while the check runs (Cancel has the keyboard then): back on Run after it.
    if (!running && (document.activeElement === document.body || document.activeElement === null)) runButton.current?.focus();
  }, [running]);

  return (
    <div className="ota-run">
      <div className="toolbar">
        <button type="submit" className="primary" data-testid="ota-run" ref={runButton} disabled={running}>
          {s.run}
        </button>
        {hasReport && !running && (
          <button type="button" data-testid="ota-back" onClick={() => setEditing(false)}>
            {strings.result.summary.back}
          </button>
        )}
      </div>
      {open && <RunProgress focusCancel />}
      {hasErrors && !running && (
        <p className="ota-field-error" role="alert" data-testid="ota-form-error">
          {s.fixErrors}
        </p>
      )}
      {runError && (
        <div className="ota-run-error" role="alert" data-testid="ota-error">
          <p>{runError}</p>
          {hasReport && <p>{s.keptPrevious}</p>}
        </div>
      )}
      {runNote && open && (
        <p className="ota-muted" role="status" data-testid="ota-run-note">
          {runNote}
        </p>
      )}
    </div>
  );
}
