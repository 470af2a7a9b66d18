// Every code an observation's `errorCode` takes, in one table: where it comes from (a fetch or a Running-folder
// read) and what it means for the verdict. The fetch layer's codes are this table's keys, so a new failure
// cannot reach a report without the verdict knowing how to judge it.

/**
 * - `no-answer`: the point never answered (before any status); nothing to judge.
 * - `unjudged`: an answer too large to read whole (over the cap); what the device would get is unknown.
 * - `transfer`: an answer started and broke, or was not valid HTTP; the device gets no file from it either.
 * - `redirect`: a redirect to another origin, never followed; a device would follow it elsewhere.
 * - `answer`: a complete answer, judged by its status and bytes.
 * - `missing`: no such file on a frontend.
 * - `not-read`: a Running-folder file refused or unreadable; nothing to judge.
 */
export type CopyErrorKind = 'no-answer' | 'unjudged' | 'transfer' | 'redirect' | 'answer' | 'missing' | 'not-read';

export const COPY_ERRORS = {
  REFUSED: { from: 'fetch', kind: 'no-answer' },
  DNS: { from: 'fetch', kind: 'no-answer' },
  TLS: { from: 'fetch', kind: 'no-answer' },
  TIMEOUT: { from: 'fetch', kind: 'no-answer' },
  PROXY: { from: 'fetch', kind: 'no-answer' },
  CANCELLED: { from: 'fetch', kind: 'no-answer' },
  DESTINATION: { from: 'fetch', kind: 'no-answer' },
  NETWORK: { from: 'fetch', kind: 'no-answer' },
  TOO_LARGE: { from: 'fetch', kind: 'unjudged' },
  REDIRECT_LOOP: { from: 'fetch', kind: 'no-answer' },
  REDIRECT: { from: 'fetch', kind: 'redirect' },
  SHORT_BODY: { from: 'fetch', kind: 'transfer' },
  // Before any answer; a connection closed mid-body is SHORT_BODY.
  RESET: { from: 'fetch', kind: 'no-answer' },
  DECODE: { from: 'fetch', kind: 'transfer' },
  /** Not HTTP at all, or HTTP no client reads (an invalid status line, two Content-Lengths, headers over the limit). */
  BAD_HTTP: { from: 'fetch', kind: 'transfer' },
  HTTP: { from: 'fetch', kind: 'answer' },
  MISSING: { from: 'folder', kind: 'missing' },
  OUTSIDE: { from: 'folder', kind: 'not-read' },
  NOT_A_FILE: { from: 'folder', kind: 'not-read' },
  UNREADABLE: { from: 'folder', kind: 'not-read' },
} as const satisfies Record<string, { from: 'fetch' | 'folder'; kind: CopyErrorKind }>;

export type CopyErrorCode = keyof typeof COPY_ERRORS;
export type FetchErrorCode = { [K in CopyErrorCode]: (typeof COPY_ERRORS)[K]['from'] extends 'fetch' ? K : never }[CopyErrorCode];
export type FolderErrorCode = Exclude<CopyErrorCode, FetchErrorCode>;

/**
 * What a stored code means. Reports are read from files, so a code may be unknown (another version's, a
 * hand-edited file): it is then judged by its status and bytes alone.
 */
export function copyErrorKind(code: string | undefined): CopyErrorKind | undefined {
  return code !== undefined && Object.hasOwn(COPY_ERRORS, code) ? COPY_ERRORS[code as CopyErrorCode].kind : undefined;
}
