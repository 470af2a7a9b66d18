// A verify run's problems: the entries that failed, are missing or could not be read, and the lines
// that are no checksum line. As a list for the screen and as plain text to copy or save.
import type { VerifyEntryResult, VerifyStatus } from '../../../main/common/hash-types.js';
import { strings } from '../../strings/index.js';
import { receivedEntries, type VerifyRun } from './store.js';

const t = strings.checksums;

/** The kinds the counts list, problems first. */
export const KINDS_PROBLEMS_FIRST: readonly VerifyStatus[] = ['mismatch', 'missing', 'error', 'ok'];

export const isProblem = (e: VerifyEntryResult): boolean => e.status !== 'ok';

export function problemEntries(run: VerifyRun): VerifyEntryResult[] {
  return receivedEntries(run).filter(isProblem);
}

export function hasProblems(run: VerifyRun): boolean {
  return run.problems.length > 0 || problemEntries(run).length > 0;
}

function entryLine(e: VerifyEntryResult): string {
  const where = `${t.problemLine(e.line)}  ${e.path}`;
  switch (e.status) {
    case 'mismatch': {
      const tried = e.algorithm ? [e.algorithm] : e.tried;
      const got = tried.flatMap((id) => (e.actual?.[id] === undefined ? [] : [`${id} ${e.actual[id]}`])).join(', ');
      return `${t.marks.mismatch}  ${where}  ${t.expected.toLowerCase()} ${e.expected}${got ? `, ${t.actual.toLowerCase()} ${got}` : ''}`;
    }
    case 'missing':
      return `${t.marks.missing}  ${where}`;
    case 'error':
      return `${t.marks.error}  ${where}  ${e.error?.message ?? ''}`.trimEnd();
    case 'ok':
      return `${t.marks.ok}  ${where}`;
  }
}

/** One line per problem, in file order, under a heading naming the checksum file. */
export function problemsText(run: VerifyRun): string {
  const lines = [
    t.problemsHeading(run.path),
    ...problemEntries(run).map(entryLine),
    ...run.problems.map((p) => `${t.problem(p.line, p.reason)}: ${p.text}`),
  ];
  return `${lines.join('\n')}\n`;
}
