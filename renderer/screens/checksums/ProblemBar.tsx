// Above a finished run's lines: the counts of each kind, problems first, each a button that goes to the
// first entry of its kind; "Only problems"; and the problems copied or saved as text.
import { useState } from 'react';
import type { VerifyStatus } from '../../../main/common/hash-types.js';
import { copyText } from '../../actions/clipboard.js';
import { reportUnexpected } from '../../actions/unexpected.js';
import { strings } from '../../strings/index.js';
import { saveProblems } from './actions.js';
import { hasProblems, KINDS_PROBLEMS_FIRST, problemsText } from './problems.js';
import { runSummary, type VerifyRun } from './store.js';

const t = strings.checksums;

interface Props {
  run: VerifyRun;
  name: string;
  onlyProblems: boolean;
  setOnlyProblems(only: boolean): void;
  /** Shows and focuses the first entry of this kind. */
  jumpTo(kind: VerifyStatus): void;
}

export function ProblemBar({ run, name, onlyProblems, setOnlyProblems, jumpTo }: Props) {
  const [copied, setCopied] = useState(false);
  const [save, setSave] = useState<{ saving?: boolean; path?: string; error?: string }>({});
  const counts = runSummary(run);
  const problems = hasProblems(run);
  const kinds = KINDS_PROBLEMS_FIRST.filter((k) => counts[k] > 0);
  const onSave = async () => {
    setSave((before) => ({ path: before.path, saving: true }));
    const r = await saveProblems(run);
    // No path and no error: the dialog was closed, the last "saved to" stays true.
    setSave((before) => (r.path || r.error ? r : { path: before.path }));
  };
  return (
    <div className="checksum-tools">
      {kinds.length > 0 && (
        <nav className="checksum-jumps" aria-label={t.jumpsLabel(name)}>
          {kinds.map((k) => (
            <button
              key={k}
              type="button"
              className={`checksum-jump checksum-${k}`}
              data-testid={`checksum-jump-${k}`}
              onClick={() => jumpTo(k)}
            >
              {t.counts[k](counts[k])}
            </button>
          ))}
        </nav>
      )}
      {problems && (
        <div className="checksum-actions">
          <label>
            <input
              type="checkbox"
              data-testid="checksum-only-problems"
              checked={onlyProblems}
              onChange={(e) => setOnlyProblems(e.target.checked)}
            />
            {t.onlyProblems}
          </label>
          <button
            type="button"
            data-testid="checksum-copy-problems"
            onClick={() => void copyText(problemsText(run)).then(setCopied, reportUnexpected)}
          >
            {copied ? t.copied : t.copyProblems}
          </button>
          <button
            type="button"
            data-testid="checksum-save-problems"
            disabled={save.saving}
            onClick={() => void onSave().catch(reportUnexpected)}
          >
            {save.saving ? t.savingProblems : t.saveProblems}
          </button>
          {save.path && (
            <span className="file-note" role="status" data-testid="checksum-problems-saved">
              {t.savedProblems(save.path)}
            </span>
          )}
          {save.error && (
            <span className="card-error" role="alert" data-testid="checksum-problems-error">
              {save.error}
            </span>
          )}
        </div>
      )}
    </div>
  );
}
