// Everything one copy (or several samples that got the same) showed: result, hashes, the telling headers
// (the decisive ones first), every header as received one click away, then the connection, TLS and timings.
import type { ReactNode } from 'react';
import { diffClassLabel } from '../../../main/common/ota/byte-diff.js';
import type { Cause, DiffResult, FetchRecord, Header, Observation } from '../../../main/common/ota/types.js';
import type { ResourceVerdict } from '../../../main/common/ota/verdict.js';
import { CopyButton } from '../../app/CopyButton.js';
import { isTextPath, spansOfDiff } from '../../app/diff-model.js';
import { DiffViewer } from '../../app/DiffViewer.js';
import { strings } from '../../strings/index.js';
import { hasDecisive, headerViews, type SampleGroup } from './evidence-model.js';
import { fingerprintWouldHelp } from './form-model.js';

const p = strings.ota.panel;
const t = strings.ota.table;
const e = strings.evidence;

type Fact = [label: string, value: ReactNode | undefined];

export function Facts({ rows }: { rows: Fact[] }) {
  const shown = rows.filter((r): r is [string, ReactNode] => r[1] !== undefined && r[1] !== null);
  if (!shown.length) return null;
  return (
    <dl className="ota-facts">
      {shown.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

export const mono = (v: string) => <code className="ota-mono">{v}</code>;
export const withCopy = (v: string, what: string) => (
  <>
    {mono(v)} <CopyButton text={v} idle={p.copy} copied={p.copied} ariaLabel={p.copyLabel(what)} className="ota-copy" />
  </>
);
function fetchFacts(f: FetchRecord, trustHint: boolean): Fact[] {
  const tm = f.timings;
  const timings = [
    tm.connectMs !== undefined ? p.connectMs(tm.connectMs) : '',
    tm.firstByteMs !== undefined ? p.firstByteMs(tm.firstByteMs) : '',
    p.totalMs(tm.totalMs),
  ].filter(Boolean);
  const tls = f.tls;
  return [
    [p.url, mono(f.url)],
    [
      p.redirects,
      f.redirects.length ? (
        <ol>
          {f.redirects.map((h, i) => (
            <li key={i}>{mono(p.hop(h.status, h.url, h.location))}</li>
          ))}
        </ol>
      ) : (
        p.noRedirects
      ),
    ],
    [p.connected, f.address !== undefined ? mono(f.address) : p.addressUnknown],
    [p.route, f.route === 'direct' ? p.direct : p.proxy(f.route)],
    [p.tls, tls ? (tls.protocol ?? p.yes) : p.noTls],
    [p.subject, tls ? mono(tls.subject) : undefined],
    [p.issuer, tls ? mono(tls.issuer) : undefined],
    [
      p.fingerprint,
      tls ? (
        <>
          {withCopy(tls.fingerprint256, p.fingerprint)}
          {trustHint && (
            <p className="ota-hint" data-testid="ota-trust-hint">
              {p.trustHint}
            </p>
          )}
        </>
      ) : undefined,
    ],
    [p.validTo, tls?.validTo],
    [p.validForHost, tls ? (tls.authorized ? p.yes : p.no(tls.authorizationError)) : undefined],
    [p.trustedBy, tls ? (p.trusted[tls.trustedBy] ?? tls.trustedBy) : undefined],
    [p.timings, timings.join(', ')],
    [p.length, p.lengthWords(f.contentLength, f.wireBytes, !!f.capped)],
    [p.encoding, f.contentEncoding ?? p.noEncoding],
  ];
}

/** The telling headers, the decisive ones first and marked; every header as received one click away. */
export function HeaderTable({ o, cause, only }: { o: Observation; cause: Cause; only: 'decisive' | 'rest' }) {
  const views = headerViews(o, cause).filter((h) => (only === 'decisive') === h.decisive);
  if (!views.length) return null;
  return (
    <table className="ota-telling" data-testid={only === 'decisive' ? 'ota-decisive-headers' : 'ota-telling-headers'}>
      <thead>
        <tr>
          <th scope="col">{p.headerName}</th>
          <th scope="col">{p.headerValue}</th>
          <th scope="col">{p.headerMeaning}</th>
        </tr>
      </thead>
      <tbody>
        {views.map((h, i) => (
          <tr key={i} className={`ota-telling-${h.kind}${h.decisive ? ' ota-decisive-row' : ''}`} data-decisive={h.decisive || undefined}>
            <th scope="row">
              {h.decisive && <span className="ota-decisive-mark">{e.decisiveMark}</span>}
              {h.name}
            </th>
            <td>{mono(h.value)}</td>
            <td>{h.meaning}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function RawHeaders({ headers }: { headers: Header[] }) {
  if (!headers.length) return <p>{p.noHeaders}</p>;
  return (
    <details className="ota-other-headers" data-testid="ota-raw-headers">
      <summary>{e.rawHeaders(headers.length)}</summary>
      <pre className="ota-raw">{headers.map(([n, v]) => `${n}: ${v}`).join('\n')}</pre>
    </details>
  );
}

/** The byte diff's sentence and facts; the bytes themselves are in the side-by-side viewer. */
export function DiffFacts({ d }: { d: DiffResult }) {
  return (
    <div className="ota-diff" data-testid="ota-diff">
      <h5>{p.diff(diffClassLabel(d.class))}</h5>
      <p>{d.summary}</p>
      <Facts
        rows={[
          [p.sizes, p.sizesWords(d.size, d.referenceSize)],
          [p.offset, d.offset !== undefined ? String(d.offset) : undefined],
          [p.diffLength, d.length !== undefined ? p.bytes(d.length) : undefined],
        ]}
      />
    </div>
  );
}

/** This copy beside the right one: hex with offsets, changed bytes marked, a line diff for text files. */
export function CopyDiff({ d, path }: { d: DiffResult; path: string }) {
  const { copy, reference } = spansOfDiff(d);
  if (!copy && !reference) return null;
  return (
    <DiffViewer
      left={{ label: e.diffAgainst, span: reference }}
      right={{ label: e.thisCopy, span: copy }}
      text={isTextPath(path)}
      note={e.diffNote(d.offset ?? 0)}
    />
  );
}

function resultWords(o: Observation): string {
  if (o.matches === true) return `${t.marks.true} ${t.markWords.true}`;
  if (o.matches === false) return `${t.marks.false} ${t.markWords.false}`;
  if (o.error !== undefined || o.errorCode !== undefined || (o.status !== undefined && o.status !== 200))
    return `${t.marks.error} ${t.markWords.error}`;
  return `${t.marks.none} ${o.hash === undefined ? t.markWords.none : t.notCompared}`;
}

/** The telling headers that did not decide it, folded: what each means, one click away. */
function OtherTelling({ o, cause }: { o: Observation; cause: Cause }) {
  const n = headerViews(o, cause).filter((h) => !h.decisive).length;
  if (!n) return <p>{p.noTelling}</p>;
  return (
    <details className="ota-other-telling">
      <summary>{e.otherTelling(n)}</summary>
      <HeaderTable o={o} cause={cause} only="rest" />
    </details>
  );
}

interface DetailsProps {
  group: SampleGroup;
  resource: ResourceVerdict;
  heading: string;
  /** The group's decisive headers are already in the panel's first block. */
  decisiveShown?: boolean;
}

export function ObservationDetails({ group, resource, heading, decisiveShown }: DetailsProps) {
  const o = group.observations[0]!;
  const f = o.fetch;
  const frontend = o.source.startsWith('frontend:') ? o.source.slice('frontend:'.length) : undefined;
  return (
    <section className="ota-observation" data-testid="ota-observation" data-source={o.source} data-count={group.observations.length}>
      <h4>{heading}</h4>
      <Facts
        rows={[
          [p.result, resultWords(o)],
          [p.seenFrom, o.source === 'device' ? p.deviceLog : o.vantage === 'customer' ? p.customer : p.agent],
          [p.status, o.status !== undefined ? `${o.status}${f?.statusText ? ` ${f.statusText}` : ''}` : undefined],
          [p.error, o.error !== undefined || o.errorCode !== undefined ? [o.errorCode, o.error].filter(Boolean).join(': ') : undefined],
          [p.hash, o.hash !== undefined ? withCopy(o.hash, p.hash) : undefined],
          [p.wireHash, o.wireHash !== undefined ? withCopy(o.wireHash, p.wireHash) : undefined],
          [p.token, resource.versionTokenFile && o.token !== undefined ? withCopy(o.token, p.token) : undefined],
          [p.logExpected, o.logExpected !== undefined ? mono(o.logExpected) : undefined],
          [p.size, o.size !== undefined ? p.bytes(o.size) : undefined],
          [p.file, o.file !== undefined ? mono(o.file) : undefined],
        ]}
      />
      {f && (
        <>
          {!decisiveShown && hasDecisive(o, resource.cause) && (
            <>
              <h5>{e.decisiveHeaders}</h5>
              <HeaderTable o={o} cause={resource.cause} only="decisive" />
            </>
          )}
          <OtherTelling o={o} cause={resource.cause} />
          <RawHeaders headers={f.headers} />
          <details className="ota-connection" data-testid="ota-connection">
            <summary>{e.connection}</summary>
            {frontend !== undefined && <p className="ota-hint">{e.frontendRoute(frontend, f.address)}</p>}
            <Facts rows={fetchFacts(f, fingerprintWouldHelp(o))} />
          </details>
        </>
      )}
      {o.diff && <DiffFacts d={o.diff} />}
    </section>
  );
}
