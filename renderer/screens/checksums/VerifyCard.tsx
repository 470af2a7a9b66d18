// One checksum file being verified: its lines as they are checked ("12 of 40"), then the summary, the
// counts and problem tools (ProblemBar), and the lines that could not be read. Every status is a text
// mark, colour only repeats it.
import { useId, useState } from 'react';
import { flushSync } from 'react-dom';
import { algorithmInfo } from '../../../main/common/algorithms.js';
import type { VerifyEntryResult, VerifyStatus } from '../../../main/common/hash-types.js';
import { reportUnexpected } from '../../actions/unexpected.js';
import { fileName } from '../../format.js';
import { strings } from '../../strings/index.js';
import { cancelVerify } from './actions.js';
import { isProblem } from './problems.js';
import { ProblemBar } from './ProblemBar.js';
import { receivedEntries, runSummary, type VerifyRun } from './store.js';

const t = strings.checksums;
const label = (id: Parameters<typeof algorithmInfo>[0]) => algorithmInfo(id).label;

function mark(e: VerifyEntryResult): string {
  return e.status === 'error' ? t.errorMark(e.error?.message ?? '') : t.marks[e.status];
}

/** What a mismatched line's file hashed to: one digest, or one per algorithm tried. */
function actualDigests(e: VerifyEntryResult): Array<{ key: string; text: string }> {
  const tried = e.algorithm ? [e.algorithm] : e.tried;
  return tried.flatMap((id) => {
    const hex = e.actual?.[id];
    return hex === undefined ? [] : [{ key: id, text: tried.length > 1 ? `${label(id)}: ${hex}` : hex }];
  });
}

function EntryRow({ entry: e, id }: { entry: VerifyEntryResult; id: string }) {
  const algorithm = e.algorithm ? label(e.algorithm) : t.algorithmOr(e.tried.map(label));
  return (
    <li id={id} tabIndex={-1} className={`checksum-row checksum-${e.status}`} data-testid="checksum-row" data-status={e.status}>
      <span className="checksum-mark" data-testid="checksum-mark">
        {mark(e)}
      </span>
      <span className="checksum-path">{e.path}</span>
      <span className="checksum-algorithm" data-testid="checksum-algorithm">
        {algorithm}
        {e.algorithmSource === 'digest-length' && ` ${t.byLength}`}
      </span>
      {e.status === 'mismatch' && (
        <dl className="checksum-digests">
          <dt>{t.expected}</dt>
          <dd>
            <code>{e.expected}</code>
          </dd>
          <dt>{t.actual}</dt>
          {actualDigests(e).map((d) => (
            <dd key={d.key}>
              <code>{d.text}</code>
            </dd>
          ))}
        </dl>
      )}
    </li>
  );
}

export function VerifyCard({ run }: { run: VerifyRun }) {
  const titleId = useId();
  const name = fileName(run.path);
  const running = run.status === 'running';
  const [onlyProblems, setOnlyProblems] = useState(false);
  const all = receivedEntries(run);
  const entries = onlyProblems && !running ? all.filter(isProblem) : all;
  const s = runSummary(run);
  const rowId = (line: number) => `${titleId}-line-${line}`;
  const jumpTo = (kind: VerifyStatus) => {
    const first = all.find((e) => e.status === kind);
    if (!first) return;
    // An OK line is hidden under "Only problems": show everything first.
    if (kind === 'ok' && onlyProblems) flushSync(() => setOnlyProblems(false));
    const row = document.getElementById(rowId(first.line));
    row?.scrollIntoView?.({ block: 'nearest' });
    row?.focus();
  };
  return (
    <article className="card" data-testid="checksum-card" data-status={run.status} aria-labelledby={titleId}>
      <div className="card-head">
        <h2 id={titleId} className="card-title">
          {name}
        </h2>
        <span className={`badge badge-${run.status}`} role="status" data-testid="checksum-status">
          {t.status[run.status]}
        </span>
        {running && (
          <button
            type="button"
            data-testid="checksum-cancel"
            aria-label={t.cancelLabel(name)}
            disabled={run.cancelRequested}
            onClick={() => void cancelVerify(run.jobId).catch(reportUnexpected)}
          >
            {t.cancel}
          </button>
        )}
      </div>
      <p className="file-path">{run.path}</p>
      {running && (
        <div className="job-progress">
          <progress max={run.total || 1} value={run.total ? all.length : undefined} aria-label={t.progressLabel(name)} />
          <p className="progress-text" data-testid="checksum-progress">
            {run.total ? t.progress(all.length, run.total) : t.starting}
          </p>
        </div>
      )}
      {run.error && (
        <p className="card-error" data-testid="checksum-error">
          {run.error}
        </p>
      )}
      {!running && run.status !== 'failed' && (
        <p className="checksum-summary" data-testid="checksum-summary">
          {t.summary(s.ok, s.mismatch, s.missing, s.error)}
        </p>
      )}
      {run.status === 'cancelled' && run.total !== undefined && <p className="file-note">{t.stoppedAfter(all.length, run.total)}</p>}
      {!running && run.status !== 'failed' && (
        <ProblemBar run={run} name={name} onlyProblems={onlyProblems} setOnlyProblems={setOnlyProblems} jumpTo={jumpTo} />
      )}
      {entries.length > 0 && (
        <ol className="checksum-rows" aria-label={t.entriesCaption(name)}>
          {entries.map((e) => (
            <EntryRow key={e.line} entry={e} id={rowId(e.line)} />
          ))}
        </ol>
      )}
      {run.problems.length > 0 && (
        <section className="checksum-problems">
          <h3>{t.problemsTitle(run.problems.length)}</h3>
          <ul>
            {run.problems.map((p) => (
              <li key={p.line}>
                <span data-testid="checksum-problem">{t.problem(p.line, p.reason)}</span>
                <code className="checksum-problem-text">{p.text}</code>
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}
