// A report on screen: the verdict, the side-by-side table with its filters, the evidence panel and export.
// Takes only the report, so customer mode can show its own with the same view.
import { CheckAgain } from './CheckAgain.js';
import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import type { OtaReport } from '../../../main/common/ota/report.js';
import { reportUnexpected } from '../../actions/unexpected.js';
import { strings } from '../../strings/index.js';
import './ota-result.css';
import { EvidencePanel } from './EvidencePanel.js';
import { exportReport, useExportState, useShownReport } from './export.js';
import { ResultTable, type CellRef } from './ResultTable.js';
import { cellOf, isProblem, resultColumns, visibleColumns, visibleRows } from './table-model.js';
import { VerdictBanner } from './VerdictBanner.js';

const t = strings.ota.table;
const r = strings.ota.result;
const x = strings.result.export;

function ExportBar({ report }: { report: OtaReport }) {
  const state = useExportState();
  const mine = state.report === report;
  const text =
    !mine || state.busy
      ? ''
      : state.error !== undefined
        ? r.exportFailed(state.error)
        : state.paths
          ? state.paths.length
            ? r.exported(state.paths)
            : r.exportCancelled
          : '';
  const busy = mine && state.busy;
  return (
    <div className="ota-export">
      <button
        type="button"
        data-testid="ota-export-summary"
        disabled={busy}
        onClick={() => void exportReport(report, ['summary']).catch(reportUnexpected)}
      >
        {busy && state.formats?.includes('summary') ? r.exporting : x.summary}
      </button>
      <button
        type="button"
        data-testid="ota-export"
        disabled={busy}
        onClick={() => void exportReport(report, ['html', 'json']).catch(reportUnexpected)}
      >
        {busy && !state.formats?.includes('summary') ? r.exporting : x.full}
      </button>
      <p data-testid="ota-export-result" role="status" className={mine && state.error !== undefined ? 'ota-inline-error' : 'ota-muted'}>
        {text}
      </p>
    </div>
  );
}

export function ResultView({ report }: { report: OtaReport }) {
  useShownReport(report);
  const mismatchId = useId();
  const frontendId = useId();
  // Mounted empty first, then filled: a live region announces what is added to it, not what it is born with.
  const [announce, setAnnounce] = useState(false);
  useEffect(() => setAnnounce(true), []);

  // "Only problems" is on when the report has any: the rows at fault are the answer.
  const hasProblems = useMemo(() => report.resources.some(isProblem), [report]);
  const [onlyProblems, setOnlyProblems] = useState(hasProblems);
  const [frontendFilter, setFrontendFilter] = useState<string | undefined>();
  const [selected, setSelected] = useState<CellRef | undefined>();
  const [focusRequest, setFocusRequest] = useState<(CellRef & { n: number }) | undefined>();

  // Another report in the same view (a new run, a merge): the panel belonged to the old one.
  useEffect(() => {
    setSelected(undefined);
    setOnlyProblems(hasProblems);
  }, [report, hasProblems]);

  const columns = useMemo(() => resultColumns(report), [report]);
  const frontends = columns.flatMap((c) => (c.frontend === undefined ? [] : [c.frontend]));
  // A filter naming a frontend this report does not have (another report came in) is no filter.
  const frontend = frontendFilter !== undefined && frontends.includes(frontendFilter) ? frontendFilter : undefined;
  const filters = useMemo(() => ({ onlyProblems, frontend }), [onlyProblems, frontend]);
  const shownColumns = useMemo(() => visibleColumns(columns, filters), [columns, filters]);
  const rows = useMemo(() => visibleRows(report.resources, shownColumns, filters), [report, shownColumns, filters]);

  const selectedResource = selected && report.resources.find((x) => x.path === selected.path);
  const selectedColumn = selected && columns.find((c) => c.key === selected.key);
  const close = useCallback(() => {
    // Back to the cell it was opened from (the table scrolls it into view if it left the window).
    if (selected) setFocusRequest((f) => ({ ...selected, n: (f?.n ?? 0) + 1 }));
    setSelected(undefined);
  }, [selected]);

  return (
    <section className="ota-result" aria-label={r.heading}>
      <div aria-live="polite" className="ota-live">
        {announce && <VerdictBanner report={report} />}
      </div>
      <div className="ota-actions">
        <ExportBar report={report} />
        <CheckAgain report={report} />
      </div>
      <div className="ota-filters" role="group" aria-label={t.filters}>
        <label htmlFor={mismatchId} className="ota-check">
          <input
            id={mismatchId}
            type="checkbox"
            data-testid="ota-filter-mismatches"
            checked={onlyProblems}
            onChange={(e) => setOnlyProblems(e.target.checked)}
          />
          {strings.result.table.onlyProblems}
        </label>
        {frontends.length > 0 && (
          <span className="ota-select">
            <label htmlFor={frontendId}>{t.frontendFilter}</label>
            <select
              id={frontendId}
              data-testid="ota-filter-frontend"
              value={frontend ?? ''}
              onChange={(e) => setFrontendFilter(e.target.value || undefined)}
            >
              <option value="">{t.allFrontends}</option>
              {frontends.map((f) => (
                <option key={f} value={f}>
                  {t.onlyFrontend(f)}
                </option>
              ))}
            </select>
          </span>
        )}
        <span className="ota-muted" data-testid="ota-table-count" role="status">
          {t.count(rows.length, report.resources.length)}
        </span>
      </div>
      <p className="ota-muted ota-legend">{t.legend}</p>
      {rows.length === 0 ? (
        <p className="empty-state" data-testid="ota-no-rows">
          {t.noRows}
        </p>
      ) : (
        <ResultTable rows={rows} columns={shownColumns} selected={selected} onOpen={setSelected} focusRequest={focusRequest} />
      )}
      {selectedResource && selectedColumn && (
        <EvidencePanel
          resource={selectedResource}
          cell={cellOf(selectedColumn, selectedResource)}
          alsoFound={report.alsoFound}
          onClose={close}
        />
      )}
    </section>
  );
}
