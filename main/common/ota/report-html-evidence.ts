// The HTML report's evidence per resource that is not consistent: for every copy its point, status,
// redirects, fetch facts, TLS, the telling headers with their meaning, and the byte diff.

import { describeJudgement } from './acceptance.js';
import { diffClassLabel } from './byte-diff.js';
import { capitalise, causeWords, esc, facts, list, mono, when } from './html-text.js';
import { hasError, markOf } from './report-html-grid.js';
import { tellingHeaders } from './telling-headers.js';
import type { DiffResult, FetchRecord, Header, Observation, TlsInfo } from './types.js';
import { sourceName } from './sources.js';
import type { ResourceVerdict } from './verdict.js';

export function evidenceHtml(resources: ResourceVerdict[]): string {
  if (!resources.length)
    return '<section><h2>Evidence</h2><p>Every resource is consistent: there is no evidence of a fault to show.</p></section>';
  return `<section>
<h2>Evidence, resource by resource</h2>
${resources.map(resourceEvidence).join('\n')}
</section>`;
}

function resourceEvidence(r: ResourceVerdict): string {
  const failing = r.observations.filter((o) => o.matches === false || (o.matches !== true && hasError(o)));
  const frontends = r.frontends.length ? ` · frontends: ${esc(r.frontends.join(', '))}` : '';
  const expected = r.expected !== undefined ? `${r.versionTokenFile ? 'token ' : ''}${mono(r.expected)}` : 'nothing (not listed)';
  const copies = failing.length
    ? failing.map((o) => observationEvidence(o, r)).join('\n')
    : '<p>No copy of this file differed or failed; the verdict rests on the evidence above.</p>';
  return `<section class="res">
<h3>${mono(r.path)}</h3>
<p><strong>${esc(causeWords(r.cause))}</strong> · Fault: ${esc(r.fault)}${frontends} · expected ${expected}</p>
${r.logged ? '<p><strong>The device’s log says it rejected this file.</strong></p>' : ''}
${r.deviceGot ? `<p class="got">What the device got: ${esc(r.deviceGot)}</p>` : ''}
${r.evidence.length ? list(r.evidence.map(esc)) : ''}
${r.findings?.length ? `<p>Also found (a device accepts these; not the cause of a checksum failure):</p>${list(r.findings.map(esc))}` : ''}
${r.next.length ? `<p>What to do next:</p>${list(r.next.map(esc), 'ol')}` : ''}
${copies}
</section>`;
}

function observationEvidence(o: Observation, r: ResourceVerdict): string {
  const mark = markOf(o);
  const f = o.fetch;
  return `<div class="ev">
<h4>${esc(capitalise(sourceName(o)))} — <span class="mark">${mark.text}</span>${mark.detail ? ` (${esc(mark.detail)})` : ''}</h4>
${facts([
  ['Seen from', seenFrom(o)],
  ['At', esc(when(o.at))],
  ['Hash (decoded bytes)', o.hash !== undefined ? mono(o.hash) : undefined],
  ['Hash on the wire', o.wireHash !== undefined ? mono(o.wireHash) : undefined],
  ['Version token', r.versionTokenFile ? (o.token !== undefined ? mono(o.token) : 'none found') : undefined],
  ['Device asked for', o.logExpected !== undefined ? mono(o.logExpected) : undefined],
  ['A device', o.acceptance ? esc(describeJudgement(o.acceptance)) : undefined],
  ['Size', o.size !== undefined ? `${o.size} bytes` : undefined],
  ['File read', o.file !== undefined ? mono(o.file) : undefined],
  ['Body', o.body !== undefined ? esc(BODY_WORDS[o.body] ?? o.body) : undefined],
  ['Status', o.status !== undefined ? esc(`${o.status}${f?.statusText ? ` ${f.statusText}` : ''}`) : undefined],
  ['Error', o.error !== undefined || o.errorCode !== undefined ? esc([o.errorCode, o.error].filter(Boolean).join(': ')) : undefined],
  ...(f ? fetchFacts(f) : []),
])}
${f ? headersHtml(f.headers) : ''}
${o.diff ? diffHtml(o.diff) : ''}
</div>`;
}

function seenFrom(o: Observation): string {
  if (o.source === 'device') return "the device's log";
  return o.vantage === 'customer' ? "the customer's network" : 'support (agent)';
}

const BODY_WORDS: Record<NonNullable<Observation['body']>, string> = {
  exact: 'the exact bytes received',
  'text-derived': 'rebuilt from the text in the HAR (may differ from the bytes sent)',
  'not-captured': 'not captured in the HAR',
  file: 'a file on disk',
  log: 'the hash from the device log',
};

