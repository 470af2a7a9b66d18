// A hashing thread. The lead of a file job reads the file once, chunk by chunk, into a shared
// ring and hashes its share of the algorithms; followers hash the same chunks with theirs. A batch
// of small files is read and hashed here one after another, one message for all of them.
import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import type { AlgorithmId, ImplementationName } from '../common/algorithms.js';
import { failure, fileError } from './file-errors.js';
import { CTRL, STATE, unpackBatch, type Forced, type RingJob, type WorkerReply, type WorkerRequest } from './hash-protocol.js';
import { measure } from './hashers/calibrate-measure.js';
import type { Hasher } from './hashers/hasher.js';
import { setPreferences } from './hashers/select.js';
import { forgetMakers, hashListed, makerFor, packOutcomes } from './read-small.js';

const PROGRESS_EVERY_MS = 100;
const WAIT_SLICE_MS = 50;

interface Group {
  hashers: { id: AlgorithmId; implementation: ImplementationName; hasher: Hasher }[];
}

async function makeGroup(algorithms: AlgorithmId[], forced: Forced | undefined): Promise<Group> {
  const hashers: Group['hashers'] = [];
  for (const id of algorithms) {
    const maker = await makerFor(id, forced);
    hashers.push({ id, implementation: maker.implementation, hasher: await maker.create() });
  }
  return { hashers };
}

function update(group: Group, chunk: Uint8Array): void {
  for (const h of group.hashers) h.hasher.update(chunk);
}

function finish(group: Group): Pick<Extract<WorkerReply, { type: 'done' }>, 'digests' | 'implementations'> {
  const digests: Partial<Record<AlgorithmId, Uint8Array>> = {};
  const implementations: Partial<Record<AlgorithmId, ImplementationName>> = {};
  for (const h of group.hashers) {
    digests[h.id] = h.hasher.digest();
    implementations[h.id] = h.implementation;
  }
  return { digests, implementations };
}

function views(ring: RingJob) {
  const ctrl = new Int32Array(ring.control);
  const slot = (i: number, length = ring.chunkSize) => new Uint8Array(ring.data, (i % ring.slots) * ring.chunkSize, length);
  return { ctrl, slot };
}

const cancelled = (path: string) => failure('CANCELLED', `${path}: cancelled`);

function abort(ctrl: Int32Array): void {
  Atomics.store(ctrl, CTRL.STATE, STATE.ABORTED);
  Atomics.notify(ctrl, CTRL.PRODUCED);
}

