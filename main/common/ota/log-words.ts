// The small readers the log patterns share: what a matcher finds in one message, and how a URL, a token
// or an error text is cut out of it (trailing punctuation and quotes are not part of a URL).
import type { Advice, LogKind } from './log-advice.js';

/** What a matcher finds in one message; `advice` overrides the kind's wording for a variant. */
export interface Found {
  kind: LogKind;
  url?: string;
  expected?: string;
  calculated?: string;
  token?: string;
  outcome?: 'FAILED' | 'SUCCEEDED';
  detail?: string;
  advice?: Partial<Advice>;
}

/** Trailing sentence punctuation and quotes that are not part of a URL or token. */
export const bare = (s: string): string => s.replace(/["'`]+$/, '').replace(/[.,;:)]+$/, '');

export const unquote = (s: string): string => s.replace(/^['"`]+|['"`]+$/g, '');

/** The first word of s, without trailing punctuation; undefined when nothing is left. */
export const word = (s: string | undefined): string | undefined => {
  const w = s === undefined ? undefined : bare(s.trim().split(/\s+/)[0] ?? '');
  return w === '' ? undefined : w;
};

/** s trimmed; undefined when empty. */
export const text = (s: string | undefined): string | undefined => {
  const t = s?.trim();
  return t === undefined || t === '' ? undefined : t;
};

/** A URL as logged: quotes and trailing punctuation removed; undefined when nothing is left. */
export const urlWord = (s: string | undefined): string | undefined => {
  const u = s === undefined ? undefined : unquote(bare(s.trim()));
  return u === undefined || u === '' ? undefined : u;
};
