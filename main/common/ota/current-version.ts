// Which moduleinfo is the current version: the one every copy is judged against. The device's log never
// decides it; it is compared with it.
import { unique } from '../unique.js';
import type { ModuleInfoCopy, Source } from './types.js';

export interface CurrentVersion {
  versionToken?: string;
  versionSequence?: number;
  /** moduleinfo changed between the start and the end of the check on some source. */
  changedDuringCheck: boolean;
  /** How it was decided, in one plain sentence (goes into the evidence). */
  how: string;
}

const label = (s: Source) =>
  s.startsWith('frontend:') ? s.slice('frontend:'.length) : s === 'moduleinfo' ? 'the moduleinfo given' : `the ${s} URL`;

export function decideCurrentVersion(copies: ModuleInfoCopy[]): CurrentVersion {
  const withToken = copies.filter((c) => c.versionToken);
  // A frontend reached directly that changes its token was deployed to during the check. The public URL
  // may alternate between members of a balancer, so there only a token no source served at the start counts.
  const before = new Set(withToken.filter((c) => c.moment !== 'end').map((c) => c.versionToken));
  const changes: string[] = [];
  for (const start of withToken.filter((c) => c.moment === 'start')) {
    const end = withToken.find((c) => c.moment === 'end' && c.source === start.source && c.vantage === start.vantage);
    if (end && end.versionToken !== start.versionToken && (start.source.startsWith('frontend:') || !before.has(end.versionToken)))
      changes.push(`${label(start.source)} served ${start.versionToken} at the start and ${end.versionToken} at the end`);
  }
  const bySequence = pickHighestSequence(withToken);
  if (changes.length) {
    const ends = withToken.filter((c) => c.moment === 'end');
    const latest = pickHighestSequence(ends) ?? ends[ends.length - 1];
    return {
      versionToken: latest?.versionToken,
      versionSequence: latest?.versionSequence,
      changedDuringCheck: true,
      how: `moduleinfo changed during the check: ${changes.join('; ')}`,
    };
  }
  if (bySequence) {
    const seen = withToken.filter((c) => c.versionToken === bySequence.versionToken).map((c) => label(c.source));
    return {
      versionToken: bySequence.versionToken,
      versionSequence: bySequence.versionSequence,
      changedDuringCheck: false,
      how: `the highest versionSequence seen (${bySequence.versionSequence}, token ${bySequence.versionToken}), served by ${unique(seen).join(', ')}`,
    };
  }
  const tokens = unique(withToken.map((c) => c.versionToken!));
  if (tokens.length === 1) {
    return {
      versionToken: tokens[0],
      changedDuringCheck: false,
      how: `every copy of moduleinfo seen carries token ${tokens[0]} (${unique(withToken.map((c) => label(c.source))).join(', ')})`,
    };
  }
  const frontendCopies = withToken.filter((c) => c.source.startsWith('frontend:') && c.moment !== 'end');
  const counts = new Map<string, number>();
  for (const c of frontendCopies) counts.set(c.versionToken!, (counts.get(c.versionToken!) ?? 0) + 1);
  for (const [token, n] of counts) {
    if (n * 2 > frontendCopies.length) {
      return {
        versionToken: token,
        changedDuringCheck: false,
        how:
          `a strict majority of the frontends (${n} of ${frontendCopies.length}) serve token ${token}; ` +
          'moduleinfo carries no versionSequence to order the versions',
      };
    }
  }
  return {
    changedDuringCheck: false,
    how: tokens.length
      ? `the copies of moduleinfo disagree (${tokens.join(', ')}) and neither a versionSequence nor a majority of the frontends decides which is current`
      : 'no copy of moduleinfo could be read',
  };
}

/** The copy with the highest versionSequence, if that sequence names one token only. */
function pickHighestSequence(copies: ModuleInfoCopy[]): ModuleInfoCopy | undefined {
  const sequenced = copies.filter((c) => typeof c.versionSequence === 'number');
  if (!sequenced.length) return undefined;
  const max = Math.max(...sequenced.map((c) => c.versionSequence!));
  const top = sequenced.filter((c) => c.versionSequence === max);
  return unique(top.map((c) => c.versionToken!)).length === 1 ? top[0] : undefined;
}
