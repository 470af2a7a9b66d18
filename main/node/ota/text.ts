// Text as browsers decode it: a byte-order mark says UTF-8, UTF-16LE or UTF-16BE; without one, UTF-8.
// Windows' Notepad saves "Unicode" as UTF-16LE with a mark, so a support agent's saved log may be one.

type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be';

/** The encoding the first bytes announce, and the length of the mark to skip. */
export function byteOrderMark(bytes: Uint8Array): { encoding: Encoding; skip: number } {
  const [a, b, c] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return { encoding: 'utf-8', skip: 3 };
  if (a === 0xff && b === 0xfe) return { encoding: 'utf-16le', skip: 2 };
  if (a === 0xfe && b === 0xff) return { encoding: 'utf-16be', skip: 2 };
  return { encoding: 'utf-8', skip: 0 };
}

export function decodeText(bytes: Uint8Array): string {
  const { encoding, skip } = byteOrderMark(bytes);
  return new TextDecoder(encoding).decode(bytes.subarray(skip));
}

/** A line longer than this is cut there and the rest of it skipped: no log line the runtime writes comes near. */
export const MAX_LINE_CHARS = 64 * 1024;

/**
 * The lines of a byte stream, decoded as decodeText decodes (the mark read from the first bytes), split at
 * CRLF, LF or a lone CR, each at most MAX_LINE_CHARS (`cut` says one was longer). Memory stays bounded
 * whatever the stream holds: a file with no newline at all yields one cut line.
 */
export async function* textLines(input: AsyncIterable<Uint8Array | string>): AsyncGenerator<{ text: string; cut: boolean }> {
  let decoder: TextDecoder | undefined;
  let head = new Uint8Array(0);
  let line = '';
  let cut = false;
  let pendingCr = false;
  const take = function* (text: string): Generator<{ text: string; cut: boolean }> {
    if (!text) return; // a character still incomplete: nothing decoded yet
    let start = 0;
    if (pendingCr && text.startsWith('\n')) start = 1; // the \n of a CRLF split between two chunks
    pendingCr = false;
    for (let i = start; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch !== 10 && ch !== 13) continue;
      yield append(text.slice(start, i), true);
      if (ch === 13) {
        if (i + 1 === text.length) pendingCr = true;
        else if (text.charCodeAt(i + 1) === 10) i++;
      }
      start = i + 1;
    }
    append(text.slice(start), false);
  };
  // Adds text to the line being built, cut at the limit; `end` closes it and returns it.
  const append = (text: string, end: boolean): { text: string; cut: boolean } => {
    const room = MAX_LINE_CHARS - line.length;
    if (text.length > room) {
      line += text.slice(0, Math.max(0, room));
      cut = true;
    } else line += text;
    const done = { text: line, cut };
    if (end) {
      line = '';
      cut = false;
    }
    return done;
  };
  for await (const chunk of input) {
    let bytes = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
    if (!decoder) {
      // The mark may straddle the first chunks: wait for three bytes (or the end).
      const joined = new Uint8Array(head.length + bytes.length);
      joined.set(head);
      joined.set(bytes, head.length);
      if (joined.length < 3) {
        head = joined;
        continue;
      }
      const { encoding, skip } = byteOrderMark(joined);
      decoder = new TextDecoder(encoding);
      bytes = joined.subarray(skip);
    }
    yield* take(decoder.decode(bytes, { stream: true }));
  }
  if (!decoder) {
    const { encoding, skip } = byteOrderMark(head);
    decoder = new TextDecoder(encoding);
    yield* take(decoder.decode(head.subarray(skip), { stream: true }));
  }
  yield* take(decoder.decode());
  if (line.length || cut) yield append('', true);
}
