// A long OTA check keeps ~5 KB per resource live (about 110 MB for 20,000 resources after a full GC), but
// churns through far more: every fetch's full record and headers live until its resource's 8 copies are
// in, long enough to reach the old space. V8 then grows the heap by up to 4x the live set before it
// collects, so a 20,000-resource check peaked at 380-450 MB RSS for 110 MB of data. A smaller growing
// factor makes V8 collect sooner: the same check peaked at 296-317 MB, for about a fifth more GC time.
// V8 reads this flag at every full collection, so setting it once the process runs takes effect.
import v8 from 'node:v8';

/** How much V8 lets the old space grow past the live set before its next full collection, in percent. */
export const HEAP_GROWING_PERCENT = 30;

/** Asks V8 to keep the heap near the live set; for commands that hold large results (diagnose). */
export function keepHeapCompact(): void {
  v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