function lead(req: Extract<WorkerRequest, { role: 'lead' }>, group: Group, post: (r: WorkerReply) => void) {
  const { ctrl, slot } = views(req.ring);
  const started = performance.now();
  let fd: number | undefined;
  try {
    fd = openSync(req.path, 'r');
    const before = fstatSync(fd);
    if (!before.isFile()) throw failure('NOT_A_FILE', `${req.path}: not a regular file`);
    const listed = req.listed;
    if (listed && (before.size !== listed.size || (listed.mtimeMs !== undefined && before.mtimeMs !== listed.mtimeMs))) {
      throw failure(
        'CHANGED',
        `${req.path}: the file changed while it was being hashed (${listed.size} bytes when listed, ${before.size} now)`,
      );
    }
    let seq = 0;
    let total = 0;
    let lastProgress = started;
    for (;;) {
      if (Atomics.load(ctrl, CTRL.CANCEL)) throw cancelled(req.path);
      // The slot is free once every follower has hashed what was last in it.
      for (let f = 0; f < req.followers; f++) {
        for (;;) {
          const done = Atomics.load(ctrl, CTRL.CONSUMED + f);
          if (done > seq - req.ring.slots) break;
          if (Atomics.load(ctrl, CTRL.CANCEL) || Atomics.load(ctrl, CTRL.STATE) === STATE.ABORTED) throw cancelled(req.path);
          Atomics.wait(ctrl, CTRL.CONSUMED + f, done, WAIT_SLICE_MS);
        }
      }
      const view = slot(seq);
      const n = readSync(fd, view, 0, req.ring.chunkSize, null);
      if (n === 0) break;
      Atomics.store(ctrl, CTRL.LENGTHS + (seq % req.ring.slots), n);
      Atomics.store(ctrl, CTRL.PRODUCED, seq + 1);
      Atomics.notify(ctrl, CTRL.PRODUCED);
      update(group, n === view.length ? view : view.subarray(0, n));
      total += n;
      seq++;
      const now = performance.now();
      if (now - lastProgress >= PROGRESS_EVERY_MS) {
        lastProgress = now;
        post({ type: 'progress', jobId: req.jobId, bytes: total });
        // A deleted file stays readable while open: stop now rather than after hashing all of it.
        if (fstatSync(fd).nlink === 0) throw failure('DELETED', `${req.path}: the file was deleted while it was being hashed`);
      }
    }
    Atomics.store(ctrl, CTRL.STATE, STATE.EOF);
    Atomics.notify(ctrl, CTRL.PRODUCED);
    // A file that changed under us gives a digest of bytes that never existed together: refuse it.
    let after;
    try {
      after = statSync(req.path);
    } catch {
      throw failure('DELETED', `${req.path}: the file was deleted while it was being hashed`);
    }
    if (after.ino !== before.ino || after.dev !== before.dev) {
      throw failure('CHANGED', `${req.path}: the file was replaced while it was being hashed`);
    }
    if (total !== before.size || after.size !== before.size || after.mtimeMs !== before.mtimeMs) {
      throw failure(
        'CHANGED',
        `${req.path}: the file changed while it was being hashed (${before.size} bytes at the start, ${total} read, ${after.size} now)`,
      );
    }
    post({ type: 'done', jobId: req.jobId, ...finish(group), size: total, hashMs: performance.now() - started });
  } catch (err) {
    abort(ctrl);
    post({ type: 'failed', jobId: req.jobId, error: fileError(req.path, err) });
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function follower(req: Extract<WorkerRequest, { role: 'follower' }>, group: Group, post: (r: WorkerReply) => void) {
  const { ctrl, slot } = views(req.ring);
  const started = performance.now();
  let pos = 0;
  for (;;) {
    const produced = Atomics.load(ctrl, CTRL.PRODUCED);
    if (produced > pos) {
      update(group, slot(pos, Atomics.load(ctrl, CTRL.LENGTHS + (pos % req.ring.slots))));
      pos++;
      Atomics.store(ctrl, CTRL.CONSUMED + req.index, pos);
      Atomics.notify(ctrl, CTRL.CONSUMED + req.index);
      continue;
    }
    const state = Atomics.load(ctrl, CTRL.STATE);
    if (state === STATE.ABORTED || Atomics.load(ctrl, CTRL.CANCEL)) {
      // The lead reports the cause; a follower only stops.
      post({ type: 'failed', jobId: req.jobId, error: { code: 'ABORTED', message: 'stopped with its file job' } });
      return;
    }
    if (state === STATE.EOF && Atomics.load(ctrl, CTRL.PRODUCED) === pos) break;
    Atomics.wait(ctrl, CTRL.PRODUCED, produced, WAIT_SLICE_MS);
  }
  post({ type: 'done', jobId: req.jobId, ...finish(group), hashMs: performance.now() - started });
}

/** Streams being hashed: each chunk waits for the one before it (and for the hashers to load). */
const streams = new Map<number, { chain: Promise<Group | undefined>; bytes: number; started: number }>();

function stream(req: Extract<WorkerRequest, { type: `stream-${string}` }>, post: (r: WorkerReply) => void): void {
  if (req.type === 'stream-start') {
    const chain = makeGroup(req.algorithms, req.forced).catch((err: Error) => {
      post({ type: 'failed', jobId: req.jobId, error: { code: 'WORKER', message: err.message } });
      return undefined;
    });
    streams.set(req.jobId, { chain, bytes: 0, started: performance.now() });
    return;
  }
  const s = streams.get(req.jobId);
  if (!s) return;
  if (req.type === 'stream-chunk') {
    s.chain = s.chain.then((group) => {
      if (!group) return undefined;
      update(group, req.data);
      s.bytes += req.data.length;
      post({ type: 'progress', jobId: req.jobId, bytes: s.bytes });
      return group;
    });
    return;
  }
  streams.delete(req.jobId);
  void s.chain.then((group) => {
    if (group) post({ type: 'done', jobId: req.jobId, ...finish(group), size: s.bytes, hashMs: performance.now() - s.started });
  });
}

async function handle(req: WorkerRequest, post: (r: WorkerReply) => void): Promise<void> {
  if (req.type === 'stream-start' || req.type === 'stream-chunk' || req.type === 'stream-end') return stream(req, post);
  if (req.type === 'prefer') {
    setPreferences(req.preferences);
    forgetMakers();
    return;
  }
  if (req.type === 'calibrate') {
    try {
      post({ type: 'calibrated', jobId: req.jobId, results: await measure(req.candidates, req.bytes, req.runs) });
    } catch (err) {
      post({ type: 'failed', jobId: req.jobId, error: { code: 'WORKER', message: (err as Error).message } });
    }
    return;
  }
  if (req.type === 'batch') {
    const ctrl = new Int32Array(req.control);
    try {
      const files = unpackBatch(req.files);
      const r = await hashListed(files, req.sets, req.forced, () => Atomics.load(ctrl, CTRL.CANCEL) !== 0, req.batchLimit);
      const outcomes = packOutcomes(files, req.sets, r.outcomes);
      port!.postMessage({ type: 'batch-done', jobId: req.jobId, outcomes, implementations: r.implementations } satisfies WorkerReply, [
        outcomes.digests.buffer as ArrayBuffer,
        outcomes.sizes.buffer as ArrayBuffer,
      ]);
    } catch (err) {
      post({ type: 'failed', jobId: req.jobId, error: { code: 'WORKER', message: (err as Error).message } });
    }
    return;
  }
  let group: Group;
  try {
    group = await makeGroup(req.algorithms, req.forced);
  } catch (err) {
    if (req.type === 'file') abort(new Int32Array(req.ring.control));
    post({ type: 'failed', jobId: req.jobId, error: { code: 'WORKER', message: (err as Error).message } });
    return;
  }
  if (req.type === 'bytes') {
    const started = performance.now();
    update(group, req.data);
    post({ type: 'done', jobId: req.jobId, ...finish(group), size: req.data.length, hashMs: performance.now() - started });
  } else if (req.role === 'lead') {
    lead(req, group, post);
  } else {
    follower(req, group, post);
  }
}

const port = parentPort;
if (port) {
  const post = (r: WorkerReply) => port.postMessage(r);
  port.on('message', (req: WorkerRequest) => void handle(req, post));
}
