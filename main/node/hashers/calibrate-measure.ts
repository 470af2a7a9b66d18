// The measurement behind calibration, run in a worker thread: a few MiB through each candidate,
// best of a few runs. Kept apart from the cache so the worker loads no file-system code for it.
import type { CalibrationCandidates, CalibrationMeasurement } from '../hash-protocol.js';
import { loadImplementation } from './select.js';

const CHUNK = 1 << 20;

export async function measure(candidates: CalibrationCandidates[], bytes: number, runs: number): Promise<CalibrationMeasurement[]> {
  const data = new Uint8Array(CHUNK);
  // Not random (no crypto import), but not all zeros either: some implementations shortcut nothing, yet be fair.
  for (let i = 0; i < data.length; i++) data[i] = (i * 2654435761) >>> 24;
  const chunks = Math.max(1, Math.round(bytes / CHUNK));
  const out: CalibrationMeasurement[] = [];
  for (const c of candidates) {
    const rates: CalibrationMeasurement['rates'] = {};
    for (const impl of c.implementations) {
      let create;
      try {
        create = await loadImplementation(c.id, impl);
      } catch {
        continue; // not in this runtime: not a candidate here
      }
      let best = Infinity;
      for (let r = 0; r < runs; r++) {
        const h = await create();
        const t = performance.now();
        for (let i = 0; i < chunks; i++) h.update(data);
        h.digest();
        best = Math.min(best, performance.now() - t);
      }
      rates[impl] = (chunks * CHUNK) / (Math.max(best, 0.001) / 1000);
    }
    out.push({ id: c.id, rates });
  }
  return out;
}
