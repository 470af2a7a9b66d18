// The OTA report as one printable HTML page, to attach to a ticket or an e-mail. It must open anywhere,
// offline, and be safe to open: inline style only, nothing that loads or runs (a strict CSP says so too),
// and every value from the report escaped, since headers and bodies come from servers we do not trust.
import { unique } from '../unique.js';
import { capitalise, causeWords, esc, facts, htmlDocument, list, mono, plural, when } from './html-text.js';
import { evidenceHtml } from './report-html-evidence.js';
import { gridHtml } from './report-html-grid.js';
import type { OtaReport, RunInfo } from './report.js';
import type { Cause, ModuleInfoCopy } from './types.js';
import { sourceName } from './sources.js';
import type { ResourceVerdict } from './verdict.js';

export interface ReportHtmlOptions {
  /** Replaces "OTA upgrade check — <module>" as the page title and heading. */
  title?: string;
}

export function renderReportHtml(report: OtaReport, options: ReportHtmlOptions = {}): string {
  const title = options.title ?? `OTA upgrade check — ${report.moduleName ?? 'module'}`;
  const resources = orderResources(report.resources);
  return htmlDocument(title, STYLE, [
    headerHtml(report, title),
    verdictHtml(report),
    gridHtml(report, resources),
    evidenceHtml(resources.filter((r) => r.cause !== 'consistent')),
    moduleInfoHtml(report),
    runsHtml(report),
  ]);
}

const RANK: Record<ResourceVerdict['fault'], number> = { deployment: 1, frontend: 2, network: 3, inconclusive: 4, none: 5 };

// Problems first, as the app shows them: the files the device's log rejected, then by fault; the thousands that are fine last.
function orderResources(resources: ResourceVerdict[]): ResourceVerdict[] {
  const rank = (r: ResourceVerdict) => (r.logged ? 0 : r.cause === 'consistent' ? 6 : RANK[r.fault]);
  return resources
    .map((r, i) => ({ r, i }))
    .sort((a, b) => rank(a.r) - rank(b.r) || a.i - b.i)
    .map((x) => x.r);
}

// ---------------------------------------------------------------------------------------------------------
// 1. Header and 2. verdict

function headerHtml(report: OtaReport, title: string): string {
  const urls = unique(report.runs.map((r) => r.appUrl));
  const started = report.runs.map((r) => r.startedAt).sort()[0];
  const joined = report.runs.length > 1 ? ` (${report.runs.length} runs joined)` : '';
  return `<header>
<h1>${esc(title)}</h1>
<p class="meta">App: ${urls.length ? urls.map(mono).join(', ') : 'unknown'} · Checked: ${esc(when(started))}${joined}</p>
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
  ['Judged as', report.platform ? esc(`${report.platform.judgedFor === 'ios' ? 'iOS' : 'Android'}: ${report.platform.how}`) : undefined],
])}
<h3>Evidence</h3>
${report.evidence.length ? list(report.evidence.map(esc)) : '<p>No evidence recorded.</p>'}
<h3>What to do next</h3>
${report.next.length ? list(report.next.map(esc), 'ol') : '<p>Nothing to do: no fault was found.</p>'}
${report.alsoFound?.length ? `<h3>Also found</h3>\n${list(report.alsoFound.map(esc))}` : ''}
</section>`;
}

// ---------------------------------------------------------------------------------------------------------
// 5. moduleinfo copies

function moduleInfoHtml(report: OtaReport): string {
  const c = report.current;
  const rows = report.moduleinfo.map(moduleInfoRow).join('');
  const token = c.versionToken !== undefined ? `token ${mono(c.versionToken)}` : 'not decided';
  const sequence = c.versionSequence !== undefined ? `, sequence ${esc(c.versionSequence)}` : '';
  const head = ['Source', 'Moment', 'Token', 'Sequence', 'Hash', 'Status'].map((h) => `<th scope="col">${h}</th>`).join('');
  return `<section>
<h2>moduleinfo copies</h2>
<p>Current version: ${token}${sequence}.</p>
<p>How it was decided: ${esc(c.how)}.</p>
${c.changedDuringCheck ? '<p class="warn">Warning: moduleinfo changed during the check — the app was being published.</p>' : ''}
${rows ? `<table><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>` : '<p>No copy of moduleinfo was read.</p>'}
</section>`;
}

