// The verdict in words: main's headline, the fault and cause, the frontends named, how the current version
// was decided, the evidence and what to do next. Everything here was written by main's verdict.
import type { OtaReport } from '../../../main/common/ota/report.js';
import { strings } from '../../strings/index.js';

const s = strings.ota.result;

export function VerdictBanner({ report }: { report: OtaReport }) {
  const cancelled = report.runs.some((r) => r.cancelled);
  // The first line of the evidence restates how the current version was decided, shown just above.
  const evidence = report.evidence.filter((e) => e !== `Current version: ${report.current.how}.`);
  return (
    <section
      className={`ota-verdict ota-fault-${report.fault}`}
      data-testid="ota-verdict"
      data-fault={report.fault}
      data-cause={report.cause}
    >
      <p className="ota-headline">{report.headline}</p>
      <p className="ota-fault">
        {s.fault(strings.ota.faults[report.fault] ?? report.fault, strings.ota.causes[report.cause] ?? report.cause)}
      </p>
      {report.frontends.length > 0 && <p data-testid="ota-verdict-frontends">{s.frontendsAtFault(report.frontends)}</p>}
      <p className="ota-how">{s.howCurrent(report.current.how)}</p>
      {cancelled && <p className="ota-warning">{s.cancelledRun}</p>}
      <div className="ota-verdict-lists">
        <div>
          <h3>{s.evidence}</h3>
          {evidence.length ? (
            <ul data-testid="ota-evidence">
              {evidence.map((e, i) => (
                <li key={i}>{e}</li>
              ))}
            </ul>
          ) : (
            <p data-testid="ota-evidence">{s.noEvidence}</p>
          )}
        </div>
        <div>
          <h3>{s.next}</h3>
          {report.next.length ? (
            <ol data-testid="ota-next">
              {report.next.map((n, i) => (
                <li key={i}>{n}</li>
              ))}
            </ol>
          ) : (
            <p data-testid="ota-next">{s.nothingNext}</p>
          )}
        </div>
      </div>
      {report.problems.length > 0 && (
        <details className="ota-problems">
          <summary>{s.problems(report.problems.length)}</summary>
          <ul>
            {report.problems.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
