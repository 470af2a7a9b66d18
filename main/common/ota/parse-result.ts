// What every OTA input parser returns: the value with warnings, or one error that says what is wrong and where.

export interface ParseProblem {
  message: string;
  /** JSON path of the offending value, e.g. `$.manifest.versionToken`. */
  jsonPath?: string;
  /** 1-based line (and column) in the input, when the problem has a place in the text. */
  line?: number;
  column?: number;
}

export type ParseResult<T> = { ok: true; value: T; warnings: ParseProblem[] } | { ok: false; error: ParseProblem };

/** "line 3, column 7: …" / "$.manifest: …" / "…": one line for the CLI and the screen. */
export function describeProblem(p: ParseProblem): string {
  const where = p.line !== undefined ? `line ${p.line}${p.column !== undefined ? `, column ${p.column}` : ''}` : p.jsonPath;
  return where ? `${where}: ${p.message}` : p.message;
}
