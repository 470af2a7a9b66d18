// One hash job: what is hashed, how far it got, each file's digests or error, and once finished a
// box to paste a hash into and see which digest it matches.
import { useId, useMemo } from 'react';
import { reportUnexpected } from '../../actions/unexpected.js';
import { cancelHash } from './actions.js';
import { jobTitle } from '../../format.js';
import { strings } from '../../strings/index.js';
import { FileDigests } from './FileDigests.js';
import { JobProgress } from './JobProgress.js';
import { matchedIn, matchPaste } from './paste-match.js';
import { PasteBox } from './PasteBox.js';
import { useCheckScreen, type HashJob } from './store.js';

export function HashCard({ job }: { job: HashJob }) {
  const titleId = useId();
  const title = jobTitle(job.paths);
  const running = job.status === 'running';
  const pasted = useCheckScreen((s) => s.pastes[job.jobId] ?? '');
  const setPaste = useCheckScreen((s) => s.setPaste);
  const outcome = useMemo(() => matchPaste(pasted, job.files), [pasted, job.files]);
  const hashed = job.files.filter((f) => f.digests && Object.keys(f.digests).length > 0);
  return (
    <article className="card" data-testid="hash-card" data-status={job.status} aria-labelledby={titleId}>
      <div className="card-head">
        <h2 id={titleId} className="card-title">
          {title}
        </h2>
        <span className={`badge badge-${job.status}`} role="status" data-testid="card-status">
          {strings.card.status[job.status]}
        </span>
        {running && (
          <button type="button" disabled={job.cancelRequested} onClick={() => void cancelHash(job.jobId).catch(reportUnexpected)}>
            {strings.card.cancel}
          </button>
        )}
      </div>
      {running && <JobProgress title={title} progress={job.progress} />}
      {job.error && (
        <p className="card-error" data-testid="card-error">
          {job.error}
        </p>
      )}
      {!running && hashed.length > 0 && (
        <PasteBox text={pasted} outcome={outcome} manyFiles={hashed.length > 1} onChange={(text) => setPaste(job.jobId, text)} />
      )}
      {job.files.map((file) => (
        <FileDigests key={file.path} file={file} matched={matchedIn(outcome, file.path)} />
      ))}
      {job.skipped.length > 0 && (
        <details className="skipped">
          <summary>{strings.card.skipped(job.skipped.length)}</summary>
          <ul>
            {job.skipped.map((s) => (
              <li key={s.path}>{strings.card.skippedItem(s.path, s.reason)}</li>
            ))}
          </ul>
        </details>
      )}
    </article>
  );
}
