// A pool of hashing threads sized to the cores, started lazily (one thread for one small file). A big
// file is read once and its algorithms are split across the idle threads, balanced by their measured
// cost; a medium file takes one thread; small files go in batches, many files per message. Each thread
// has one ring, allocated when it first leads a file and reused for every file after.
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { algorithmInfo, type AlgorithmId, type ImplementationName } from '../common/algorithms.js';
import type { DigestMap } from '../common/hash-types.js';
import { failure } from './file-errors.js';
import {
  CTRL,
  MAX_FOLLOWERS,
  packBatch,
  type BatchFile,
  type CalibrationCandidates,
  type CalibrationMeasurement,
  type Forced,
  type Preferences,
  type RingJob,
  type WorkerReply,
  type WorkerRequest,
} from './hash-protocol.js';
import { calibrate, type CalibrationOptions } from './hashers/calibrate.js';
import { setPreferences } from './hashers/select.js';
import { forgetMakers, hashListed } from './read-small.js';
import { done, errorFrom, hex, merge, partition, unpackOutcomes, type Answer, type BatchResult, type JobResult } from './hash-results.js';
import { hashWorkerPath } from './worker-path.js';

export { partition, type BatchResult, type JobResult };

export interface HashPoolOptions {
  /** Threads; defaults to the number of cores. */
  size?: number;
  workerPath?: string;
  /**
   * Inputs below this many bytes may be hashed on the calling thread, without starting a worker
   * (the CLI: 1 MiB). The app's main process never hashes on its own thread: it leaves this at 0.
   */
  inlineBelow?: number;
  /** Measure the implementations once per machine and runtime (off: the table's order). */
  calibration?: CalibrationOptions;
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
  /** Size and modification time when the file was listed: a file that no longer has them gives CHANGED. */
  listed?: { size: number; mtimeMs?: number };
}

export const DEFAULT_CHUNK = 1 << 20;
export const DEFAULT_SPLIT_FROM = 8 * DEFAULT_CHUNK;
const SLOTS = 4;

interface Slot {
  worker: Worker;
  busy: boolean;
  control: SharedArrayBuffer;
  data?: SharedArrayBuffer;
  listener?: (reply: WorkerReply) => void;
  onCrash?: (err: Error) => void;
}

export class HashPool {
  readonly size: number;
  private readonly workerPath: string;
  private readonly slots: Slot[] = [];
  private readonly waiting: (() => void)[] = [];
  private nextJob = 1;
  private closed = false;
  private readonly inlineBelow: number;
  private readonly calibration?: CalibrationOptions;
  private preferences: Preferences = {};
  private readonly calibrated = new Map<AlgorithmId, Promise<void>>();

  constructor(options: HashPoolOptions = {}) {
    this.size = Math.max(1, options.size ?? availableParallelism());
    this.workerPath = options.workerPath ?? '';
    this.inlineBelow = options.inlineBelow ?? 0;
    this.calibration = options.calibration;
  }

  /** True when an input of this many bytes may be hashed on the calling thread. */
  mayInline(bytes: number): boolean {
    return bytes < this.inlineBelow;
  }

  /** Files below this size may be hashed on the calling thread (0: never, the app's main process). */
  get inlineLimit(): number {
    return this.inlineBelow;
  }

  /**
   * Makes sure the implementations of these algorithms are ordered by this machine's measurement
   * (once per machine and runtime, cached; only the candidates of the algorithms asked).
   */
  async prepare(algorithms: AlgorithmId[]): Promise<void> {
    const options = this.calibration;
    if (!options) return;
    const missing = algorithms.filter((a) => !this.calibrated.has(a) && algorithmInfo(a).implementations.length > 1);
    if (missing.length) {
      const run = calibrate(missing, options, (candidates, bytes, runs) => this.measure(candidates, bytes, runs)).then(
        (orders) => this.prefer(orders),
        () => undefined, // calibration is an optimisation: the table's order stands
      );
      for (const a of missing) this.calibrated.set(a, run);
    }
    await Promise.all(algorithms.map((a) => this.calibrated.get(a)));
  }