function moduleInfoRow(m: ModuleInfoCopy): string {
  const status = m.error !== undefined ? `! error: ${m.error}` : m.status !== undefined ? String(m.status) : '';
  const cells = [
    esc(capitalise(sourceName({ source: m.source, vantage: m.vantage }))),
    esc(m.moment),
    m.versionToken !== undefined ? mono(m.versionToken) : '—',
    esc(m.versionSequence),
    m.hash !== undefined ? mono(m.hash) : '',
    esc(status),
  ];
  return `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;
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
      `${plural(o.samples, 'public sample')}, timeout ${o.timeoutSeconds} s, concurrency ${o.concurrency}, ` +
        `resources: ${o.resources}, size limit ${o.maxBytes} bytes`,
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
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #1f2328; background: #fff;
  margin: 1.5rem; line-height: 1.45; font-size: 14px; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 .5rem; border-bottom: 1px solid #d0d7de; padding-bottom: .2rem; }
h3 { font-size: 1.05rem; margin: 1.2rem 0 .4rem; }
h4 { font-size: 1rem; margin: 1rem 0 .3rem; }
h5 { font-size: .9rem; margin: .8rem 0 .3rem; }
.meta, .sub, .note { color: #57606a; }
.sub, .note { font-size: .85em; font-weight: normal; }
.h, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; font-size: 12px;
  overflow-wrap: anywhere; word-break: normal; }
pre { white-space: pre-wrap; background: #f6f8fa; border: 1px solid #d0d7de; padding: .5rem; margin: .3rem 0; }
pre.x { margin: 0; border: 0; padding: 0; background: none; }
table { border-collapse: collapse; margin: .4rem 0; }
th, td { border: 1px solid #d0d7de; padding: .25rem .4rem; vertical-align: top; text-align: left; overflow-wrap: break-word; }
thead th { background: #f6f8fa; }
.scroll { overflow-x: auto; }
table.grid { width: 100%; }
table.grid tbody th { font-weight: normal; min-width: 10rem; }
table.grid td { min-width: 4.5rem; }
.got { font-style: italic; }
table.kv th { font-weight: 600; width: 13rem; }
table.diff td { width: 45%; }
.obs { margin: .1rem 0; }
.lbl { font-weight: 600; }
.mark { font-weight: 600; white-space: nowrap; }
td.ok { background: #eefbf0; }
td.bad { background: #fff0f0; }
td.err { background: #fff8e1; }
table.telling th, table.telling td { background: #fffbdd; }
table.telling tbody th, table.compact th, table.kv th { white-space: nowrap; }
.verdict { border: 2px solid #57606a; border-radius: 6px; padding: .5rem 1rem 1rem; background: #f6f8fa; }
.verdict h2 { margin-top: .5rem; }
.short { font-size: 1.15rem; }
.warn { border: 2px solid #9a6700; padding: .3rem .5rem; font-weight: 600; }
.res { border-top: 1px solid #d0d7de; margin-top: 1rem; }
.ev { margin-left: 1rem; }
@media print {
  body { margin: 0; font-size: 10pt; }
  table.grid { font-size: 8pt; }
  table.grid .h { font-size: 7.5pt; }
  .scroll { overflow: visible; }
  td.ok, td.bad, td.err, thead th, pre, .verdict, table.telling th, table.telling td { background: none; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  h2, h3, h4, h5 { break-after: avoid; }
  .res, .ev { break-inside: auto; }
}
`;
