// The case summary: the part of a report a ticket needs, on at most 2 printed pages. The verdict (the files the
// device's log rejected first), the evidence, the next steps, the faulty resources with their copies, and the
// command that reproduces the check. Self-contained like the full report: inline style, nothing that loads or runs.
import { describeJudgement } from './acceptance.js';
import { capitalise, causeWords, esc, facts, htmlDocument, list, mono, plural, when } from './html-text.js';
import { markOf } from './report-html-grid.js';
import type { OtaReport } from './report.js';
import { sourceName } from './sources.js';
import type { Observation } from './types.js';
import type { ResourceVerdict } from './verdict.js';

const PLATFORM = { ios: 'iOS', android: 'Android' } as const;

/** What fits on two pages: the rest is named as "in the full report". */
export const SUMMARY_LIMITS = { evidence: 4, next: 4, alsoFound: 2, resources: 3, copies: 6, named: 6 } as const;

export function renderCaseSummaryHtml(report: OtaReport): string {
  const title = `Case summary — OTA upgrade check — ${report.moduleName ?? 'module'}`;
  const faulty = report.resources.filter((r) => r.fault !== 'none' || r.logged);
  // The device's own report first, then the order of the fault's precedence as the verdict gives it.
  const ordered = [...faulty.filter((r) => r.logged), ...faulty.filter((r) => !r.logged)];
  return htmlDocument(title, STYLE, [
    headerHtml(report, title),
    verdictHtml(report),
    resourcesHtml(ordered),
    commandHtml(report),
    '<p class="meta">The full report has every resource, every copy with its headers, and the byte diffs.</p>',
  ]);
}

function headerHtml(report: OtaReport, title: string): string {
  const urls = [...new Set(report.runs.map((r) => r.appUrl))];
  const started = report.runs.map((r) => r.startedAt).sort()[0];
  const platform = report.platform ? ` · Judged as ${PLATFORM[report.platform.judgedFor]}` : '';
  return `<header>
<h1>${esc(title)}</h1>
<p class="meta">App: ${urls.length ? urls.map(mono).join(', ') : 'unknown'} · Checked: ${esc(when(started))}${platform}</p>
</header>`;
}

/** The first `n` items, and a line saying how many more the full report has. */
function capped(items: string[], n: number, tag: 'ul' | 'ol' = 'ul'): string {
  const more = items.length > n ? `<p class="meta">…and ${items.length - n} more in the full report.</p>` : '';
  return list(items.slice(0, n).map(esc), tag) + more;
}

function verdictHtml(report: OtaReport): string {
  const logged = report.resources.filter((r) => r.logged);
  // Not what the facts below say already (the version, the platform), nor the logged files' lines above.
  const said = new Set([`Current version: ${report.current.how}.`]);
  if (report.platform) said.add(`Each copy is judged as ${PLATFORM[report.platform.judgedFor]} would judge it: ${report.platform.how}.`);
  for (const r of logged) if (r.deviceGot) said.add(`${r.path}: ${r.deviceGot}`);
  const evidence = report.evidence.filter((e) => !said.has(e));
  const loggedHtml = logged.length
    ? `<p class="logged"><strong>The device rejected ${logged.length === 1 ? 'this file' : `these ${logged.length} files`}:</strong></p>
${list(logged.slice(0, SUMMARY_LIMITS.resources).map((r) => `${mono(r.path)}: ${esc(causeWords(r.cause))}${r.deviceGot ? `. ${esc(r.deviceGot)}` : ''}`))}`
    : '';
  return `<section class="verdict">
<p class="headline"><strong>${esc(report.headline)}</strong></p>
${loggedHtml}
<p>${esc(report.customer)}</p>
${facts([
  ['Fault', `<strong>${esc(report.fault)}</strong> (${esc(causeWords(report.cause))})`],
  ['Frontends at fault', report.frontends.length ? report.frontends.map(esc).join(', ') : undefined],
  ['Current version', esc(report.current.how)],
])}
<h2>Evidence</h2>
${evidence.length ? capped(evidence, SUMMARY_LIMITS.evidence) : '<p>No evidence recorded.</p>'}
<h2>What to do next</h2>
${report.next.length ? capped(report.next, SUMMARY_LIMITS.next, 'ol') : '<p>Nothing to do: no fault was found.</p>'}
${report.alsoFound?.length ? `<h2>Also found</h2>\n${capped(report.alsoFound, SUMMARY_LIMITS.alsoFound)}` : ''}
</section>`;
}

function resourcesHtml(faulty: ResourceVerdict[]): string {
  if (!faulty.length) return '<section><h2>Faulty resources</h2><p>None: every resource checked is consistent.</p></section>';
  const shown = faulty.slice(0, SUMMARY_LIMITS.resources);
  const rest = faulty.slice(SUMMARY_LIMITS.resources);
  const named = rest.slice(0, SUMMARY_LIMITS.named).map((r) => `${mono(r.path)} (${esc(causeWords(r.cause))})`);
  const more = rest.length > named.length ? `, and ${rest.length - named.length} more` : '';
  return `<section>
<h2>Faulty resources (${faulty.length})</h2>
${shown.map(resourceHtml).join('\n')}
${rest.length ? `<p class="rest">Also at fault: ${named.join(', ')}${more}.</p>` : ''}
</section>`;
}

interface CopyRow {
  point: string;
  value: string;
  mark: string;
  judgement: string;
}

