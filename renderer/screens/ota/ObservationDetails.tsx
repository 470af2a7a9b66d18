// Everything one copy showed: status, redirects, the address connected, TLS, timings, lengths, hashes, the
// headers (the telling ones first, with what they mean) and the byte diff against the expected copy.
import type { ReactNode } from 'react';
import { diffClassLabel } from '../../../main/common/ota/byte-diff.js';
import { tellingHeaders } from '../../../main/common/ota/telling-headers.js';
import type { DiffResult, FetchRecord, Header, Observation } from '../../../main/common/ota/types.js';
import { sourceName } from '../../../main/common/ota/sources.js';
import type { ResourceVerdict } from '../../../main/common/ota/verdict.js';
import { CopyButton } from '../../app/CopyButton.js';
import { strings } from '../../strings/index.js';
import { fingerprintWouldHelp } from './form-model.js';

const p = strings.ota.panel;
const t = strings.ota.table;

type Fact = [label: string, value: ReactNode | undefined];

function Facts({ rows }: { rows: Fact[] }) {
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

const mono = (v: string) => <code className="ota-mono">{v}</code>;
const withCopy = (v: string, what: string) => (
  <>
    {mono(v)} <CopyButton text={v} idle={p.copy} copied={p.copied} ariaLabel={p.copyLabel(what)} className="ota-copy" />
  </>
);
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Control characters drawn as their Unicode pictures, so an excerpt shows what is really there. */
const visible = (text: string) =>
  text.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, (c) => (c === '\u007f' ? '\u2421' : String.fromCharCode(0x2400 + c.charCodeAt(0))));

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

function Headers({ headers }: { headers: Header[] }) {
  if (!headers.length) return <p>{p.noHeaders}</p>;
  const telling = tellingHeaders(headers);
  const isTelling = ([n, v]: Header) => telling.some((h) => h.name.toLowerCase() === n.toLowerCase() && h.value === v);
  const others = headers.filter((h) => !isTelling(h));
  return (
    <>
      <h5>{p.headers}</h5>
      {telling.length ? (
        <table className="ota-telling" data-testid="ota-telling-headers">
          <thead>
            <tr>
              <th scope="col">{p.headerName}</th>
              <th scope="col">{p.headerValue}</th>
              <th scope="col">{p.headerMeaning}</th>
            </tr>
          </thead>
          <tbody>
            {telling.map((h, i) => (
              <tr key={i} className={`ota-telling-${h.kind}`}>
                <th scope="row">{h.name}</th>
                <td>{mono(h.value)}</td>
                <td>{h.meaning}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{p.noTelling}</p>
      )}
      {others.length > 0 && (
        <details className="ota-other-headers">
          <summary>{p.otherHeaders(others.length)}</summary>
          <table className="ota-compact">
            <tbody>
              {others.map(([n, v], i) => (
                <tr key={i}>
                  <th scope="row">{n}</th>
                  <td>{mono(v)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </>
  );
}

function Diff({ d }: { d: DiffResult }) {
  const excerpt = (v: string | undefined) => <td>{v === undefined ? t.marks.none : <pre className="ota-excerpt">{visible(v)}</pre>}</td>;
  const hasExcerpt = d.excerptHex !== undefined || d.excerptText !== undefined || d.referenceExcerptHex !== undefined;
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
      {hasExcerpt && (
        <table className="ota-diff-table">
          <thead>
            <tr>
              <td />
              <th scope="col">{p.thisCopy}</th>
              <th scope="col">{p.reference}</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{p.hex}</th>
              {excerpt(d.excerptHex)}
              {excerpt(d.referenceExcerptHex)}
            </tr>
            <tr>
              <th scope="row">{p.text}</th>
              {excerpt(d.excerptText)}
              {excerpt(d.referenceExcerptText)}
            </tr>
          </tbody>
        </table>
      )}
    </div>
  );
}

function resultWords(o: Observation): string {
  if (o.matches === true) return `${t.marks.true} ${t.markWords.true}`;
  if (o.matches === false) return `${t.marks.false} ${t.markWords.false}`;
  if (o.error !== undefined || o.errorCode !== undefined || (o.status !== undefined && o.status !== 200))
    return `${t.marks.error} ${t.markWords.error}`;
  return `${t.marks.none} ${o.hash === undefined ? t.markWords.none : t.notCompared}`;
}

export function ObservationDetails({ o, resource }: { o: Observation; resource: ResourceVerdict }) {
  const f = o.fetch;
  return (
    <section className="ota-observation" data-testid="ota-observation" data-source={o.source}>
      <h4>{capitalise(sourceName(o))}</h4>
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
          ...(f ? fetchFacts(f, fingerprintWouldHelp(o)) : []),
        ]}
      />
      {f && <Headers headers={f.headers} />}
      {o.diff && <Diff d={o.diff} />}
    </section>
  );
}
