// One hash job: what is hashed, how far it got, and each file's digests or error.
import { useId } from 'react';
import { cancelHash, reportUnexpected } from '../../actions/hash.js';
import { jobTitle } from '../../format.js';
import { strings } from '../../strings/index.js';
import type { HashJob } from '../../store/index.js';
import { FileDigests } from './FileDigests.js';
import { JobProgress } from './JobProgress.js';

export function HashCard({ job }: { job: HashJob }) {
  const titleId = useId();
  const title = jobTitle(job.paths);
  const running = job.status === 'running';
  return (
    <article className="card" data-testid="hash-card" data-status={job.status} aria-labelledby={titleId}>
      <div className="card-head">
        <h2 id={titleId} className="card-title">{title}</h2>
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
      {job.error && <p className="card-error" data-testid="card-error">{job.error}</p>}
      {job.files.map((file) => (
        <FileDigests key={file.path} file={file} />
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
