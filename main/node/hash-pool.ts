// A pool of hashing threads sized to the cores. A big file is read once and its algorithms are
// split across the idle threads, balanced by their measured cost; small files take one thread.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { algorithmInfo, type AlgorithmId, type ImplementationName } from '../common/algorithms.js';
import { toHex } from '../common/encodings.js';
import type { DigestMap, FileError } from '../common/hash-types.js';
import { failure } from './file-errors.js';
import { CTRL, MAX_FOLLOWERS, type Forced, type RingJob, type WorkerReply, type WorkerRequest } from './hash-protocol.js';
import { hashWorkerPath } from './worker-path.js';

export interface HashPoolOptions {
  /** Threads; defaults to the number of cores. */
  size?: number;
  workerPath?: string;
}

export interface FileJobOptions {
  signal?: AbortSignal;
  /** Bytes read so far, called at most every 100 ms. */
  onProgress?: (bytes: number) => void;
  /** Read size; 1 MiB unless a test wants odd boundaries. */
  chunkSize?: number;
  /** Files at least this big are split across threads (default 8 MiB). */
  splitFrom?: number;
  /** Force an implementation per algorithm (the benchmark and the known-answer tests do). */
  forced?: Forced;
  /** Known size, to decide on splitting without another stat. */
  size?: number;
}

export interface JobResult {
  digests: DigestMap;
  implementations: Partial<Record<AlgorithmId, ImplementationName>>;
  size: number;
  /** Longest thread time spent hashing (excludes start-up and queueing). */
  hashMs: number;
}

const DEFAULT_CHUNK = 1 << 20;
const SLOTS = 4;

interface Slot {
  worker: Worker;
  busy: boolean;
  listener?: (reply: WorkerReply) => void;
  onCrash?: (err: Error) => void;
}

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

export class HashPool {
  readonly size: number;
  private readonly workerPath: string;
  private readonly slots: Slot[] = [];
  private readonly waiting: (() => void)[] = [];
  private nextJob = 1;
  private closed = false;

  constructor(options: HashPoolOptions = {}) {
    this.size = Math.max(1, options.size ?? availableParallelism());
    this.workerPath = options.workerPath ?? hashWorkerPath();
  }

