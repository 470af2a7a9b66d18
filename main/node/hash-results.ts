// What the hashing threads answer, made into results: digests as hex (through Buffer, native), a
// packed batch unpacked, several threads' shares merged; and how a file's algorithms are split.
import { algorithmInfo, type AlgorithmId, type ImplementationName } from '../common/algorithms.js';
import type { DigestMap, FileError } from '../common/hash-types.js';
import { failure } from './file-errors.js';
import type { BatchFile, BatchOutcome, PackedOutcomes, WorkerReply } from './hash-protocol.js';

export interface JobResult {
  digests: DigestMap;
  implementations: Partial<Record<AlgorithmId, ImplementationName>>;
  size: number;
  /** Longest thread time spent hashing (excludes start-up and queueing). */
  hashMs: number;
}

export type BatchResult =
  | { digests: DigestMap; size: number }
  | { error: FileError }
  /** An unsized file too big for a batch: to be hashed on its own. */
  | { large: { size: number; mtimeMs: number; dev: number } };

/** Splits algorithms into `n` groups of similar cost (longest processing time first). */
export function partition(algorithms: AlgorithmId[], n: number): AlgorithmId[][] {
  const groups = Array.from({ length: Math.max(1, Math.min(n, algorithms.length)) }, () => ({ cost: 0, ids: [] as AlgorithmId[] }));
  const sorted = [...algorithms].sort((a, b) => algorithmInfo(b).costPerGB - algorithmInfo(a).costPerGB);
  for (const id of sorted) {
    const g = groups.reduce((min, x) => (x.cost < min.cost ? x : min));
    g.ids.push(id);
    g.cost += algorithmInfo(id).costPerGB;
  }
  return groups.map((g) => g.ids);
}

export function errorFrom(error: FileError): Error {
  return failure(error.code, error.message);
}

export type Answer = Exclude<WorkerReply, { type: 'progress' | 'failed' }>;
type Done = Extract<WorkerReply, { type: 'done' }>;

export function done(reply: Answer): Done {
  if (reply.type !== 'done') throw new Error('the hashing thread answered a file job with something else');
  return reply;
}

export function hexOutcome(o: BatchOutcome): BatchResult {
  if (!('digests' in o)) return o;
  const digests: DigestMap = {};
  for (const [id, bytes] of Object.entries(o.digests) as [AlgorithmId, Uint8Array][]) digests[id] = hex(bytes);
  return { digests, size: o.size };
}

export function unpackOutcomes(files: BatchFile[], sets: AlgorithmId[][], p: PackedOutcomes): BatchResult[] {
  const results: BatchResult[] = new Array(files.length);
  for (const e of p.errors) results[e.index] = { error: e.error };
  for (const { index, ...large } of p.large) results[index] = { large };
  const all = Buffer.from(p.digests.buffer, p.digests.byteOffset, p.digests.byteLength);
  let at = 0;
  for (let i = 0; i < files.length; i++) {
    if (p.sizes[i]! < 0) continue;
    const digests: DigestMap = {};
    for (const id of sets[files[i]!.set]!) {
      const n = algorithmInfo(id).digestBytes;
      digests[id] = all.toString('hex', at, at + n);
      at += n;
    }
    results[i] = { digests, size: p.sizes[i]! };
  }
  return results;
}

/** Lower-case hex through Buffer (native), for the many digests of a folder. */
export function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}

export function merge(replies: Done[]): JobResult {
  const digests: DigestMap = {};
  const implementations: JobResult['implementations'] = {};
  let size = 0;
  let hashMs = 0;
  for (const r of replies) {
    for (const [id, bytes] of Object.entries(r.digests) as [AlgorithmId, Uint8Array][]) digests[id] = hex(bytes);
    Object.assign(implementations, r.implementations);
    if (r.size !== undefined) size = r.size;
    hashMs = Math.max(hashMs, r.hashMs);
  }
  return { digests, implementations, size, hashMs };
}
