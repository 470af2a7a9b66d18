// The points of a check in words ("frontend FE2", "the public URL (sample 2)") and the small tests on a
// source that the verdict, the report and the screens share.
import type { Observation, Source } from './types.js';

export const isFrontend = (s: Source) => s.startsWith('frontend:');
export const frontendLabel = (s: Source) => s.slice('frontend:'.length);
export const isPublic = (s: Source) => s === 'public' || s === 'public-nocache' || s === 'public-busted';
export const isBypass = (s: Source) => s === 'public-nocache' || s === 'public-busted';

export function sourceName(o: Pick<Observation, 'source' | 'sample' | 'vantage'>): string {
  const who = o.vantage === 'customer' ? ' (from the customer)' : '';
  if (isFrontend(o.source)) return `frontend ${frontendLabel(o.source)}`;
  if (o.source === 'public') return `the public URL${o.sample && o.sample > 1 ? ` (sample ${o.sample})` : ''}${who}`;
  if (o.source === 'public-nocache') return `the public URL with Cache-Control: no-cache${who}`;
  if (o.source === 'public-busted') return `the public URL with an extra query parameter${who}`;
  if (o.source === 'device') return 'the device';
  if (o.source === 'har') return `the captured traffic (HAR)${who}`;
  return 'the moduleinfo given';
}

/** "5 samples from here and 3 from the customer's network": how many copies back a statement. */
export function countSamples(obs: Observation[]): string {
  const n = (v: Observation['vantage']) => obs.filter((o) => o.vantage === v).length;
  const parts = [
    n('agent') && `${n('agent')} sample${n('agent') === 1 ? '' : 's'} from here`,
    n('customer') && `${n('customer')} from the customer's network`,
  ].filter(Boolean);
  return parts.join(' and ');
}

/** "FE1", "FE1 and FE2", "FE1, FE2 and FE4". */
export function inWords(names: readonly string[]): string {
  return names.length < 2 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]!}`;
}

/** Who a statement is about: one frontend or several, so the sentence can agree ("serves" / "serve"). */
export interface Frontends {
  /** "Frontend FE1", "Frontends FE1, FE2 and FE4". */
  who: string;
  many: boolean;
}

/**
 * One statement per frontend, with those that say the same folded into one ("Frontends FE1, FE2 and FE4 serve the
 * current version (…)", not the same sentence for each), in the order the frontends first say it.
 */
export function foldFrontends(obs: readonly Observation[], say: (o: Observation, f: Frontends) => string): string[] {
  const groups = new Map<string, Observation[]>();
  for (const o of obs) {
    // What it says, whoever says it: the key of its group.
    const key = say(o, { who: '\u0000', many: false });
    groups.set(key, [...(groups.get(key) ?? []), o]);
  }
  return [...groups.values()].map((g) => {
    const labels = [...new Set(g.map((o) => frontendLabel(o.source)))];
    const many = labels.length > 1;
    return say(g[0]!, { who: `${many ? 'Frontends' : 'Frontend'} ${inWords(labels)}`, many });
  });
}

export function isShort(o: Observation): boolean {
  const f = o.fetch;
  return !!f && f.contentLength !== undefined && !f.capped && f.wireBytes < f.contentLength;
}

export function short(hash: string | undefined): string {
  return hash ?? '(nothing)';
}

export function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