  /** Hashes a file with every algorithm given, reading it once. */
  async hashFile(path: string, algorithms: AlgorithmId[], options: FileJobOptions = {}): Promise<JobResult> {
    const { signal } = options;
    if (signal?.aborted) throw failure('CANCELLED', `${path}: cancelled`);
    const chunkSize = options.chunkSize ?? DEFAULT_CHUNK;
    const big = (options.size ?? Number.POSITIVE_INFINITY) >= (options.splitFrom ?? 8 * DEFAULT_CHUNK);
    // One thread per algorithm group, plus a reader when there are fewer groups than threads:
    // a thread that only reads keeps the copy from disk off the hashing thread (BLAKE3 goes from
    // about 4.4 to 5.5 GB/s, XXH3 from about 5 to 7 here; npm run bench).
    const threads = algorithms.length + 1;
    const wanted = big ? Math.min(this.size, threads, MAX_FOLLOWERS + 1) : 1;
    const slots = await this.acquire(wanted, signal);
    const groups = partition(algorithms, slots.length);
    if (groups.length < slots.length) groups.unshift([]);
    slots.splice(groups.length).forEach((s) => this.release(s));

    const ring: RingJob = {
      control: new SharedArrayBuffer(CTRL.SIZE * 4),
      data: new SharedArrayBuffer(chunkSize * (groups.length > 1 ? SLOTS : 1)),
      slots: groups.length > 1 ? SLOTS : 1,
      chunkSize,
    };
    const ctrl = new Int32Array(ring.control);
    const onAbort = () => {
      Atomics.store(ctrl, CTRL.CANCEL, 1);
      Atomics.notify(ctrl, CTRL.PRODUCED);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    const jobId = this.nextJob++;
    try {
      const replies = await Promise.allSettled(
        slots.map((slot, i) => {
          const req: WorkerRequest =
            i === 0
              ? {
                  type: 'file',
                  jobId,
                  role: 'lead',
                  path,
                  algorithms: groups[0]!,
                  ring,
                  followers: groups.length - 1,
                  forced: options.forced,
                }
              : { type: 'file', jobId, role: 'follower', index: i - 1, algorithms: groups[i]!, ring, forced: options.forced };
          return this.run(slot, req, options.onProgress);
        }),
      );
      // The lead knows why a job failed (a follower only knows that it stopped).
      const failed = replies.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      const lead = replies[0]!;
      if (failed) throw (lead.status === 'rejected' ? lead.reason : failed.reason) as Error;
      return merge(replies.map((r) => (r as PromiseFulfilledResult<Extract<WorkerReply, { type: 'done' }>>).value));
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  }

  /** Hashes bytes already in memory (a fetched resource) in a worker thread. */
  async hashBytes(data: Uint8Array, algorithms: AlgorithmId[], forced?: Forced): Promise<JobResult> {
    const [slot] = await this.acquire(1);
    // Transferred to the worker; the caller keeps its own bytes. (A Buffer's slice() is a view, not a copy:
    // transferring its buffer would empty the caller's Buffer.)
    const copy = new Uint8Array(data.byteLength);
    copy.set(data);
    const reply = await this.run(slot!, { type: 'bytes', jobId: this.nextJob++, data: copy, algorithms, forced }, undefined, [
      copy.buffer as ArrayBuffer,
    ]);
    return merge([reply]);
  }

  async destroy(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
    this.slots.length = 0;
  }

  private run(slot: Slot, req: WorkerRequest, onProgress?: (bytes: number) => void, transfer?: ArrayBuffer[]) {
    return new Promise<Extract<WorkerReply, { type: 'done' }>>((resolve, reject) => {
      slot.listener = (reply) => {
        if (reply.jobId !== req.jobId) return;
        if (reply.type === 'progress') return onProgress?.(reply.bytes);
        slot.listener = undefined;
        slot.onCrash = undefined;
        this.release(slot);
        if (reply.type === 'done') resolve(reply);
        else reject(errorFrom(reply.error));
      };
      slot.onCrash = (err) => {
        slot.listener = undefined;
        slot.onCrash = undefined;
        reject(failure('WORKER', `hashing thread stopped: ${err.message}`));
      };
      slot.worker.postMessage(req, transfer ?? []);
    });
  }

  private spawn(): Slot {
    const worker = new Worker(this.workerPath);
    const slot: Slot = { worker, busy: false };
    worker.on('message', (reply: WorkerReply) => slot.listener?.(reply));
    const crash = (err: Error) => {
      slot.onCrash?.(err);
      // Replace the thread so the pool keeps its size.
      const i = this.slots.indexOf(slot);
      if (i >= 0) this.slots.splice(i, 1);
      this.wake();
    };
    worker.on('error', crash);
    worker.on('exit', (code) => {
      if (!this.closed) crash(new Error(`exit code ${code}`));
    });
    worker.unref();
    this.slots.push(slot);
    return slot;
  }

  /** Takes at least one thread (waiting if needed) and up to `n` without waiting. */
  private async acquire(n: number, signal?: AbortSignal): Promise<Slot[]> {
    for (;;) {
      if (this.closed) throw new Error('the hash pool is closed');
      const got: Slot[] = [];
      for (const s of this.slots) {
        if (got.length >= n) break;
        if (!s.busy) got.push(s);
      }
      while (got.length < n && this.slots.length < this.size) got.push(this.spawn());
      if (got.length > 0) {
        for (const s of got) {
          s.busy = true;
          s.worker.ref();
        }
        return got;
      }
      await new Promise<void>((resolve, reject) => {
        const onAbort = () => reject(failure('CANCELLED', 'cancelled'));
        signal?.addEventListener('abort', onAbort, { once: true });
        this.waiting.push(() => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        });
      });
      if (signal?.aborted) throw failure('CANCELLED', 'cancelled');
    }
  }

  private release(slot: Slot): void {
    slot.busy = false;
    slot.worker.unref();
    this.wake();
  }

  private wake(): void {
    // Every waiter re-checks; one that gave up (cancelled) must not swallow the wake-up.
    for (const w of this.waiting.splice(0)) w();
  }
}

function errorFrom(error: FileError): Error {
  return failure(error.code, error.message);
}

function merge(replies: Extract<WorkerReply, { type: 'done' }>[]): JobResult {
  const digests: DigestMap = {};
  const implementations: JobResult['implementations'] = {};
  let size = 0;
  let hashMs = 0;
  for (const r of replies) {
    for (const [id, bytes] of Object.entries(r.digests) as [AlgorithmId, Uint8Array][]) digests[id] = toHex(bytes);
    Object.assign(implementations, r.implementations);
    if (r.size !== undefined) size = r.size;
    hashMs = Math.max(hashMs, r.hashMs);
  }
  return { digests, implementations, size, hashMs };
}