  /** Hashes a file with every algorithm given, reading it once. */
  async hashFile(path: string, algorithms: AlgorithmId[], options: FileJobOptions = {}): Promise<JobResult> {
    const { signal } = options;
    if (signal?.aborted) throw failure('CANCELLED', `${path}: cancelled`);
    await this.prepare(algorithms);
    if (this.inlineBelow > 0 && options.forced === undefined) {
      const st = options.size === undefined ? statSync(path, { throwIfNoEntry: false }) : undefined;
      const size = options.size ?? (st?.isFile() ? st.size : undefined);
      if (size !== undefined && this.mayInline(size)) return this.inlineOne(path, size, algorithms, st?.mtimeMs);
    }
    const chunkSize = options.chunkSize ?? DEFAULT_CHUNK;
    const big = (options.size ?? Number.POSITIVE_INFINITY) >= (options.splitFrom ?? DEFAULT_SPLIT_FROM);
    // One thread per algorithm group, plus a reader when there are fewer groups than threads:
    // a thread that only reads keeps the copy from disk off the hashing thread (BLAKE3 goes from
    // about 4.4 to 5.5 GB/s, XXH3 from about 5 to 7 here; npm run bench).
    const threads = algorithms.length + 1;
    const wanted = big ? Math.min(this.size, threads, MAX_FOLLOWERS + 1) : 1;
    const slots = await this.acquire(wanted, signal);
    const groups = partition(algorithms, slots.length);
    if (groups.length < slots.length) groups.unshift([]);
    slots.splice(groups.length).forEach((s) => this.release(s));

    const ring = this.ringOf(slots[0]!, chunkSize, groups.length > 1 ? SLOTS : 1);
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
                  listed: options.listed,
                }
              : { type: 'file', jobId, role: 'follower', index: i - 1, algorithms: groups[i]!, ring, forced: options.forced };
          return this.run(slot, req, options.onProgress, undefined, i === 0);
        }),
      );
      // Every follower has stopped: the lead's ring may be used again.
      if (this.slots.includes(slots[0]!)) this.release(slots[0]!);
      // The lead knows why a job failed (a follower only knows that it stopped).
      const failed = replies.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      const lead = replies[0]!;
      if (failed) throw (lead.status === 'rejected' ? lead.reason : failed.reason) as Error;
      return merge(replies.map((r) => done((r as PromiseFulfilledResult<Answer>).value)));
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  }

  /**
   * Hashes small files in one worker, one message for all of them (each with the algorithm set
   * `sets[file.set]`); every file gets its own outcome, and a cancel stops between two files.
   */
  async hashBatch(
    files: BatchFile[],
    sets: AlgorithmId[][],
    options: { signal?: AbortSignal; forced?: Forced; batchLimit?: number } = {},
  ): Promise<{ results: BatchResult[]; implementations: Partial<Record<AlgorithmId, ImplementationName>> }> {
    const { signal } = options;
    await this.prepare([...new Set(sets.flat())]);
    const [slot] = await this.acquire(1, signal);
    const ctrl = new Int32Array(slot!.control);
    ctrl.fill(0);
    const onAbort = () => Atomics.store(ctrl, CTRL.CANCEL, 1);
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const packed = packBatch(files);
      const req: WorkerRequest = {
        type: 'batch',
        jobId: this.nextJob++,
        files: packed,
        sets,
        control: slot!.control,
        batchLimit: options.batchLimit ?? Infinity,
        forced: options.forced,
      };
      const reply = await this.run(slot!, req, undefined, [packed.sizes.buffer, packed.mtimes.buffer, packed.sets.buffer] as ArrayBuffer[]);
      if (reply.type !== 'batch-done') throw new Error('the hashing thread answered a batch with something else');
      return { results: unpackOutcomes(files, sets, reply.outcomes), implementations: reply.implementations };
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  }

  /**
   * Hashes a stream (standard input) in a worker thread as it arrives, holding at most a few chunks:
   * reading waits while the thread is more than 8 chunks behind.
   */
  async hashStream(
    input: AsyncIterable<Uint8Array>,
    algorithms: AlgorithmId[],
    options: { signal?: AbortSignal } = {},
  ): Promise<JobResult> {
    await this.prepare(algorithms);
    const [slot] = await this.acquire(1, options.signal);
    const jobId = this.nextJob++;
    let sent = 0;
    let acked = 0;
    let resume: (() => void) | undefined;
    const result = this.run(slot!, { type: 'stream-start', jobId, algorithms }, (bytes) => {
      acked = bytes;
      resume?.();
    });
    let failed: unknown;
    result.catch((err: unknown) => {
      failed = err;
      resume?.();
    });
    const LAG = 8 << 16;
    for await (const chunk of input) {
      if (failed !== undefined || options.signal?.aborted) break;
      const copy = new Uint8Array(chunk.byteLength);
      copy.set(chunk);
      slot!.worker.postMessage({ type: 'stream-chunk', jobId, data: copy } satisfies WorkerRequest, [copy.buffer as ArrayBuffer]);
      sent += copy.byteLength;
      while (sent - acked > LAG && failed === undefined) await new Promise<void>((r) => (resume = r));
      resume = undefined;
    }
    slot!.worker.postMessage({ type: 'stream-end', jobId } satisfies WorkerRequest);
    const reply = await result;
    if (options.signal?.aborted) throw failure('CANCELLED', '-: cancelled');
    return merge([done(reply)]);
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
    return merge([done(reply)]);
  }

  private async inlineOne(path: string, size: number, algorithms: AlgorithmId[], mtimeMs?: number): Promise<JobResult> {
    const started = performance.now();
    const r = await hashListed([{ path, size, mtimeMs, set: 0 }], [algorithms], undefined, () => false);
    const o = r.outcomes[0]!;
    if ('error' in o) throw failure(o.error.code, o.error.message);
    if (!('digests' in o)) throw new Error(`${path}: read on this thread although too big for it`);
    const digests: DigestMap = {};
    for (const [id, bytes] of Object.entries(o.digests) as [AlgorithmId, Uint8Array][]) digests[id] = hex(bytes);
    return { digests, implementations: r.implementations, size: o.size, hashMs: performance.now() - started };
  }

  /** The slot's ring, made once; a test's odd chunk size gets one of its own. */
  private ringOf(slot: Slot, chunkSize: number, slots: number): RingJob {
    new Int32Array(slot.control).fill(0);
    if (chunkSize !== DEFAULT_CHUNK) {
      return { control: slot.control, data: new SharedArrayBuffer(chunkSize * slots), slots, chunkSize };
    }
    slot.data ??= new SharedArrayBuffer(DEFAULT_CHUNK * SLOTS);
    return { control: slot.control, data: slot.data, slots, chunkSize };
  }

  private prefer(orders: Preferences): void {
    this.preferences = { ...this.preferences, ...orders };
    setPreferences(orders);
    forgetMakers();
    for (const s of this.slots) s.worker.postMessage({ type: 'prefer', jobId: 0, preferences: orders } satisfies WorkerRequest);
  }

  /** Measures candidates in a thread of this pool (calibration; the benchmark prints it beside the table). */
  async measure(candidates: CalibrationCandidates[], bytes: number, runs: number): Promise<CalibrationMeasurement[]> {
    const [slot] = await this.acquire(1);
    const reply = await this.run(slot!, { type: 'calibrate', jobId: this.nextJob++, candidates, bytes, runs });
    if (reply.type !== 'calibrated') throw new Error('the hashing thread answered a calibration with something else');
    return reply.results;
  }

  async destroy(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
    this.slots.length = 0;
  }

  /** Posts a request and waits for its answer; `hold` keeps the slot busy afterwards (a lead's ring is still read by followers). */
  private run(slot: Slot, req: WorkerRequest, onProgress?: (bytes: number) => void, transfer?: ArrayBuffer[], hold = false) {
    return new Promise<Answer>((resolve, reject) => {
      slot.listener = (reply) => {
        if (reply.jobId !== req.jobId) return;
        if (reply.type === 'progress') return onProgress?.(reply.bytes);
        slot.listener = undefined;
        slot.onCrash = undefined;
        if (!hold) this.release(slot);
        if (reply.type === 'failed') reject(errorFrom(reply.error));
        else resolve(reply);
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
    // Loaded on the first thread, not at start-up: a CLI run that hashes only small files never needs it (about 10 ms).
    const { Worker: WorkerThread } = process.getBuiltinModule('node:worker_threads');
    const worker = new WorkerThread(this.workerPath || hashWorkerPath());
    const slot: Slot = { worker, busy: false, control: new SharedArrayBuffer(CTRL.SIZE * 4) };
    if (Object.keys(this.preferences).length)
      worker.postMessage({ type: 'prefer', jobId: 0, preferences: this.preferences } satisfies WorkerRequest);
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