function fetchFacts(f: FetchRecord): Array<[string, string | undefined]> {
  const t = f.timings;
  const timings = [
    t.connectMs !== undefined ? `connect ${t.connectMs} ms` : '',
    t.firstByteMs !== undefined ? `first byte ${t.firstByteMs} ms` : '',
    `total ${t.totalMs} ms`,
  ].filter(Boolean);
  return [
    ['URL', mono(f.url)],
    [
      'Redirects',
      f.redirects.length
        ? list(
            f.redirects.map((h) => `${esc(h.status)} ${mono(h.url)} → ${mono(h.location)}`),
            'ol',
          )
        : undefined,
    ],
    [
      'Connected to',
      `${f.address !== undefined ? mono(f.address) : 'address unknown'}${f.route === 'direct' ? ' (direct)' : ` through proxy ${mono(f.route)}`}`,
    ],
    ...(f.tls ? tlsFacts(f.tls) : [['TLS', 'none (plain HTTP or a folder)'] as [string, string]]),
    ['Timings', esc(timings.join(', '))],
    ['Content-Length vs received', esc(lengthWords(f))],
    ['Content-Encoding', esc(f.contentEncoding ?? 'none')],
  ];
}

function lengthWords(f: FetchRecord): string {
  const announced = f.contentLength !== undefined ? `Content-Length ${f.contentLength}` : 'no Content-Length';
  const received = `${f.wireBytes} bytes received`;
  if (f.capped) return `${announced}; ${received}, then stopped at the size limit (only a prefix was kept)`;
  if (f.contentLength !== undefined && f.wireBytes < f.contentLength) return `${announced}; only ${received}: cut short`;
  if (f.contentLength !== undefined && f.wireBytes > f.contentLength) return `${announced}; ${received}: more than announced`;
  return `${announced}; ${received}`;
}

const TRUSTED_BY: Record<TlsInfo['trustedBy'], string> = {
  roots: 'the trusted root certificates',
  ca: 'the extra CA given (--ca)',
  fingerprint: 'a trusted fingerprint given for this frontend (--trust)',
  insecure: 'nothing — certificate checks were off (--insecure)',
  none: 'nothing — the certificate was not trusted',
};

function tlsFacts(tls: TlsInfo): Array<[string, string | undefined]> {
  return [
    ['TLS', esc(tls.protocol ?? 'yes')],
    ['Certificate subject', mono(tls.subject)],
    ['Certificate issuer', mono(tls.issuer)],
    ['SHA-256 fingerprint', mono(tls.fingerprint256)],
    ['Valid until', tls.validTo !== undefined ? esc(tls.validTo) : undefined],
    ['Valid for the host', tls.authorized ? 'yes' : `no${tls.authorizationError ? ` (${esc(tls.authorizationError)})` : ''}`],
    ['Trusted by', esc(TRUSTED_BY[tls.trustedBy] ?? tls.trustedBy)],
  ];
}

// The headers that explain a copy (cache, proxy, length…) come first with their meaning; the rest stay compact.
function headersHtml(headers: Header[]): string {
  if (!headers.length) return '<p>No response headers.</p>';
  const telling = tellingHeaders(headers);
  const isTelling = ([n, v]: Header) => telling.some((t) => t.name.toLowerCase() === n.toLowerCase() && t.value === v);
  const others = headers.filter((h) => !isTelling(h));
  const head = ['Header', 'Value', 'What it means'].map((h) => `<th scope="col">${h}</th>`).join('');
  const tellingRows = telling.map(
    (t) => `<tr><th scope="row">${esc(t.name)}</th><td class="h">${esc(t.value)}</td><td>${esc(t.meaning)}</td></tr>`,
  );
  const tellingTable = telling.length
    ? `<h5>Telling headers</h5><table class="telling"><thead><tr>${head}</tr></thead><tbody>${tellingRows.join('')}</tbody></table>`
    : '<p>No telling header (no cache, proxy or length header).</p>';
  const otherRows = others.map(([n, v]) => `<tr><th scope="row">${esc(n)}</th><td class="h">${esc(v)}</td></tr>`);
  const otherTable = others.length ? `<h5>Other headers</h5><table class="compact"><tbody>${otherRows.join('')}</tbody></table>` : '';
  return tellingTable + otherTable;
}

/** Control characters drawn as their Unicode pictures, so an excerpt shows what is there. */
function visible(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, (c) =>
    c === '\u007f' ? '\u2421' : String.fromCharCode(0x2400 + c.charCodeAt(0)),
  );
}

function diffHtml(d: DiffResult): string {
  const hasExcerpt = d.excerptHex !== undefined || d.excerptText !== undefined || d.referenceExcerptHex !== undefined;
  const excerpt = (v: string | undefined) => (v === undefined ? '<td>—</td>' : `<td><pre class="x">${esc(visible(v))}</pre></td>`);
  return `<h5>Byte diff: ${esc(diffClassLabel(d.class))}</h5>
<p>${esc(d.summary)}</p>
${facts([
  ['Sizes', esc(`this copy ${d.size} bytes, reference ${d.referenceSize} bytes`)],
  ['First difference at byte', d.offset !== undefined ? esc(d.offset) : undefined],
  ['Length', d.length !== undefined ? `${esc(d.length)} bytes` : undefined],
])}
${
  hasExcerpt
    ? `<table class="diff"><thead><tr><th></th><th scope="col">This copy</th><th scope="col">Reference (expected)</th></tr></thead><tbody>
<tr><th scope="row">Hex</th>${excerpt(d.excerptHex)}${excerpt(d.referenceExcerptHex)}</tr>
<tr><th scope="row">Text</th>${excerpt(d.excerptText)}${excerpt(d.referenceExcerptText)}</tr>
</tbody></table>`
    : ''
}`;
}
