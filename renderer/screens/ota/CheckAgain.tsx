// Check again: after a fix (a cache purged, a frontend redeployed), one button runs the same check and the
// result shows before and after, per file and per point, from compareReports (main/common/ota).
import { create } from 'zustand';
import { compareReports } from '../../../main/common/ota/compare-reports.js';
import type { OtaReport } from '../../../main/common/ota/report.js';
import { reportUnexpected } from '../../actions/unexpected.js';
import { strings } from '../../strings/index.js';
import { runCheck } from './actions.js';
import { useOta } from './store.js';
import './evidence.css';

const t = strings.evidence.again;

/** The report a Check again started from, and the report count then: only the next report is its "after". */
const useBefore = create<{ before?: OtaReport; seq?: number }>()(() => ({}));

async function checkAgain(report: OtaReport): Promise<void> {
  useBefore.setState({ before: report, seq: useOta.getState().reportSeq });
  if (!(await runCheck())) useBefore.setState({ before: undefined, seq: undefined });
}

export function CheckAgain({ report }: { report: OtaReport }) {
  const before = useBefore((s) => s.before);
  const startSeq = useBefore((s) => s.seq);
  const seq = useOta((s) => s.reportSeq);
  const running = useOta((s) => s.job !== undefined);
  const origin = useOta((s) => s.reportOrigin);
  const comparison =
    before && before !== report && origin === 'run' && startSeq !== undefined && seq === startSeq + 1
      ? compareReports(before, report)
      : undefined;
  return (
    <div className="ota-again">
      {origin === 'run' && (
        <button
          type="button"
          data-testid="ota-check-again"
          disabled={running}
          onClick={() => void checkAgain(report).catch(reportUnexpected)}
        >
          {running && before === report ? t.running : t.button}
        </button>
      )}
      {comparison && (
        <section className="ota-comparison" data-testid="ota-comparison" data-overall={comparison.overall} aria-label={t.title}>
          <h3>{t.title}</h3>
          <p className="ota-comparison-summary">{comparison.summary}</p>
          <p className="ota-muted">
            {t.beforeAfter(
              strings.ota.causes[comparison.before.cause] ?? comparison.before.cause,
              strings.ota.causes[comparison.after.cause] ?? comparison.after.cause,
            )}
          </p>
          {comparison.changes.length > 0 && (
            <ul>
              {comparison.changes.slice(0, 20).map((c) => (
                <li key={c.path} data-kind={c.kind}>
                  {c.sentence}
                  {c.points.length > 0 && (
                    <ul>
                      {c.points.map((p) => (
                        <li key={p.point} data-kind={p.kind}>
                          {p.sentence}
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </div>
  );
}
