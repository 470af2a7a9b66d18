// Standard input: the paste of `check <file> -`, and the stream `-` names for hash and check.
import type { Readable } from 'node:stream';

export async function readStdin(input: Readable = process.stdin): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of input) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** `-` names standard input; only that name reads a stream (a FIFO named as a path is skipped with a note). */
export const STDIN = '-';

export async function readStdinBytes(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}
