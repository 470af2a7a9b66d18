// The evidence behind one cell, in a side panel: non-modal, so the table stays usable beside it. It opens with
// what decided it (the judgement, the hash against the expected one, the decisive headers, the bytes beside the
// right copy), then each copy, repeated samples folded. Focus moves into it when it opens (or shows another
// cell); Escape or Close returns focus to the cell.
import { useEffect, useId, useRef } from 'react';
import { describeJudgement } from '../../../main/common/ota/acceptance.js';
import type { Observation } from '../../../main/common/ota/types.js';
import { sourceName } from '../../../main/common/ota/sources.js';
import type { ResourceVerdict } from '../../../main/common/ota/verdict.js';
import { CopyButton } from '../../app/CopyButton.js';
import { strings } from '../../strings/index.js';
import { firstWrong, foldSamples, hasDecisive, type SampleGroup } from './evidence-model.js';
import { CopyDiff, Facts, HeaderTable, mono, ObservationDetails } from './ObservationDetails.js';
import './evidence.css';
import type { Cell } from './table-model.js';

const p = strings.ota.panel;
const e = strings.evidence;
const t = strings.ota.table;
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

interface Props {
  resource: ResourceVerdict;
  cell: Cell;
  /** The report's "also found": everything else the check found, each sentence saying whether it matters. */
  alsoFound?: string[];
  onClose(): void;
}

export function EvidencePanel({ resource, cell, alsoFound, onClose }: Props) {
  const titleId = useId();
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    heading.current?.focus();
  }, [resource, cell.column.key]);

  useEffect(() => {
    // Escape closes it from anywhere in the window, the table included, as a dialog's would.
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      e.preventDefault();
      onClose();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);

  const expected =
    resource.expected === undefined
      ? strings.ota.table.notListed
      : resource.versionTokenFile
        ? strings.ota.table.token(resource.expected)
        : resource.expected;
  const key = firstWrong(cell.observations) ?? cell.observations[0];
  const groups = foldSamples(cell.observations);
  const perSource = (src: string) => groups.filter((g) => g.observations[0]!.source === src).length;
  const groupHeading = (g: SampleGroup) => {
    const o = g.observations[0]!;
    const name = capitalise(sourceName({ ...o, sample: undefined }));
    if (g.observations.length > 1) return `${name}: ${e.samples(g.observations.length)}`;
    return perSource(o.source) > 1 && g.samples.length ? `${name}, ${e.someSamples(g.samples)}` : name;
  };
  const shown = resource.versionTokenFile ? key?.token : key?.hash;
  return (
    <aside className="ota-panel" role="dialog" aria-modal="false" aria-labelledby={titleId} data-testid="ota-evidence-panel">
      <div className="ota-panel-head">
        <h3 id={titleId} ref={heading} tabIndex={-1}>
          {p.title(cell.column.heading)}
        </h3>
        <button type="button" data-testid="ota-evidence-close" aria-label={p.closeLabel} onClick={onClose}>
          {p.close}
        </button>
      </div>
      <section className="ota-decisive" data-testid="ota-decisive" aria-label={e.decided}>
        {key && <Judgement o={key} resource={resource} />}
        <Facts
          rows={[
            [p.resource, mono(resource.path)],
            [
              e.thisHash,
              shown !== undefined ? (
                <>
                  {mono(shown)} {key?.matches === false && <span className="ota-differs">{e.differs}</span>}
                </>
              ) : undefined,
            ],
            [
              e.expectedHash,
              <>
                {mono(expected)}
                {resource.expected !== undefined && (
                  <>
                    {' '}
                    <CopyButton
                      text={resource.expected}
                      idle={p.copy}
                      copied={p.copied}
                      ariaLabel={p.copyLabel(p.expected)}
                      className="ota-copy"
                    />
                  </>
                )}
              </>,
            ],
            [p.verdict, strings.ota.causes[resource.cause] ?? resource.cause],
          ]}
        />
        {key && hasDecisive(key, resource.cause) && (
          <>
            <h4>{e.decisiveHeaders}</h4>
            <HeaderTable o={key} cause={resource.cause} only="decisive" />
          </>
        )}
        {key?.diff && <p className="ota-diff-summary">{key.diff.summary}</p>}
        {resource.deviceGot && (
          <p className="ota-device-got" data-testid="ota-panel-device-got">
            <strong>{e.deviceGot}</strong> {resource.deviceGot}
          </p>
        )}
        {resource.findings && resource.findings.length > 0 && (
          <div data-testid="ota-panel-also-found">
            <h4>{e.alsoFound}</h4>
            <ul>
              {resource.findings.map((f, i) => (
                <li key={i}>{f}</li>
              ))}
            </ul>
          </div>
        )}
      </section>
      {key?.diff && <CopyDiff d={key.diff} path={resource.path} />}
      {cell.observations.length === 0 ? (
        <p>{p.nothing}</p>
      ) : (
        groups.map((g, i) => (
          <ObservationDetails
            key={i}
            group={g}
            resource={resource}
            heading={groupHeading(g)}
            decisiveShown={!!key && g.observations.includes(key)}
          />
        ))
      )}
      {alsoFound && alsoFound.length > 0 && (
        <details className="ota-observation" data-testid="ota-panel-report-also-found">
          <summary>{e.alsoFoundReport(alsoFound.length)}</summary>
          <ul>
            {alsoFound.map((f, i) => (
              <li key={i}>{f}</li>
            ))}
          </ul>
        </details>
      )}
    </aside>
  );
}

function Judgement({ o, resource }: { o: Observation; resource: ResourceVerdict }) {
  const j = e.judgement;
  const unread = o.error !== undefined || o.errorCode !== undefined || (o.status !== undefined && o.status !== 200);
  const [mark, head, why] =
    o.matches === false
      ? [t.marks.false, j.rejects, resource.versionTokenFile ? j.rejectsToken(o.token, resource.expected ?? '') : j.rejectsHash]
      : o.matches === true
        ? [t.marks.true, j.accepts, j.acceptsWhy]
        : unread
          ? [
              t.marks.error,
              j.unread,
              `${[o.errorCode, o.error ?? (o.status !== undefined ? `status ${o.status}` : '')].filter(Boolean).join(': ')}.`,
            ]
          : [t.marks.none, j.notCompared, ''];
  const cls = `ota-judgement ota-judgement-${o.matches === false ? 'false' : o.matches === true ? 'true' : 'none'}`;
  // The device's own rules, as main judged this copy (both platforms), when the report has them.
  if (o.acceptance)
    return (
      <p className={cls} data-testid="ota-judgement">
        <span aria-hidden="true">{mark}</span> <strong>{describeJudgement(o.acceptance)}</strong>
      </p>
    );
  return (
    <p className={cls} data-testid="ota-judgement">
      <span aria-hidden="true">{mark}</span> <strong>{head}</strong>
      {why && `: ${why}`}
    </p>
  );
}
