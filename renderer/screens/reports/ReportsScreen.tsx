// Reports: open a saved report, reopen a recent one, add a customer's report to the one shown, export it.
// Reports open in the OTA screen's result view, which has the table and the evidence.
import { useEffect } from 'react';
import { reportUnexpected } from '../../actions/unexpected.js';
import { fileName } from '../../format.js';
import { strings } from '../../strings/index.js';
import { useWorkbench } from '../../store/index.js';
import './reports.css';
import '../ota/routes.js';
import { exportReport, useExportState } from '../ota/export.js';
import { useOta } from '../ota/store.js';
import { loadRecent, mergeCustomerReport, openRecent, openReportDialog } from './actions.js';
import { useReports, type RecentReport } from './store.js';

const s = strings.reports;

function ShownReport() {
  const report = useOta((st) => st.report);
  const note = useOta((st) => st.reportNote);
  const busy = useReports((st) => st.busy);
  const mergeError = useReports((st) => st.mergeError);
  const exp = useExportState();
  const navigate = useWorkbench((st) => st.navigate);
  if (!report) return null;
  const mine = exp.report === report;
  const exportText =
    !mine || exp.busy
      ? ''
      : exp.error !== undefined
        ? s.exportFailed(exp.error)
        : exp.paths
          ? exp.paths.length
            ? s.exported(exp.paths)
            : s.exportCancelled
          : '';
  return (
    <section className="reports-shown" aria-labelledby="reports-shown-title" data-testid="reports-shown">
      <h2 id="reports-shown-title">{s.shownHeading}</h2>
      <p className="reports-headline">{report.headline}</p>
      {note && <p className="reports-muted">{note}</p>}
      <div className="toolbar">
        <button type="button" data-testid="reports-view" onClick={() => navigate('ota')}>
          {s.view}
        </button>
        <button
          type="button"
          data-testid="reports-merge"
          aria-describedby="reports-merge-hint"
          disabled={busy === 'merge'}
          onClick={() => void mergeCustomerReport().catch(reportUnexpected)}
        >
          {busy === 'merge' ? s.merging : s.merge}
        </button>
        <button
          type="button"
          data-testid="reports-export"
          disabled={mine && exp.busy}
          onClick={() => void exportReport(report).catch(reportUnexpected)}
        >
          {mine && exp.busy ? s.exporting : s.export}
        </button>
      </div>
      <p id="reports-merge-hint" className="reports-muted">
        {s.mergeHint}
      </p>
      {mergeError && (
        <p className="reports-error" role="alert" data-testid="reports-merge-error">
          {mergeError}
        </p>
      )}
      <p data-testid="reports-export-result" role="status" className={mine && exp.error !== undefined ? 'reports-error' : 'reports-muted'}>
        {exportText}
      </p>
    </section>
  );
}

function RecentItem({ item }: { item: RecentReport }) {
  const name = fileName(item.path);
  const when = s.when(item.openedAt);
  return (
    <li>
      <button
        type="button"
        className="reports-recent-item"
        data-testid="reports-recent-item"
        title={item.path}
        aria-label={s.recentOpenLabel(name, when)}
        onClick={() => void openRecent(item.path).catch(reportUnexpected)}
      >
        <span className="reports-recent-name">{name}</span>
        <span className="reports-recent-headline">{item.headline ?? s.noHeadline}</span>
        <span className="reports-recent-when">{when}</span>
      </button>
    </li>
  );
}

export function ReportsScreen() {
  const hasReport = useOta((st) => st.report !== undefined);
  const { recent, recentError, loading, busy, openError } = useReports();

  useEffect(() => {
    void loadRecent().catch(reportUnexpected);
  }, []);

  const empty = !hasReport && !loading && !recentError && recent !== undefined && recent.length === 0;
  return (
    <section className="screen reports-screen" aria-labelledby="screen-title">
      <div className="screen-head">
        <h1 id="screen-title">{strings.nav.reports}</h1>
        <div className="toolbar">
          <button
            type="button"
            className="primary"
            data-testid="reports-open"
            disabled={busy === 'open'}
            onClick={() => void openReportDialog().catch(reportUnexpected)}
          >
            {s.open}
          </button>
        </div>
      </div>
      {openError && (
        <p className="reports-error" role="alert" data-testid="reports-open-error">
          {openError}
        </p>
      )}
      {empty && (
        <div className="empty-state" data-testid="reports-empty">
          <p>{s.empty}</p>
        </div>
      )}
      <ShownReport />
      {!empty && (
        <section className="reports-recent" aria-labelledby="reports-recent-title">
          <h2 id="reports-recent-title">{s.recentHeading}</h2>
          {recentError && (
            <p className="reports-error" role="alert" data-testid="reports-recent-error">
              {recentError}
            </p>
          )}
          {loading && recent === undefined && <p className="reports-muted">{s.recentLoading}</p>}
          {recent && recent.length === 0 && <p className="reports-muted">{s.recentNone}</p>}
          {recent && recent.length > 0 && (
            <ul className="plain-list" data-testid="reports-recent">
              {recent.map((item) => (
                <RecentItem key={item.path} item={item} />
              ))}
            </ul>
          )}
        </section>
      )}
    </section>
  );
}
