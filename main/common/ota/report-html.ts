// The OTA report as one printable HTML page, to attach to a ticket or an e-mail. It must open anywhere,
// offline, and be safe to open: inline style only, nothing that loads or runs (a strict CSP says so too),
// and every value from the report escaped, since headers and bodies come from servers we do not trust.
import { unique } from '../unique.js';
import { diffClassLabel } from './byte-diff.js';
import { tellingHeaders } from './telling-headers.js';
import type { OtaReport, RunInfo } from './report.js';
import {
  CAUSES,
  type Cause,
  type DiffResult,
  type FetchRecord,
  type Header,
  type ModuleInfoCopy,
  type Observation,
  type Source,
  type TlsInfo,
  type Vantage,
} from './types.js';
import { frontendLabel, sourceName, type ResourceVerdict } from './verdict.js';

export interface ReportHtmlOptions {
  /** Replaces "OTA upgrade check — <module>" as the page title and heading. */
  title?: string;
}

export function renderReportHtml(report: OtaReport, options: ReportHtmlOptions = {}): string {
  const title = options.title ?? `OTA upgrade check — ${report.moduleName ?? 'module'}`;
  const resources = orderResources(report.resources);
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    headerHtml(report, title),
    verdictHtml(report),
    gridHtml(report, resources),
    evidenceHtml(resources.filter((r) => r.cause !== 'consistent')),
    moduleInfoHtml(report),
    runsHtml(report),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------------------
// Small helpers

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text or attribute value → HTML. NUL is not allowed in HTML text, so it becomes U+FFFD. */
function esc(value: string | number | undefined): string {
  return String(value ?? '').replace(/[&<>"'\u0000]/g, (c) => ESCAPES[c] ?? '\uFFFD');
}

/** A hash, token or address: monospace, and allowed to wrap anywhere so 128-char values keep the layout. */
const mono = (value: string | number | undefined) => `<span class="h">${esc(value)}</span>`;

const list = (items: string[], tag: 'ul' | 'ol' = 'ul') => `<${tag}>${items.map((i) => `<li>${i}</li>`).join('')}</${tag}>`;

/** A two-column table of facts; rows whose value is undefined are left out. */
function facts(rows: Array<[string, string | undefined]>): string {
  const shown = rows.filter((r): r is [string, string] => r[1] !== undefined);
  if (!shown.length) return '';
  return `<table class="kv"><tbody>${shown.map(([k, v]) => `<tr><th scope="row">${esc(k)}</th><td>${v}</td></tr>`).join('')}</tbody></table>`;
}

/** ISO times as people read them; anything else as given. Pure: never the clock of the machine rendering. */
function when(iso: string | undefined): string {
  if (!iso) return 'unknown';
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/.exec(iso);
  if (!m) return iso;
  return `${m[1]} ${m[2]}${m[3] === 'Z' ? ' UTC' : m[3] ? ` ${m[3]}` : ''}`;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

const causeWords = (c: Cause) => CAUSES[c]?.words ?? c;

// Faults not at fault first: a ticket reader wants the problem rows, then the thousands that are fine.
function orderResources(resources: ResourceVerdict[]): ResourceVerdict[] {
  return [...resources.filter((r) => r.cause !== 'consistent'), ...resources.filter((r) => r.cause === 'consistent')];
}

// ---------------------------------------------------------------------------------------------------------
// 1. Header and 2. verdict

function headerHtml(report: OtaReport, title: string): string {
  const urls = unique(report.runs.map((r) => r.appUrl));
  const started = report.runs.map((r) => r.startedAt).sort()[0];
  return `<header>
<h1>${esc(title)}</h1>
<p class="meta">App: ${urls.length ? urls.map(mono).join(', ') : 'unknown'} · Checked: ${esc(when(started))}${report.runs.length > 1 ? ` (${report.runs.length} runs joined)` : ''}</p>
</header>`;
}

function verdictHtml(report: OtaReport): string {
  const counts = Object.entries(report.counts).map(([cause, n]) => `${causeWords(cause as Cause)}: ${n}`);
  return `<section class="verdict">
<h2>In short</h2>
<p class="short">${esc(report.customer)}</p>
<h3>For support</h3>
<p><strong>${esc(report.headline)}</strong></p>
${facts([
  ['Fault', `<strong>${esc(report.fault)}</strong>`],
  ['Cause', esc(causeWords(report.cause))],
  ['Frontends at fault', report.frontends.length ? report.frontends.map(esc).join(', ') : undefined],
  ['Resources by cause', counts.length ? esc(counts.join(', ')) : undefined],
])}
<h3>Evidence</h3>
${report.evidence.length ? list(report.evidence.map(esc)) : '<p>No evidence recorded.</p>'}
<h3>What to do next</h3>
${report.next.length ? list(report.next.map(esc), 'ol') : '<p>Nothing to do: no fault was found.</p>'}
</section>`;
}

// ---------------------------------------------------------------------------------------------------------
// 3. Side-by-side table

interface Column {
  heading: string;
  sub?: string;
  cell: (r: ResourceVerdict) => string;
}

/** One group of observations inside a cell, with a label when a cell holds two sources. */
interface Part {
  label?: string;
  pick: (o: Observation) => boolean;
}

const isPublic = (s: Source) => s === 'public' || s === 'public-nocache' || s === 'public-busted';

function gridHtml(report: OtaReport, resources: ResourceVerdict[]): string {
  const columns = gridColumns(report);
  const head = columns.map((c) => `<th scope="col">${esc(c.heading)}${c.sub ? `<br><span class="sub">${c.sub}</span>` : ''}</th>`).join('');
  const rows = resources.map((r) => `<tr>${columns.map((c) => c.cell(r)).join('')}</tr>`);
  return `<section>
<h2>Every copy, side by side</h2>
<p class="meta">${plural(resources.length, 'resource')}; those not consistent come first. Marks: ✓ match · ✗ differs · ! error · — not checked.</p>
<div class="scroll"><table class="grid">
<thead><tr>${head}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table></div>
</section>`;
}

function gridColumns(report: OtaReport): Column[] {
  const all = report.resources.flatMap((r) => r.observations);
  const columns: Column[] = [
    { heading: 'Resource path', cell: (r) => `<th scope="row" class="h">${esc(r.path)}</th>` },
    { heading: 'Expected (moduleinfo)', cell: expectedCell },
  ];
  for (const f of frontendColumns(report, all)) {
    columns.push({ heading: f.label, sub: f.sub, cell: obsCell([{ pick: (o) => o.source === `frontend:${f.label}` }]) });
  }
  // A merged report holds public copies seen from the customer's network and from ours: keep them apart.
  const vantages = (['agent', 'customer'] as Vantage[]).filter((v) => all.some((o) => isPublic(o.source) && o.vantage === v));
  for (const v of vantages.length ? vantages : (['agent'] as Vantage[])) {
    const who = v === 'customer' ? ' (customer)' : '';
    const mine = (source: Source) => (o: Observation) => o.source === source && o.vantage === v;
    columns.push({ heading: `Public URL${who}`, cell: obsCell([{ pick: mine('public') }]) });
    // The customer's side often has no bypassed samples: no empty column for them then.
    const bypassed = all.some((o) => (o.source === 'public-nocache' || o.source === 'public-busted') && o.vantage === v);
    if (v === 'customer' && !bypassed) continue;
    columns.push({
      heading: `Public, cache bypassed${who}`,
      cell: obsCell([
        { label: 'no-cache', pick: mine('public-nocache') },
        { label: 'extra query', pick: mine('public-busted') },
      ]),
    });
  }
  columns.push({ heading: 'Device calculated', cell: obsCell([{ pick: (o) => o.source === 'device' }]) });
  if (all.some((o) => o.source === 'har')) columns.push({ heading: 'HAR', cell: obsCell([{ pick: (o) => o.source === 'har' }]) });
  columns.push({ heading: 'Verdict (cause)', cell: verdictCell });
  return columns;
}

/** The frontends set up, then any other frontend an observation names (a merged report may hold more). */
function frontendColumns(report: OtaReport, all: Observation[]): Array<{ label: string; sub: string }> {
  const out = report.setup.frontends.map((f) => ({ label: f.label, sub: `${f.kind === 'folder' ? 'folder ' : ''}${mono(f.address)}` }));
  for (const o of all) {
    if (!o.source.startsWith('frontend:')) continue;
    const label = frontendLabel(o.source);
    if (!out.some((f) => f.label === label)) out.push({ label, sub: 'not in the setup' });
  }
  return out;
}

function expectedCell(r: ResourceVerdict): string {
  if (r.expected === undefined) return '<td class="none"><span class="mark">— not listed</span></td>';
  return `<td>${r.versionTokenFile ? 'token ' : ''}${mono(r.expected)}</td>`;
}

function verdictCell(r: ResourceVerdict): string {
  const cls = r.cause === 'consistent' ? 'ok' : r.fault === 'inconclusive' ? 'err' : 'bad';
  const who = r.frontends.length ? `<br>${esc(r.frontends.join(', '))}` : '';
  return `<td class="${cls}"><strong>${esc(causeWords(r.cause))}</strong><br>Fault: ${esc(r.fault)}${who}</td>`;
}

interface Mark {
  cls: 'ok' | 'bad' | 'err' | 'none';
  text: string;
  detail?: string;
}

const NOT_CHECKED: Mark = { cls: 'none', text: '— not checked' };

function hasError(o: Observation): boolean {
  return o.error !== undefined || o.errorCode !== undefined || (o.status !== undefined && o.status !== 200);
}

function errorText(o: Observation): string | undefined {
  const status = o.status !== undefined && o.status !== 200 ? `status ${o.status}` : undefined;
  const text = [status, o.error ?? o.errorCode].filter(Boolean).join(': ');
  return text || undefined;
}

// The verdict's `matches` decides ✓/✗; an error without a verdict is '!', and the rest was not compared.
function markOf(o: Observation): Mark {
  if (o.matches === true) return { cls: 'ok', text: '✓ match' };
  if (o.matches === false) return { cls: 'bad', text: '✗ differs', detail: errorText(o) };
  if (hasError(o)) return { cls: 'err', text: '! error', detail: errorText(o) };
  if (o.body === 'not-captured') return { cls: 'none', text: '— not checked', detail: 'body not captured' };
  if (o.hash === undefined) return NOT_CHECKED;
  return { cls: 'none', text: '— not compared' };
}

/** What a cell shows of a copy: the token for version-token files, else the hash. */
function shownValue(o: Observation, r: ResourceVerdict): string {
  if (r.versionTokenFile && o.source !== 'device') return o.token !== undefined ? `token ${mono(o.token)}` : o.hash ? 'no token found' : '';
  return o.hash !== undefined ? mono(o.hash) : '';
}

interface Entry {
  value: string;
  mark: Mark;
  samples: number[];
  count: number;
  customer: boolean;
  logExpected?: string;
}

// Repeated public samples often agree: one line per distinct copy, with the sample numbers that gave it.
function entriesOf(obs: Observation[], r: ResourceVerdict): Entry[] {
  const byKey = new Map<string, Entry>();
  for (const o of obs) {
    const value = shownValue(o, r);
    const mark = markOf(o);
    const customer = o.vantage === 'customer';
    const key = [value, mark.text, mark.detail ?? '', customer, o.logExpected ?? ''].join('\u0000');
    const entry = byKey.get(key) ?? { value, mark, samples: [], count: 0, customer, logExpected: o.logExpected };
    entry.count++;
    if (o.sample !== undefined) entry.samples.push(o.sample);
    byKey.set(key, entry);
  }
  return [...byKey.values()];
}

function entryHtml(e: Entry, label: string | undefined, inCustomerColumn: boolean): string {
  const samples = e.samples.length
    ? `${e.samples.length === 1 ? 'sample' : 'samples'} ${[...e.samples].sort((a, b) => a - b).join(', ')}`
    : e.count > 1
      ? `×${e.count}`
      : '';
  const notes = [
    samples,
    e.mark.detail ? esc(e.mark.detail) : '',
    e.logExpected ? `asked for ${mono(e.logExpected)}` : '',
    e.customer && !inCustomerColumn ? '(customer)' : '',
  ].filter(Boolean);
  return `<div class="obs">${label ? `<span class="lbl">${esc(label)}:</span> ` : ''}${e.value ? `${e.value} ` : ''}<span class="mark">${e.mark.text}</span>${notes.length ? ` <span class="note">${notes.join(' · ')}</span>` : ''}</div>`;
}

/** Worst mark first: a cell with one differing sample is a differing cell. */
function cellClass(marks: Mark[]): Mark['cls'] {
  for (const cls of ['bad', 'err', 'ok'] as const) if (marks.some((m) => m.cls === cls)) return cls;
  return 'none';
}

function obsCell(parts: Part[]): (r: ResourceVerdict) => string {
  return (r) => {
    const marks: Mark[] = [];
    const html: string[] = [];
    for (const part of parts) {
      const obs = r.observations.filter(part.pick);
      const inCustomerColumn = obs.length > 0 && obs.every((o) => o.vantage === 'customer') && obs.every((o) => isPublic(o.source));
      const entries = entriesOf(obs, r);
      if (!entries.length && parts.length > 1)
        html.push(entryHtml({ value: '', mark: NOT_CHECKED, samples: [], count: 1, customer: false }, part.label, false));
      for (const e of entries) {
        marks.push(e.mark);
        html.push(entryHtml(e, part.label, inCustomerColumn));
      }
    }
    if (!marks.length) return `<td class="none">${html.join('') || `<span class="mark">${NOT_CHECKED.text}</span>`}</td>`;
    return `<td class="${cellClass(marks)}">${html.join('')}</td>`;
  };
}

// ---------------------------------------------------------------------------------------------------------
// 4. Evidence per resource that is not consistent

function evidenceHtml(resources: ResourceVerdict[]): string {
  if (!resources.length)
    return '<section><h2>Evidence</h2><p>Every resource is consistent: there is no evidence of a fault to show.</p></section>';
  return `<section>
<h2>Evidence, resource by resource</h2>
${resources.map(resourceEvidence).join('\n')}
</section>`;
}

function resourceEvidence(r: ResourceVerdict): string {
  const failing = r.observations.filter((o) => o.matches === false || (o.matches !== true && hasError(o)));
  return `<section class="res">
<h3>${mono(r.path)}</h3>
<p><strong>${esc(causeWords(r.cause))}</strong> · Fault: ${esc(r.fault)}${r.frontends.length ? ` · frontends: ${esc(r.frontends.join(', '))}` : ''} · expected ${r.expected !== undefined ? `${r.versionTokenFile ? 'token ' : ''}${mono(r.expected)}` : 'nothing (not listed)'}</p>
${r.evidence.length ? list(r.evidence.map(esc)) : ''}
${r.next.length ? `<p>What to do next:</p>${list(r.next.map(esc), 'ol')}` : ''}
${failing.length ? failing.map((o) => observationEvidence(o, r)).join('\n') : '<p>No copy of this file differed or failed; the verdict rests on the evidence above.</p>'}
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

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

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
  const tellingTable = telling.length
    ? `<h5>Telling headers</h5><table class="telling"><thead><tr><th scope="col">Header</th><th scope="col">Value</th><th scope="col">What it means</th></tr></thead><tbody>${telling
        .map((t) => `<tr><th scope="row">${esc(t.name)}</th><td class="h">${esc(t.value)}</td><td>${esc(t.meaning)}</td></tr>`)
        .join('')}</tbody></table>`
    : '<p>No telling header (no cache, proxy or length header).</p>';
  const otherTable = others.length
    ? `<h5>Other headers</h5><table class="compact"><tbody>${others.map(([n, v]) => `<tr><th scope="row">${esc(n)}</th><td class="h">${esc(v)}</td></tr>`).join('')}</tbody></table>`
    : '';
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

// ---------------------------------------------------------------------------------------------------------
// 5. moduleinfo copies

function moduleInfoHtml(report: OtaReport): string {
  const c = report.current;
  const rows = report.moduleinfo.map(moduleInfoRow).join('');
  return `<section>
<h2>moduleinfo copies</h2>
<p>Current version: ${c.versionToken !== undefined ? `token ${mono(c.versionToken)}` : 'not decided'}${c.versionSequence !== undefined ? `, sequence ${esc(c.versionSequence)}` : ''}.</p>
<p>How it was decided: ${esc(c.how)}.</p>
${c.changedDuringCheck ? '<p class="warn">Warning: moduleinfo changed during the check — the app was being published.</p>' : ''}
${rows ? `<table><thead><tr><th scope="col">Source</th><th scope="col">Moment</th><th scope="col">Token</th><th scope="col">Sequence</th><th scope="col">Hash</th><th scope="col">Status</th></tr></thead><tbody>${rows}</tbody></table>` : '<p>No copy of moduleinfo was read.</p>'}
</section>`;
}

function moduleInfoRow(m: ModuleInfoCopy): string {
  const status = m.error !== undefined ? `! error: ${m.error}` : m.status !== undefined ? String(m.status) : '';
  return `<tr><td>${esc(capitalise(sourceName({ source: m.source, vantage: m.vantage })))}</td><td>${esc(m.moment)}</td><td>${m.versionToken !== undefined ? mono(m.versionToken) : '—'}</td><td>${esc(m.versionSequence)}</td><td>${m.hash !== undefined ? mono(m.hash) : ''}</td><td>${esc(status)}</td></tr>`;
}

// ---------------------------------------------------------------------------------------------------------
// 6. How it was run

function runsHtml(report: OtaReport): string {
  return `<section>
<h2>How it was run</h2>
${report.runs.length ? report.runs.map(runHtml).join('\n') : '<p>No run information.</p>'}
<h3>Problems met</h3>
${report.problems.length ? list(report.problems.map(esc)) : '<p>No problems met.</p>'}
<h3>Redacted</h3>
<p>${report.redacted.length ? `Redacted from this report: ${esc(report.redacted.join('; '))}.` : 'Nothing was redacted.'}</p>
</section>`;
}

const PROXY_SOURCE: Record<NonNullable<RunInfo['network']['proxySource']>, string> = {
  option: 'given with --proxy',
  environment: 'from the environment (HTTPS_PROXY / HTTP_PROXY)',
  system: 'from the system settings',
};

function runHtml(run: RunInfo, i: number): string {
  const o = run.options;
  const n = run.network;
  const trust = Object.entries(n.trust);
  return `<section class="run">
<h3>Run ${i + 1}: from ${run.vantage === 'customer' ? "the customer's network" : 'support (agent)'}</h3>
${run.cancelled ? '<p class="warn">This run was cancelled before it finished: some copies were not checked.</p>' : ''}
${facts([
  ['App URL', mono(run.appUrl)],
  ['Started', esc(when(run.startedAt))],
  ['Finished', esc(when(run.finishedAt))],
  ['Tool version', esc(run.toolVersion)],
  [
    'Options',
    esc(
      `${plural(o.samples, 'public sample')}, timeout ${o.timeoutSeconds} s, concurrency ${o.concurrency}, resources: ${o.resources}, size limit ${o.maxBytes} bytes`,
    ),
  ],
  [
    'Proxy',
    n.proxy !== undefined
      ? `${mono(n.proxy)}${n.proxySource ? ` — ${esc(PROXY_SOURCE[n.proxySource] ?? n.proxySource)}` : ''}`
      : 'none: direct connections',
  ],
  ['Extra CA', n.ca !== undefined ? mono(n.ca) : 'none (trusted roots only)'],
  ['Trusted fingerprints', trust.length ? list(trust.map(([label, fp]) => `${esc(label)}: ${mono(fp)}`)) : 'none'],
  [
    'Certificate checks',
    n.insecure
      ? '<strong class="warn">OFF (--insecure): any certificate was accepted, so an intercepting proxy would not have been noticed.</strong>'
      : 'on',
  ],
])}
<p>Equivalent command:</p>
<pre>${esc(run.command)}</pre>
</section>`;
}

// ---------------------------------------------------------------------------------------------------------
// Style: light, system fonts, and print-friendly (no backgrounds needed, rows never cut in two).

const STYLE = `
:root { color-scheme: light; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #1f2328; background: #fff; margin: 1.5rem; line-height: 1.45; font-size: 14px; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 .5rem; border-bottom: 1px solid #d0d7de; padding-bottom: .2rem; }
h3 { font-size: 1.05rem; margin: 1.2rem 0 .4rem; }
h4 { font-size: 1rem; margin: 1rem 0 .3rem; }
h5 { font-size: .9rem; margin: .8rem 0 .3rem; }
.meta, .sub, .note { color: #57606a; }
.sub, .note { font-size: .85em; font-weight: normal; }
.h, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; font-size: 12px; overflow-wrap: anywhere; word-break: normal; }
pre { white-space: pre-wrap; background: #f6f8fa; border: 1px solid #d0d7de; padding: .5rem; margin: .3rem 0; }
pre.x { margin: 0; border: 0; padding: 0; background: none; }
table { border-collapse: collapse; margin: .4rem 0; }
th, td { border: 1px solid #d0d7de; padding: .25rem .4rem; vertical-align: top; text-align: left; overflow-wrap: anywhere; }
thead th { background: #f6f8fa; }
.scroll { overflow-x: auto; }
table.grid { width: 100%; }
table.grid tbody th { font-weight: normal; min-width: 12rem; }
table.kv th { font-weight: 600; width: 13rem; }
table.diff td { width: 45%; }
.obs { margin: .1rem 0; }
.lbl { font-weight: 600; }
.mark { font-weight: 600; white-space: nowrap; }
td.ok { background: #eefbf0; }
td.bad { background: #fff0f0; }
td.err { background: #fff8e1; }
table.telling th, table.telling td { background: #fffbdd; }
.verdict { border: 2px solid #57606a; border-radius: 6px; padding: .5rem 1rem 1rem; background: #f6f8fa; }
.verdict h2 { margin-top: .5rem; }
.short { font-size: 1.15rem; }
.warn { border: 2px solid #9a6700; padding: .3rem .5rem; font-weight: 600; }
.res { border-top: 1px solid #d0d7de; margin-top: 1rem; }
.ev { margin-left: 1rem; }
@media print {
  body { margin: 0; font-size: 10pt; }
  .scroll { overflow: visible; }
  td.ok, td.bad, td.err, thead th, pre, .verdict, table.telling th, table.telling td { background: none; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  h2, h3, h4, h5 { break-after: avoid; }
  .res, .ev { break-inside: auto; }
}
`;
