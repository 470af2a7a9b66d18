// Frontend candidates for the OTA form: the public host's DNS addresses (A and AAAA) and the pool members that
// BIG-IP cookies already seen name. Each says where it came from; the form lists them and the agent picks.
import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { WorkbenchError } from '../../common/errors.js';
import {
  joinSuggestions,
  membersFromCookies,
  type CookieSighting,
  type FrontendSuggestion,
  type SuggestResult,
} from '../../common/ota/frontend-suggestions.js';

export interface SuggestOptions {
  appUrl: string;
  /** Cookie headers already seen (cookieSightings of the report on screen). */
  sightings?: readonly CookieSighting[];
  /** The DNS lookup's deadline (default 5 s): the operating system's resolver cannot be cancelled, so it is raced. */
  timeoutMs?: number;
  /** For tests: the resolver. */
  lookup?: (host: string, options: { all: true }) => Promise<Array<{ address: string; family: number }>>;
}

export async function suggestFrontends(opts: SuggestOptions): Promise<SuggestResult> {
  let url: URL;
  try {
    url = new URL(opts.appUrl);
  } catch {
    throw new WorkbenchError('INVALID', `${opts.appUrl} is not a URL`, { field: 'appUrl', input: opts.appUrl.slice(0, 80) });
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const problems: string[] = [];
  const fromDns: FrontendSuggestion[] = [];
  if (isIP(host)) {
    problems.push(`The app URL names an address (${host}), not a host name: there is no DNS record to read.`);
  } else {
    const timeoutMs = opts.timeoutMs ?? 5000;
    const lookup = opts.lookup ?? ((h: string, o: { all: true }) => dnsLookup(h, o));
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    try {
      const answer = await Promise.race([lookup(host, { all: true }), deadline]);
      if (answer === 'timeout')
        problems.push(
          `The DNS lookup of ${host} gave no answer within ${timeoutMs >= 1000 ? `${timeoutMs / 1000} s` : `${timeoutMs} ms`}.`,
        );
      else {
        const seen = new Set<string>();
        for (const a of answer) {
          if (seen.has(a.address)) continue;
          seen.add(a.address);
          const family = a.family === 6 ? 6 : 4;
          fromDns.push({ address: family === 6 ? `[${a.address}]` : a.address, origins: [{ kind: 'dns', family, host }] });
        }
      }
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      problems.push(
        code === 'ENOTFOUND' || code === 'EAI_NONAME'
          ? `${host} has no DNS address from this computer.`
          : `The DNS lookup of ${host} failed: ${(err as Error).message}.`,
      );
    } finally {
      clearTimeout(timer);
    }
  }
  return { host, suggestions: joinSuggestions(fromDns, membersFromCookies(opts.sightings ?? [])), problems };
}
