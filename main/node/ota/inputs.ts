// The OTA check's big inputs read as streams, in bounded memory: a device log line by line (unrecognised
// lines counted, not kept) and a HAR capture entry by entry (only the entries under the module kept).
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { JSONParser } from '@streamparser/json';
import { parseHar, type Har } from '../../common/ota/har.js';
import { parseLog, type LogEntry } from '../../common/ota/log-lines.js';
import type { ParseResult } from '../../common/ota/parse-result.js';
import { MAX_LINE_CHARS, textLines } from './text.js';

export interface LogRead {
  entries: LogEntry[];
  unrecognised: number;
  lines: number;
  /** Lines longer than MAX_LINE_CHARS, cut there (a binary file, a dump with no newlines); a stream's count. */
  cut?: number;
}

/** A line where parseLog starts a new message whatever came before: safe to cut a batch before it. */
const STARTS_MESSAGE = /^(?:\d{4}-\d{2}-\d{2}[ T]\d{1,2}:\d{2}|\d{2}-\d{2}\s+\d{2}:\d{2}:\d{2})/;
const BATCH_CHARS = 1 << 20;

/** Reads a log stream line by line, parsing it in batches cut where a message starts. */
export async function readLogStream(input: Readable): Promise<LogRead> {
  const out: LogRead = { entries: [], unrecognised: 0, lines: 0 };
  let batch: string[] = [];
  let chars = 0;
  let first = out.lines + 1;
  const flush = () => {
    if (!batch.length) return;
    const parsed = parseLog(batch.join('\n'));
    // A cloned entry: its strings would otherwise be slices of the whole batch and keep it alive (2,163 entries of a
    // 200 MB log held 140 MB of batches that way).
    for (const e of parsed.entries) out.entries.push(structuredClone({ ...e, line: e.line + first - 1 }));
    out.unrecognised += parsed.unrecognised;
    batch = [];
    chars = 0;
  };
  // Decoded by its byte-order mark (Notepad's "Unicode" is UTF-16LE), each line bounded in length.
  for await (const { text: line, cut: over } of textLines(input)) {
    out.lines++;
    if (over) out.cut = (out.cut ?? 0) + 1;
    const cut = line.trim() === '' || STARTS_MESSAGE.test(line) || chars > 8 * BATCH_CHARS;
    if (chars > BATCH_CHARS && cut) {
      flush();
      first = out.lines;
    }
    batch.push(line);
    chars += line.length + 1;
  }
  flush();
  return out;
}

/** A saved log: a regular file only (a device or a pipe never ends; standard input is `-`). */
export async function readLogFile(path: string): Promise<LogRead> {
  if (!(await stat(path)).isFile()) throw new Error('not a regular file; give a saved log file, or - for standard input');
  return readLogStream(createReadStream(path));
}

/**
 * Reads a HAR capture as a stream and keeps the entries whose URL passes `keep` (the module's paths); the
 * kept ones are then read by parseHar, so a HAR is judged the same way whichever way it came in.
 */
export async function readHarStream(input: Readable, keep: (url: string) => boolean): Promise<ParseResult<Har> & { seen?: number }> {
  const parser = new JSONParser({ paths: ['$.log.entries.*', '$.log.version', '$.log.creator', '$.log.browser'], keepStack: false });
  const log: Record<string, unknown> = {};
  let batch: unknown[] = [];
  let seen = 0;
  let failure: Error | undefined;
  const out: Har = { entries: [], redacted: [], skipped: 0 };
  const redacted = new Set<string>();
  // Kept entries are read by parseHar a few at a time, so raw and parsed copies of the whole capture never coexist.
  const flush = () => {
    if (!batch.length) return;
    const r = parseHar(JSON.stringify({ log: { ...log, entries: batch } }));
    if (r.ok) {
      const base = out.entries.length;
      for (const e of r.value.entries) out.entries.push({ ...e, index: base + e.index });
      for (const x of r.value.redacted) redacted.add(x);
      out.skipped += r.value.skipped;
      out.creator ??= r.value.creator;
      out.browser ??= r.value.browser;
    } else out.skipped += batch.length;
    batch = [];
  };
  parser.onValue = ({ value, key, stack }) => {
    if (stack.length === 3 && typeof key === 'number') {
      seen++;
      const url = (value as { request?: { url?: unknown } } | null)?.request?.url;
      if (typeof url === 'string' && keep(url)) batch.push(value);
      if (batch.length >= 64) flush();
    } else if (typeof key === 'string') log[key] = value;
  };
  parser.onError = (err) => (failure ??= err);
  for await (const chunk of input) {
    if (failure) break;
    try {
      parser.write(chunk as Uint8Array);
    } catch (err) {
      failure ??= err as Error;
    }
  }
  if (!failure && !parser.isEnded)
    try {
      parser.end();
    } catch (err) {
      failure ??= err as Error;
    }
  if (failure) return { ok: false, error: { message: `not a HAR file (${failure.message.replace(/\s+/g, ' ')})` } };
  if (!seen && !('version' in log || 'creator' in log))
    return { ok: false, error: { message: 'not a HAR file: no log.entries', jsonPath: '$.log' } };
  flush();
  out.redacted = [...redacted];
  return { ok: true, value: out, warnings: [], seen };
}

export function readHarFile(path: string, keep: (url: string) => boolean): ReturnType<typeof readHarStream> {
  return readHarStream(createReadStream(path), keep);
}

/** The log's entries, or a problem line when it holds nothing usable (the check then runs without it). */
export function usableLog(name: string, read: LogRead): { entries?: LogEntry[]; problem?: string } {
  if (read.entries.length) return { entries: read.entries };
  const cut = read.cut ? `, ${read.cut} of them over ${MAX_LINE_CHARS / 1024} Ki characters: not a text log?` : '';
  return { problem: `${name}: no line is a recognised OutSystems log line (${read.lines} lines read${cut}); the check runs without it` };
}

/** The HAR, or a problem line when it holds nothing usable for this module (the check then runs without it). */
export function usableHar(name: string, read: ParseResult<Har> & { seen?: number }, modulePath: string): { har?: Har; problem?: string } {
  if (!read.ok) return { problem: `${name}: ${read.error.message}; the check runs without it` };
  if (!read.value.entries.length)
    return { problem: `${name}: no entry is under ${modulePath} (${read.seen ?? 0} entries read); the check runs without it` };
  return { har: read.value };
}

/** Whether a HAR entry's URL is one of the module's (the app URL's path as prefix). */
export function underModule(appUrl: string): (url: string) => boolean {
  const prefix = new URL(appUrl).pathname;
  return (url) => {
    try {
      return new URL(url).pathname.startsWith(prefix);
    } catch {
      return false;
    }
  };
}
