// JSON written in pieces, as JSON.stringify(value, null, 2) would write it whole: a big report never becomes
// one string. Containers near the top are walked; below `depth` each value is stringified on its own.
import type { Writable } from 'node:stream';

export function* jsonChunks(value: unknown, depth = 3, indent = ''): Generator<string> {
  const inner = `${indent}  `;
  if (depth > 0 && Array.isArray(value)) {
    if (!value.length) return yield '[]';
    yield '[\n';
    for (let i = 0; i < value.length; i++) {
      yield inner;
      const v = value[i] === undefined || typeof value[i] === 'function' ? null : value[i];
      yield* jsonChunks(v, depth - 1, inner);
      yield i < value.length - 1 ? ',\n' : '\n';
    }
    return yield `${indent}]`;
  }
  if (depth > 0 && value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON !== 'function') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined && typeof v !== 'function');
    if (!entries.length) return yield '{}';
    yield '{\n';
    for (let i = 0; i < entries.length; i++) {
      const [k, v] = entries[i]!;
      yield `${inner}${JSON.stringify(k)}: `;
      yield* jsonChunks(v, depth - 1, inner);
      yield i < entries.length - 1 ? ',\n' : '\n';
    }
    return yield `${indent}}`;
  }
  yield (JSON.stringify(value, null, 2) ?? 'null').replace(/\n/g, `\n${indent}`);
}

/** Writes the value as indented JSON and a newline, waiting whenever the stream asks to. */
export async function writeJsonStream(out: Writable, value: unknown): Promise<void> {
  for (const piece of batch(jsonChunks(value))) {
    if (!out.write(piece)) await new Promise<void>((resolve) => out.once('drain', resolve));
  }
  out.write('\n');
}

/** Joins small pieces into writes of about 64 KiB. */
function* batch(pieces: Iterable<string>): Generator<string> {
  let buf = '';
  for (const p of pieces) {
    buf += p;
    if (buf.length >= 65_536) {
      yield buf;
      buf = '';
    }
  }
  if (buf) yield buf;
}
