// Long jobs (hashing, OTA sweeps) by id, per window: cancelled from that window, or all of them when it closes.
import { WorkbenchError } from '../../common/errors.js';

export class Jobs {
  private readonly running = new Map<string, { owner: number; controller: AbortController }>();

  start(jobId: string, owner: number): AbortSignal {
    if (this.running.has(jobId)) throw new WorkbenchError('INVALID', `a job ${jobId} is already running`, { field: 'jobId', input: jobId });
    const controller = new AbortController();
    this.running.set(jobId, { owner, controller });
    return controller.signal;
  }

  finish(jobId: string): void {
    this.running.delete(jobId);
  }

  /** Cancels a job, only for the window that started it. */
  cancel(jobId: string, owner: number): boolean {
    const job = this.running.get(jobId);
    if (!job || job.owner !== owner) return false;
    job.controller.abort();
    return true;
  }

  cancelAllOf(owner: number): number {
    let n = 0;
    for (const [id, job] of this.running) {
      if (job.owner !== owner) continue;
      job.controller.abort();
      this.running.delete(id);
      n++;
    }
    return n;
  }

  get size(): number {
    return this.running.size;
  }
}
