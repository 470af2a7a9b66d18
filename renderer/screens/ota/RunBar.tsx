// Run and Cancel, the progress of the check, and a failed run's error right next to the button.
import { useEffect, useRef } from 'react';
import { reportUnexpected } from '../../actions/unexpected.js';
import { strings } from '../../strings/index.js';
import { cancelCheck } from './actions.js';
import { useOta, type OtaProgress } from './store.js';

const s = strings.ota.run;

function progressText(p: OtaProgress | undefined): string {
  if (!p) return s.starting;
  if (p.phase === 'resources') return s.checking(p.done, p.total);
  return s.phases[p.phase] ?? p.phase;
}

export function RunBar({ hasErrors }: { hasErrors: boolean }) {
  const job = useOta((st) => st.job);
  const runError = useOta((st) => st.runError);
  const runNote = useOta((st) => st.runNote);
  const hasReport = useOta((st) => st.report !== undefined);
  const runButton = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const running = job !== undefined;

  useEffect(() => {
    // Run is disabled while the check runs: keep the keyboard next to it, on Cancel, then back on Run.
    if (running) cancelButton.current?.focus();
    else if (document.activeElement === document.body || document.activeElement === null) runButton.current?.focus();
  }, [running]);

  const p = job?.progress;
  const value = p?.phase === 'resources' && p.total > 0 ? Math.round((p.done / p.total) * 100) : undefined;
  return (
    <div className="ota-run">
      <div className="toolbar">
        <button type="submit" className="primary" data-testid="ota-run" ref={runButton} disabled={running}>
          {s.run}
        </button>
        {running && (
          <button
            type="button"
            data-testid="ota-cancel"
            ref={cancelButton}
            disabled={job.cancelRequested}
            onClick={() => void cancelCheck().catch(reportUnexpected)}
          >
            {job.cancelRequested ? s.cancelling : s.cancel}
          </button>
        )}
      </div>
      {running && (
        <div className="ota-progress" data-testid="ota-progress">
          <progress max={100} value={value} aria-label={s.progressLabel} />
          <p className="ota-progress-text" role="status">
            {progressText(p)}
          </p>
        </div>
      )}
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
      {runNote && (
        <p className="ota-muted" role="status" data-testid="ota-run-note">
          {runNote}
        </p>
      )}
    </div>
  );
}
