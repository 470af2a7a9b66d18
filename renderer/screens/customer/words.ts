// A report and its paths in the customer's words: file names without the app's prefix, each file that
// did not arrive right with what happened to it, and the technical words that need explaining.
import type { OtaReport } from '../../../main/common/ota/report.js';
import { strings } from '../../strings/index.js';

const s = strings.customer;

/** `/MyApp/scripts/x.js` → `scripts/x.js`; the app's manifest by what it is. */
export function displayPath(path: string): string {
  const clean = path.split('?')[0] ?? path;
  if (/(^|\/)moduleservices\/moduleinfo$/.test(clean)) return s.error.listOfFiles;
  const parts = clean.split('/').filter((p) => p !== '');
  if (clean.startsWith('/') && parts.length > 1) return parts.slice(1).join('/');
  return parts.join('/') || clean;
}

export interface ResultItem {
  path: string;
  text: string;
}

/** Files whose copy from here is not the expected one (or could not be judged), most serious first as the report orders them. */
export function resultItems(report: OtaReport): ResultItem[] {
  return report.resources
    .filter((r) => r.fault !== 'none')
    .map((r) => ({ path: r.path, text: s.result.item(displayPath(r.path), s.result.causes[r.cause]) }));
}

export type JargonTerm = keyof typeof strings.customer.glossary;

const TERMS: Record<JargonTerm, RegExp> = {
  moduleinfo: /\bmoduleinfo\b/i,
  frontend: /\bfront-?ends?\b/i,
  hash: /\bhash(es)?\b/i,
  CDN: /\bCDNs?\b/,
  proxy: /\bprox(y|ies)\b/i,
};

/** The technical words in a text, for a one-line explanation of each next to it. */
export function jargonIn(text: string): JargonTerm[] {
  return (Object.keys(TERMS) as JargonTerm[]).filter((t) => TERMS[t].test(text));
}

export const JARGON_TERMS = TERMS;
