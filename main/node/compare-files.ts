// Compares two files byte by byte, streaming both, and shows the bytes around the first difference.
import { promises as fs } from 'node:fs';
import { byteWindow, firstDifference, type ByteWindow } from '../common/byte-window.js';
import { failure, fileError } from './file-errors.js';
import type { CompareResult } from '../common/hash-types.js';

const CHUNK = 1 << 20;
const CONTEXT = 16;

export async function compareFiles(a: string, b: string, options: { signal?: AbortSignal } = {}): Promise<CompareResult> {
  const opened = await Promise.allSettled([openFile(a), openFile(b)]);
  const bad = opened.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (bad) {
    await Promise.all(opened.map((r) => (r.status === 'fulfilled' ? r.value.close() : undefined)));
    throw bad.reason;
  }
  const [fa, fb] = opened.map((r) => (r as PromiseFulfilledResult<fs.FileHandle>).value) as [fs.FileHandle, fs.FileHandle];
  try {
    const [sa, sb] = [(await fa.stat()).size, (await fb.stat()).size];
    const bufA = Buffer.allocUnsafe(CHUNK);
    const bufB = Buffer.allocUnsafe(CHUNK);
    let pos = 0;
    let offset: number | undefined;
    for (;;) {
      if (options.signal?.aborted) throw failure('CANCELLED', 'comparison cancelled');
      const [ra, rb] = await Promise.all([fa.read(bufA, 0, CHUNK, pos), fb.read(bufB, 0, CHUNK, pos)]);
      const n = Math.min(ra.bytesRead, rb.bytesRead);
      // Buffer.compare is native: only look byte by byte inside a chunk known to differ.
      if (Buffer.compare(bufA.subarray(0, n), bufB.subarray(0, n)) !== 0) {
        offset = pos + firstDifference(bufA.subarray(0, n), bufB.subarray(0, n));
        break;
      }
      if (ra.bytesRead !== rb.bytesRead) {
        offset = pos + n;
        break;
      }
      if (n === 0) break;
      pos += n;
    }
    if (offset === undefined) return { equal: true, sizes: [sa, sb] };
    const start = Math.max(0, offset - CONTEXT);
    const windows = (await Promise.all(
      [fa, fb].map(async (f) => {
        const buf = Buffer.alloc(CONTEXT * 2);
        const { bytesRead } = await f.read(buf, 0, buf.length, start);
        return byteWindow(buf.subarray(0, bytesRead), start);
      }),
    )) as [ByteWindow, ByteWindow];
    return { equal: false, sizes: [sa, sb], offset, windows };
  } finally {
    await Promise.all([fa.close(), fb.close()]);
  }
}

async function openFile(path: string): Promise<fs.FileHandle> {
  let f: fs.FileHandle;
  try {
    f = await fs.open(path, 'r');
  } catch (err) {
    const e = fileError(path, err);
    throw failure(e.code, e.message);
  }
  const st = await f.stat();
  if (!st.isFile()) {
    await f.close();
    throw failure(
      st.isDirectory() ? 'EISDIR' : 'NOT_A_FILE',
      `${path}: ${st.isDirectory() ? 'is a folder, not a file' : 'not a regular file'}`,
    );
  }
  return f;
}

export type { CompareResult };