/** One row per point and distinct copy: repeated public samples that agree are one row. */
function copyRows(r: ResourceVerdict): CopyRow[] {
  const rows = new Map<string, CopyRow & { samples: number[] }>();
  for (const o of r.observations) {
    const value = valueOf(o, r);
    const mark = markOf(o);
    const judgement = o.acceptance ? describeJudgement(o.acceptance) : (mark.detail ?? '');
    const point = capitalise(sourceName({ ...o, sample: undefined }));
    const key = [point, value, mark.text, judgement].join('\u0000');
    const row = rows.get(key) ?? { point, value, mark: mark.text, judgement, samples: [] };
    if (o.sample !== undefined) row.samples.push(o.sample);
    rows.set(key, row);
  }
  const all = [...rows.values()].map((row) => ({
    ...row,
    point: row.samples.length > 1 ? `${row.point} (${plural(row.samples.length, 'sample')})` : row.point,
  }));
  // The right copies say one thing: one row naming their points.
  const right = all.filter((c) => c.mark.startsWith('✓'));
  if (right.length < 2) return all;
  const points = right.map((c) => c.point.replace(/^The /, 'the ').replace(/^Frontend /, ''));
  const judgement = right.every((c) => c.judgement === right[0]!.judgement) ? right[0]!.judgement : '';
  return [
    ...all.filter((c) => !c.mark.startsWith('✓')),
    { point: `Every other point: ${points.join(', ')}`, value: right[0]!.value, mark: right[0]!.mark, judgement },
  ];
}

function valueOf(o: Observation, r: ResourceVerdict): string {
  if (r.versionTokenFile && o.source !== 'device') return o.token !== undefined ? `token ${o.token}` : o.hash ? 'no token found' : '';
  return o.hash ?? '';
}

function resourceHtml(r: ResourceVerdict): string {
  const rows = copyRows(r);
  // Wrong copies first: they are the evidence; the right ones only show what they were compared with.
  const order = (c: CopyRow) => (c.mark.startsWith('✗') ? 0 : c.mark.startsWith('!') ? 1 : 2);
  const sorted = [...rows].sort((a, b) => order(a) - order(b));
  const shown = sorted.slice(0, SUMMARY_LIMITS.copies);
  const body = shown
    .map(
      (c) =>
        `<tr><td>${esc(c.point)}</td><td class="h">${esc(c.value)}</td><td class="mark">${esc(c.mark)}</td><td>${esc(c.judgement)}</td></tr>`,
    )
    .join('');
  const more =
    sorted.length > shown.length ? `<p class="meta">…and ${plural(sorted.length - shown.length, 'more copy', 'more copies')}.</p>` : '';
  const expected = r.expected !== undefined ? `${r.versionTokenFile ? 'token ' : ''}${mono(r.expected)}` : 'not listed';
  const who = r.frontends.length ? ` · frontends ${esc(r.frontends.join(', '))}` : '';
  return `<div class="res">
<h3>${mono(r.path)}</h3>
<p><strong>${esc(causeWords(r.cause))}</strong> · fault ${esc(r.fault)}${who} · expected ${expected}${r.logged ? ' · rejected in the log' : ''}</p>
${r.deviceGot ? `<p>${esc(r.deviceGot)}</p>` : ''}
<table class="copies"><thead><tr><th scope="col">Point</th><th scope="col">Copy</th><th scope="col">Mark</th><th scope="col">A device</th></tr></thead>
<tbody>${body}</tbody></table>
${more}
</div>`;
}

function commandHtml(report: OtaReport): string {
  const commands = [...new Set(report.runs.map((r) => r.command))];
  return `<section>
<h2>Reproduce this check</h2>
${commands.length ? commands.map((c) => `<pre>${esc(c)}</pre>`).join('\n') : '<p>No command recorded.</p>'}
</section>`;
}

const STYLE = `
:root { color-scheme: light; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #1f2328; background: #fff;
  margin: 1.5rem auto; max-width: 60rem; padding: 0 1rem; line-height: 1.4; font-size: 14px; }
h1 { font-size: 1.35rem; margin: 0 0 .2rem; }
h2 { font-size: 1.1rem; margin: 1rem 0 .3rem; border-bottom: 1px solid #d0d7de; padding-bottom: .1rem; }
h3 { font-size: 1rem; margin: .8rem 0 .2rem; }
p { margin: .25rem 0; }
ul, ol { margin: .2rem 0; padding-left: 1.4rem; }
.meta { color: #57606a; }
.h, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; font-size: 12px; }
.h { overflow-wrap: anywhere; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; background: #f6f8fa; border: 1px solid #d0d7de; padding: .4rem; margin: .3rem 0; }
table { border-collapse: collapse; margin: .3rem 0; width: 100%; }
th, td { border: 1px solid #d0d7de; padding: .2rem .35rem; vertical-align: top; text-align: left; }
thead th { background: #f6f8fa; }
table.kv th { font-weight: 600; width: 11rem; }
table.copies { table-layout: fixed; }
table.copies th:nth-child(1) { width: 36%; }
table.copies th:nth-child(2) { width: 24%; }
table.copies th:nth-child(3) { width: 10%; }
table.copies td.mark { white-space: nowrap; }
.verdict { border: 2px solid #57606a; border-radius: 6px; padding: .5rem 1rem; }
.headline { font-size: 1.1rem; }
.logged { color: #a40e26; }
@page { margin: 12mm; }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 9pt; line-height: 1.3; }
  h2 { margin-top: .7rem; }
  .h, pre { font-size: 8.5pt; }
  thead th, pre { background: none; }
  tr { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
}
`;
