// The side-by-side table as data: which columns a report needs and what each cell says. Display only:
// ✓ and ✗ come from the verdict's `matches`, computed in main; nothing is hashed or judged here.
import type { OtaReport } from '../../../main/common/ota/report.js';
import type { Observation, Source, Vantage } from '../../../main/common/ota/types.js';
import { frontendLabel } from '../../../main/common/ota/sources.js';
import type { ResourceVerdict } from '../../../main/common/ota/verdict.js';
import { strings } from '../../strings/index.js';

export type Match = 'true' | 'false' | 'error' | 'none';

interface Part {
  /** Named when a cell holds two sources (no-cache and extra query). */
  label?: string;
  pick(o: Observation): boolean;
}

export interface Column {
  /** data-source of its cells: frontend:FE1, public, bypass, device, har, public-customer, bypass-customer. */
  key: string;
  heading: string;
  sub?: string;
  /** Set on frontend columns, for the frontend filter. */
  frontend?: string;
  parts: Part[];
}

export interface CellEntry {
  label?: string;
  /** Short form for the cell; `full` for the title and the clipboard. */
  shown: string;
  full?: string;
  match: Match;
  reason?: string;
  samples: number[];
  count: number;
}

export interface Cell {
  column: Column;
  match: Match;
  entries: CellEntry[];
  observations: Observation[];
}

const t = strings.ota.table;
const isPublic = (s: Source) => s === 'public' || s === 'public-nocache' || s === 'public-busted';
const isBypass = (s: Source) => s === 'public-nocache' || s === 'public-busted';

/** First 8 characters and an ellipsis: enough to tell copies apart at a glance. */
export function shortValue(value: string, keep = 8): string {
  return value.length > keep + 1 ? `${value.slice(0, keep)}…` : value;
}

export function resultColumns(report: OtaReport): Column[] {
  // One pass over every copy (a whole module has tens of thousands): which points and vantages the report has.
  const all: Observation[] = [];
  const seen = new Set<string>();
  for (const r of report.resources)
    for (const o of r.observations) {
      const k = `${o.source}\u0000${o.vantage}`;
      if (!seen.has(k)) {
        seen.add(k);
        all.push(o);
      }
    }
  const columns: Column[] = report.setup.frontends.map((f) =>
    frontendColumn(f.label, f.kind === 'folder' ? `${t.folderSub} ${f.address}` : f.address),
  );
  // A merged report may name frontends its setup does not: they still get their column.
  for (const o of all) {
    if (!o.source.startsWith('frontend:')) continue;
    const label = frontendLabel(o.source);
    if (!columns.some((c) => c.frontend === label)) columns.push(frontendColumn(label, t.notInSetup));
  }
  // Public copies seen from the customer's network stay apart from ours (a merged report has both).
  const vantages = (['agent', 'customer'] as Vantage[]).filter((v) => all.some((o) => isPublic(o.source) && o.vantage === v));
  for (const v of vantages.length ? vantages : (['agent'] as Vantage[])) {
    const suffix = v === 'customer' ? '-customer' : '';
    const name = (h: string) => (v === 'customer' ? t.customer(h) : h);
    const mine = (source: Source) => (o: Observation) => o.source === source && o.vantage === v;
    columns.push({ key: `public${suffix}`, heading: name(t.publicUrl), parts: [{ pick: mine('public') }] });
    // A customer's check often has no bypassed samples: no empty column for them then.
    if (v === 'customer' && !all.some((o) => isBypass(o.source) && o.vantage === v)) continue;
    columns.push({
      key: `bypass${suffix}`,
      heading: name(t.bypass),
      parts: [
        { label: t.noCache, pick: mine('public-nocache') },
        { label: t.extraQuery, pick: mine('public-busted') },
      ],
    });
  }
  columns.push({ key: 'device', heading: t.device, parts: [{ pick: (o) => o.source === 'device' }] });
  if (all.some((o) => o.source === 'har')) columns.push({ key: 'har', heading: t.har, parts: [{ pick: (o) => o.source === 'har' }] });
  return columns;
}

function frontendColumn(label: string, sub: string): Column {
  const source = `frontend:${label}`;
  return { key: source, heading: label, sub, frontend: label, parts: [{ pick: (o) => o.source === source }] };
}

function errorReason(o: Observation): string | undefined {
  const status = o.status !== undefined && o.status !== 200 ? t.status(o.status) : undefined;
  const text = [status, o.errorCode ?? o.error].filter(Boolean).join(': ');
  return text || undefined;
}

/** ✓/✗ from the verdict; an error the verdict did not judge is '!'; the rest was not compared. */
function matchOf(o: Observation): { match: Match; reason?: string } {
  if (o.matches === true) return { match: 'true' };
  if (o.matches === false) return { match: 'false', reason: errorReason(o) };
  if (o.error !== undefined || o.errorCode !== undefined || (o.status !== undefined && o.status !== 200))
    return { match: 'error', reason: errorReason(o) };
  if (o.hash === undefined) return { match: 'none' };
  return { match: 'none', reason: t.notCompared };
}

