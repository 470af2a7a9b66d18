// The HTML report's side-by-side table: one row per resource, one column per point (expected, each
// frontend, the public URL and its cache-bypassing samples, the HAR, the device), each cell marked ✓ ✗ !.

import { causeWords, esc, mono, plural } from './html-text.js';
import type { OtaReport } from './report.js';
import type { Observation, Source, Vantage } from './types.js';
import { frontendLabel } from './sources.js';
import type { ResourceVerdict } from './verdict.js';

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

export function gridHtml(report: OtaReport, resources: ResourceVerdict[]): string {
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
  // The verdict beside the path: the row's answer first, then the copies that back it.
  const columns: Column[] = [
    { heading: 'Resource path', cell: (r) => `<th scope="row" class="h">${esc(r.path)}</th>` },
    { heading: 'Verdict (cause)', cell: verdictCell },
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

export interface Mark {
  cls: 'ok' | 'bad' | 'err' | 'none';
  text: string;
  detail?: string;
}

const NOT_CHECKED: Mark = { cls: 'none', text: '— not checked' };

export function hasError(o: Observation): boolean {
  return o.error !== undefined || o.errorCode !== undefined || (o.status !== undefined && o.status !== 200);
}

export function errorText(o: Observation): string | undefined {
  const status = o.status !== undefined && o.status !== 200 ? `status ${o.status}` : undefined;
  const text = [status, o.error ?? o.errorCode].filter(Boolean).join(': ');
  return text || undefined;
}

// The verdict's `matches` decides ✓/✗; an error without a verdict is '!', and the rest was not compared.
export function markOf(o: Observation): Mark {
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
  const lbl = label ? `<span class="lbl">${esc(label)}:</span> ` : '';
  const note = notes.length ? ` <span class="note">${notes.join(' · ')}</span>` : '';
  // A copy that matches is the expected value again: its mark says it all, and the table stays narrow enough to read.
  const value = e.value && e.mark.cls !== 'ok' ? `${e.value} ` : '';
  return `<div class="obs">${lbl}${value}<span class="mark">${e.mark.text}</span>${note}</div>`;
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
