// One hash job: what is hashed, its totals, and once finished a box to paste a hash into, then its
// files: each with all its digests when there are a few, else a compact list (one row per file with
// the digest of the algorithm shown) whose row opens the file's digests under it.
import { useEffect, useId, useMemo } from 'react';
import { ALGORITHMS, algorithmInfo, isAlgorithmId, type AlgorithmId } from '../../../main/common/algorithms.js';
import type { FileHashResult } from '../../../main/common/hash-types.js';
import { reportUnexpected } from '../../actions/unexpected.js';
import { jobTitle } from '../../format.js';
import { strings } from '../../strings/index.js';
import { cancelHash, saveCardChecksums } from './actions.js';
import { FileDigests } from './FileDigests.js';
import { FileList } from './FileList.js';
import { JobTotals } from './JobTotals.js';
import { matchedIn, matchPaste } from './paste-match.js';
import { PasteBox } from './PasteBox.js';
import { NEW_VIEW, useCheckScreen, type CardView, type HashJob } from './store.js';

const t = strings.card;
/** Up to this many files a card shows every digest of each; more get the compact list. */
export const GRID_LIMIT = 4;

const isFailure = (f: FileHashResult) => f.error !== undefined && f.error.code !== 'CANCELLED';

/** The algorithm the rows show: the user's pick, else SHA-256, else the first the files have. */
export function shownAlgorithm(computed: readonly AlgorithmId[], picked?: AlgorithmId): AlgorithmId | undefined {
  if (picked && computed.includes(picked)) return picked;
  return computed.includes('sha256') ? 'sha256' : computed[0];
}

function Toolbar({
  job,
  view,
  computed,
  shown,
  failures,
}: {
  job: HashJob;
  view: CardView;
  computed: AlgorithmId[];
  shown?: AlgorithmId;
  failures: number;
}) {
  const selectId = useId();
  const update = (change: Partial<CardView>) => useCheckScreen.getState().updateView(job.jobId, change);
  const list = job.files.length > GRID_LIMIT;
  return (
    <div className="card-tools">
      {list && (
        <button
          type="button"
          data-testid="filter-failures"
          aria-pressed={view.failuresOnly}
          disabled={failures === 0 && !view.failuresOnly}
          onClick={() => update({ failuresOnly: !view.failuresOnly })}
        >
          {t.list.failuresOnly(failures)}
        </button>
      )}
      {list && shown && (
        <span className="field-inline">
          <label htmlFor={selectId}>{t.list.shownLabel}</label>
          <select
            id={selectId}
            data-testid="shown-algorithm"
            value={shown}
            onChange={(e) => isAlgorithmId(e.target.value) && update({ shown: e.target.value })}
          >
            {computed.map((id) => (
              <option key={id} value={id}>
                {algorithmInfo(id).label}
              </option>
            ))}
          </select>
        </span>
      )}
      {shown && (
        <button
          type="button"
          data-testid="save-checksums"
          disabled={view.saving}
          onClick={() => void saveCardChecksums(job.jobId, shown).catch(reportUnexpected)}
        >
          {view.saving ? t.save.saving : t.save.button}
        </button>
      )}
      <div className="card-tools-note" aria-live="polite">
        {view.savedPath && <span data-testid="save-result">{t.save.saved(view.savedPath)}</span>}
        {view.saveError && (
          <span className="card-error" data-testid="save-error">
            {view.saveError}
          </span>
        )}
      </div>
    </div>
  );
}

export function HashCard({ job }: { job: HashJob }) {
  const titleId = useId();
  const title = jobTitle(job.paths);
  const running = job.status === 'running';
  const pasted = useCheckScreen((s) => s.pastes[job.jobId] ?? '');
  const view = useCheckScreen((s) => s.views[job.jobId] ?? NEW_VIEW);
  const { setPaste, updateView, removeFile } = useCheckScreen.getState();
  const outcome = useMemo(() => matchPaste(pasted, job.files), [pasted, job.files]);
  const computed = useMemo(
    () => ALGORITHMS.map((a) => a.id).filter((id) => job.files.some((f) => f.digests?.[id] !== undefined)),
    [job.files],
  );
  const shown = shownAlgorithm(computed, view.shown);
  const failures = useMemo(() => job.files.filter(isFailure), [job.files]);
  const matchedPaths = useMemo(() => new Set(outcome.kind === 'match' ? outcome.matches.map((m) => m.path) : []), [outcome]);
  const firstMatch = outcome.kind === 'match' ? outcome.matches[0]?.path : undefined;
  const list = job.files.length > GRID_LIMIT;
  useEffect(() => {
    // A paste that matches opens its file and scrolls it into view (and a filter must not hide it).
    if (firstMatch !== undefined && list) useCheckScreen.getState().updateView(job.jobId, { open: firstMatch, failuresOnly: false });
  }, [firstMatch, list, job.jobId]);
  const visible = view.failuresOnly ? failures : job.files;
  const opened = list && view.open !== undefined ? job.files.find((f) => f.path === view.open) : undefined;
  const remove = (path: string) => removeFile(job.jobId, path);
  return (
    <article className="card" data-testid="hash-card" data-status={job.status} aria-labelledby={titleId}>
      <div className="card-head">
        <h2 id={titleId} className="card-title">
          {title}
        </h2>
        <span className={`badge badge-${job.status}`} role="status" data-testid="card-status">
          {t.status[job.status]}
        </span>
        {running && (
          <button type="button" disabled={job.cancelRequested} onClick={() => void cancelHash(job.jobId).catch(reportUnexpected)}>
            {t.cancel}
          </button>
        )}
      </div>
      <JobTotals job={job} title={title} />
      {job.error && (
        <p className="card-error" data-testid="card-error">
          {job.error}
        </p>
      )}
      {!running && computed.length > 0 && (
        <PasteBox
          text={pasted}
          outcome={outcome}
          manyFiles={job.files.length > 1}
          onChange={(text) => setPaste(job.jobId, text)}
          onShow={(path) => updateView(job.jobId, { open: path, failuresOnly: false })}
        />
      )}
      {!running && job.files.length > 0 && <Toolbar job={job} view={view} computed={computed} shown={shown} failures={failures.length} />}
      {!list &&
        job.files.map((file) => (
          <FileDigests
            key={file.path}
            file={file}
            matched={matchedIn(outcome, file.path)}
            first={shown}
            onRemove={running ? undefined : () => remove(file.path)}
          />
        ))}
      {list && (
        <FileList
          label={t.list.label(title)}
          files={visible}
          shown={shown}
          open={view.open}
          matched={matchedPaths}
          scrollTo={view.open}
          onOpen={(path) => updateView(job.jobId, { open: view.open === path ? undefined : path })}
          onRemove={remove}
        />
      )}
      {list && view.failuresOnly && failures.length === 0 && <p className="hint">{t.list.empty}</p>}
      {opened && (
        <FileDigests
          key={opened.path}
          file={opened}
          matched={matchedIn(outcome, opened.path)}
          first={shown}
          onRemove={() => remove(opened.path)}
          onClose={() => updateView(job.jobId, { open: undefined })}
        />
      )}
      {job.skipped.length > 0 && (
        <details className="skipped">
          <summary>{t.skipped(job.skipped.length)}</summary>
          <ul>
            {job.skipped.map((s) => (
              <li key={s.path}>{t.skippedItem(s.path, s.reason)}</li>
            ))}
          </ul>
        </details>
      )}
    </article>
  );
}
