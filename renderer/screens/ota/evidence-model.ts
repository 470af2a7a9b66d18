// The evidence panel as data: which headers decided a copy's verdict (shown first and marked), and repeated
// samples folded into one block when they got the same thing. Display only: the verdict comes from main.
import { tellingHeaders, type TellingHeader } from '../../../main/common/ota/telling-headers.js';
import type { Cause, Observation } from '../../../main/common/ota/types.js';

type Kind = TellingHeader['kind'];

/** Per cause, the kinds of header that carry its proof, in the order they are read out. */
const DECISIVE: Record<Cause, readonly Kind[]> = {
  'stale-cache': ['cache', 'proxy'],
  truncated: ['length', 'encoding', 'proxy'],
  'altered-content': ['transform', 'length', 'encoding', 'proxy'],
  'device-network': ['transform', 'proxy'],
  // A balancer alternating between servers shows in its affinity cookies; a frontend's own copy is judged by its bytes.
  'outdated-frontend': ['affinity'],
  'manifest-mismatch': [],
  'frontend-error': ['server', 'length'],
  'new-deployment': [],
  unreachable: [],
  cancelled: [],
  inconclusive: ['cache', 'proxy'],
  consistent: [],
};

export interface HeaderView extends TellingHeader {
  decisive: boolean;
}

/** Cache headers that show a stored copy go before the ones that only name a node. */
const HIT = /^(age|x-cache|cf-cache-status|cache-status|x-cache-status|x-proxy-cache|akamai-cache-status|x-drupal-cache)$/i;

/** Whether any header of this copy proves the cause (else the panel's first block shows none). */
export function hasDecisive(o: Observation, cause: Cause): boolean {
  return headerViews(o, cause).some((h) => h.decisive);
}

/**
 * The telling headers of one copy: for a wrong copy reached through the public URL, those of the kinds that prove the resource's cause come
 * first (marked `decisive`), a stored-copy statement (Age, X-Cache: HIT) before the rest of its kind.
 */
export function headerViews(o: Observation, cause: Cause): HeaderView[] {
  const telling = o.fetch ? tellingHeaders(o.fetch.headers) : [];
  const kinds = o.matches === false && !o.source.startsWith('frontend:') ? DECISIVE[cause] : [];
  const rank = (h: TellingHeader) => {
    const k = kinds.indexOf(h.kind);
    return k < 0 ? kinds.length * 2 : k * 2 + (HIT.test(h.name) ? 0 : 1);
  };
  return telling
    .map((h, i) => ({ h, i }))
    .sort((a, b) => rank(a.h) - rank(b.h) || a.i - b.i)
    .map(({ h }) => ({ ...h, decisive: kinds.includes(h.kind) }));
}

export interface SampleGroup {
  observations: Observation[];
  /** The samples' numbers, when the group holds repeated samples of one point. */
  samples: number[];
}

const signature = (o: Observation) =>
  [o.source, o.vantage, o.hash, o.wireHash, o.token, o.status, o.error, o.errorCode, o.matches, o.diff?.class, o.diff?.offset].join('|');

/** Observations that got the same thing (same point, bytes, status, error and verdict) fold into one group. */
export function foldSamples(observations: Observation[]): SampleGroup[] {
  const groups = new Map<string, SampleGroup>();
  for (const o of observations) {
    const key = signature(o);
    const g = groups.get(key) ?? { observations: [], samples: [] };
    g.observations.push(o);
    if (o.sample !== undefined) g.samples.push(o.sample);
    groups.set(key, g);
  }
  return [...groups.values()];
}

/** The first copy that is not the current version, to set against the right one in the diff viewer. */
export function firstWrong(observations: Observation[]): Observation | undefined {
  return observations.find((o) => o.matches === false && o.diff) ?? observations.find((o) => o.matches === false);
}
