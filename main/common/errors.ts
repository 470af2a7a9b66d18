// The one error type: a closed set of codes with one spelling each, a message for people and details
// for code. Main throws it, the IPC envelope carries its code and details, the CLI prints its message,
// and the renderer branches on its code and details, never on the words of the message.

/** Our own codes and what each means. Errno codes (ENOENT, EACCES…) are a family of their own: ErrnoCode. */
export const ERROR_CODES = {
  INVALID: 'a request, a field or an input file that cannot be used (details.field says which)',
  REFUSED_PATH: 'a path the user did not open or drop: main does not read it',
  CANCELLED: 'the job was cancelled',
  TOO_LARGE: 'over the size this input may have',
  CANNOT_RUN: 'the OTA check could not run at all (no moduleinfo from any source, an unusable option)',
  PARSE: 'a checksum file that cannot be read as one',
  CHANGED: 'the file changed or shrank while it was being hashed',
  DELETED: 'the file was deleted while it was being hashed',
  NOT_A_FILE: 'not a regular file (a socket, a pipe, a device)',
  WORKER: 'a hashing thread stopped',
  ABORTED: "a hashing thread's share stopped with its file's job (the job reports the cause)",
  OUTSIDE: "a checksum file's entry that points outside the checksum file's folder: not read",
  NO_PATH: 'nothing dropped is a file on this computer (text, a web image)',
  BRIDGE: 'the bridge between the window and main failed (the renderer makes this one)',
  FAILED: 'anything else: the message says what',
} as const satisfies Record<string, string>;

export type OwnErrorCode = keyof typeof ERROR_CODES;
/** An errno code from the operating system, as Node gives it: ENOENT, EACCES, EISDIR, ECONNREFUSED… */
export type ErrnoCode = `E${Uppercase<string>}`;
export type ErrorCode = OwnErrorCode | ErrnoCode;

/**
 * What the code alone does not say. `field` names the request field or input the error concerns
 * (`appUrl`, `harPath`, `report`, `case`…); `kind` refines the code where the screens need it.
 */
export interface ErrorDetails {
  field?: string;
  /** The offending input, shortened: a file name, a value. */
  input?: string;
  path?: string;
  line?: number;
  column?: number;
  /** Where in a JSON input: `$.manifest.versionToken`. */
  jsonPath?: string;
  kind?: ErrorKind;
}

/**
 * - `not-a-report`: the file is not a report at all (not JSON, another schema), as opposed to a broken one.
 * - `timeout`, `unreachable`, `certificate`: why no moduleinfo could be read from any source (CANNOT_RUN).
 */
export type ErrorKind = 'not-a-report' | 'timeout' | 'unreachable' | 'certificate';

/** The error as it crosses IPC (and as the CLI's JSON shows a file's error): plain data. */
export interface ErrorInfo {
  code: ErrorCode;
  message: string;
  details?: ErrorDetails;
}

export class WorkbenchError extends Error {
  override readonly name = 'WorkbenchError';
  readonly details: ErrorDetails;
  constructor(
    readonly code: ErrorCode,
    message: string,
    details: ErrorDetails = {},
  ) {
    super(message);
    // Only the details that are set, so an envelope or a JSON line carries no empty keys.
    this.details = Object.fromEntries(Object.entries(details).filter(([, v]) => v !== undefined));
  }

  /** Plain data for an envelope or a worker message; details only when there are some. */
  toInfo(): ErrorInfo {
    return Object.keys(this.details).length
      ? { code: this.code, message: this.message, details: this.details }
      : { code: this.code, message: this.message };
  }
}

export function isErrnoCode(code: unknown): code is ErrnoCode {
  return typeof code === 'string' && /^E(?!RR_)[A-Z0-9_]+$/.test(code) && !Object.prototype.hasOwnProperty.call(ERROR_CODES, code);
}

export function isErrorCode(code: unknown): code is ErrorCode {
  return (typeof code === 'string' && Object.prototype.hasOwnProperty.call(ERROR_CODES, code)) || isErrnoCode(code);
}

/** Network errno codes: the address could not be reached (these never concern a local file). */
export function isNetworkErrno(code: string): boolean {
  return /^E(CONN|HOST|NET|AI_|TIMEDOUT|NOTFOUND|PROTO)/.test(code);
}

/** Any thrown value as an ErrorInfo: our error as it is, an errno error by its code, anything else FAILED. */
export function errorInfo(err: unknown): ErrorInfo {
  if (err instanceof WorkbenchError) return err.toInfo();
  const code = (err as { code?: unknown } | null)?.code;
  const message = err instanceof Error ? err.message : String(err);
  return { code: isErrorCode(code) ? code : 'FAILED', message };
}
