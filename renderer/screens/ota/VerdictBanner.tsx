// The verdict in words, short enough to be read whole above the fold: the resources the device's own log
// rejected first (what it got, when known), main's headline, the fault and the frontends named, the first
// three pieces of evidence and the next step; "more…" unfolds the rest. Everything here was written by main.
import type { ReactElement } from 'react';
import type { OtaReport } from '../../../main/common/ota/report.js';
import { strings } from '../../strings/index.js';

const s = strings.ota.result;
const b = strings.result.banner;
/** Pieces of evidence shown before "more…". */
const FIRST = 3;
/** Logged resources named in the banner itself; the table has them all. */
const LOGGED = 3;

/** What the device's log rejected, with what the device got when main could tell (the headline names the files). */
function Logged({ report }: { report: OtaReport }) {
  const logged = report.resources.filter((r) => r.logged);
  if (!logged.length) return null;
  return (
    <ul className="ota-logged" data-testid="ota-logged" aria-label={b.logged(logged.length)}>
      {logged.slice(0, LOGGED).map((r) => (
        <li key={r.path}>
          <strong>{b.rejected}</strong> <span className="ota-mono">{r.path}</span>
          {b.loggedCause(strings.ota.causes[r.cause] ?? r.cause)}
          {r.deviceGot && (
            <span className="ota-device-got" data-testid="ota-device-got">
              {' '}
              {r.deviceGot}
            </span>
          )}
        </li>
      ))}
      {logged.length > LOGGED && <li>{strings.ota.log.more(logged.length - LOGGED)}</li>}
    </ul>
  );
}

/** Evidence lines, each resource's path said once above its lines rather than before each of them. */
function EvidenceList({ items, paths, testId }: { items: string[]; paths: string[]; testId?: string }) {
  let last: string | undefined;
  const out: ReactElement[] = [];
  items.forEach((e, i) => {
    const path = paths.find((p) => e.startsWith(`${p}: `));
    if (path !== undefined && path !== last) {
      out.push(
        <li key={`p${i}`} className="ota-ev-path" aria-hidden="true">
          {path}
        </li>,
      );
    }
    last = path;
    out.push(
      <li key={i} className={path !== undefined ? 'ota-ev-item' : undefined}>
        {path !== undefined ? <span className="visually-hidden">{path}: </span> : null}
        {path !== undefined ? e.slice(path.length + 2) : e}
      </li>,
    );
  });
  return (
    <ul className="ota-ev-list" data-testid={testId}>
      {out}
    </ul>
  );
}

/** The evidence to show first: not how the version and platform were chosen (under "more…"), nor what the logged lines say. */
function decisiveEvidence(report: OtaReport): string[] {
  const said = new Set([`Current version: ${report.current.how}.`]);
  if (report.platform) said.add(`Each copy is judged as ${PLATFORM[report.platform.judgedFor]} would judge it: ${report.platform.how}.`);
  for (const r of report.resources) if (r.logged && r.deviceGot) said.add(`${r.path}: ${r.deviceGot}`);
  return report.evidence.filter((e) => !said.has(e));
}

const PLATFORM = { ios: 'iOS', android: 'Android' } as const;

export function VerdictBanner({ report }: { report: OtaReport }) {
  const cancelled = report.runs.some((r) => r.cancelled);
  const evidence = decisiveEvidence(report);
  const paths = report.resources.map((r) => r.path);
  const alsoFound = report.alsoFound ?? [];
  const hidden =
    Math.max(0, evidence.length - FIRST) +
    Math.max(0, report.next.length - 1) +
    alsoFound.length +
    report.problems.length +
    (report.platform ? 2 : 1);
  return (
    <section
      className={`ota-verdict ota-fault-${report.fault}`}
      data-testid="ota-verdict"
      data-fault={report.fault}
      data-cause={report.cause}
    >
      <p className="ota-headline">{report.headline}</p>
      <Logged report={report} />
      <p className="ota-fault">
        {s.fault(strings.ota.faults[report.fault] ?? report.fault, strings.ota.causes[report.cause] ?? report.cause)}
        {report.frontends.length > 0 && (
          <>
            <span aria-hidden="true"> · </span>
            <span data-testid="ota-verdict-frontends">{s.frontendsAtFault(report.frontends)}</span>
          </>
        )}
      </p>
      {cancelled && <p className="ota-warning">{s.cancelledRun}</p>}
      <div className="ota-verdict-body">
        <h3>{s.evidence}</h3>
        {evidence.length ? (
          <EvidenceList items={evidence.slice(0, FIRST)} paths={paths} testId="ota-evidence" />
        ) : (
          <p data-testid="ota-evidence">{s.noEvidence}</p>
        )}
        <p className="ota-next-step">
          <strong>{b.nextStep}: </strong>
          <span data-testid="ota-next">{report.next[0] ?? s.nothingNext}</span>
        </p>
      </div>
      <details className="ota-more" data-testid="ota-more">
        <summary aria-label={b.moreLabel}>{b.more(hidden)}</summary>
        <p className="ota-how">{s.howCurrent(report.current.how)}</p>
        {report.platform && <p>{b.judgedAs(PLATFORM[report.platform.judgedFor], report.platform.how)}</p>}
        {evidence.length > FIRST && (
          <>
            <h3>{b.allEvidence}</h3>
            <EvidenceList items={evidence.slice(FIRST)} paths={paths} />
          </>
        )}
        {report.next.length > 1 && (
          <>
            <h3>{b.allNext}</h3>
            <ol data-testid="ota-next-all">
              {report.next.map((n, i) => (
                <li key={i}>{n}</li>
              ))}
            </ol>
          </>
        )}
        {alsoFound.length > 0 && (
          <>
            <h3>{b.alsoFound}</h3>
            <ul data-testid="ota-also-found">
              {alsoFound.map((a, i) => (
                <li key={i}>{a}</li>
              ))}
            </ul>
          </>
        )}
        {report.problems.length > 0 && (
          <>
            <h3>{s.problems(report.problems.length)}</h3>
            <ul>
              {report.problems.map((p, i) => (
                <li key={i}>{p}</li>
              ))}
            </ul>
          </>
        )}
      </details>
    </section>
  );
}