/** The token for version-token files (what the device judges them by), else the hash. */
function valueOf(o: Observation, r: ResourceVerdict): { shown: string; full?: string } {
  if (r.versionTokenFile && o.source !== 'device') {
    if (o.token !== undefined) return { shown: shortValue(o.token, 12), full: o.token };
    return { shown: o.hash !== undefined ? t.noToken : '' };
  }
  return o.hash !== undefined ? { shown: shortValue(o.hash), full: o.hash } : { shown: '' };
}

// Repeated samples usually agree: one entry per distinct copy, with the sample numbers that gave it.
function entriesOf(obs: Observation[], r: ResourceVerdict, label?: string): CellEntry[] {
  const byKey = new Map<string, CellEntry>();
  for (const o of obs) {
    const value = valueOf(o, r);
    const m = matchOf(o);
    const key = [value.full ?? value.shown, m.match, m.reason ?? ''].join('\u0000');
    const entry = byKey.get(key) ?? { label, ...value, ...m, samples: [], count: 0 };
    entry.count++;
    if (o.sample !== undefined) entry.samples.push(o.sample);
    byKey.set(key, entry);
  }
  for (const e of byKey.values()) e.samples.sort((a, b) => a - b);
  return [...byKey.values()];
}

/** Worst first: a cell with one differing sample is a differing cell. */
function worst(matches: Match[]): Match {
  for (const m of ['false', 'error', 'true'] as const) if (matches.includes(m)) return m;
  return 'none';
}

export function cellOf(column: Column, r: ResourceVerdict): Cell {
  const entries: CellEntry[] = [];
  const observations: Observation[] = [];
  for (const part of column.parts) {
    const obs = r.observations.filter((o) => part.pick(o));
    observations.push(...obs);
    entries.push(...entriesOf(obs, r, part.label));
  }
  // no-cache and extra query that got the same copy read as one: labels only when they differ.
  const same = (a: CellEntry, b: CellEntry) => a.shown === b.shown && a.full === b.full && a.match === b.match && a.reason === b.reason;
  const first = entries[0];
  const merged =
    first && entries.length > 1 && entries.every((e) => same(e, first))
      ? [
          {
            ...first,
            label: undefined,
            count: entries.reduce((n, e) => n + e.count, 0),
            samples: [...new Set(entries.flatMap((e) => e.samples))].sort((a, b) => a - b),
          },
        ]
      : entries;
  return { column, match: worst(entries.map((e) => e.match)), entries: merged, observations };
}

/** What Copy puts on the clipboard: every distinct full value in the cell, one per line. */
export function cellCopyText(cell: Cell): string {
  return [...new Set(cell.entries.map((e) => e.full).filter((v): v is string => v !== undefined))].join('\n');
}

export interface Filters {
  onlyProblems: boolean;
  /** A frontend label: only that frontend's column among the frontends. */
  frontend?: string;
}

export function visibleColumns(columns: Column[], filters: Filters): Column[] {
  return filters.frontend === undefined ? columns : columns.filter((c) => c.frontend === undefined || c.frontend === filters.frontend);
}

/** A fault proved or not decided, or a copy that differs: what "Only problems" keeps. */
export function isProblem(r: ResourceVerdict): boolean {
  return r.fault !== 'none' || r.logged === true;
}

const RANK: Record<ResourceVerdict['fault'], number> = { deployment: 1, frontend: 2, network: 3, inconclusive: 4, none: 5 };

/** Problems first: the files the device's log rejected, then by fault (deployment > frontend > network > not decided), else as given. */
export function problemsFirst(resources: ResourceVerdict[]): ResourceVerdict[] {
  const rank = (r: ResourceVerdict) => (r.logged ? 0 : RANK[r.fault]);
  return resources
    .map((r, i) => ({ r, i, k: rank(r) }))
    .sort((a, b) => a.k - b.k || a.i - b.i)
    .map((x) => x.r);
}

/** Rows kept by the filters, problems first: a problem is a fault on the row or a ✗ in a shown column. */
export function visibleRows(resources: ResourceVerdict[], columns: Column[], filters: Filters): ResourceVerdict[] {
  const ordered = problemsFirst(resources);
  if (!filters.onlyProblems) return ordered;
  return ordered.filter((r) => {
    if (filters.frontend === undefined && isProblem(r)) return true;
    // Most rows of a whole module have no copy that differs: no cell of theirs can be ✗.
    if (!r.observations.some((o) => o.matches === false)) return false;
    return columns.some((c) => cellOf(c, r).match === 'false');
  });
}
