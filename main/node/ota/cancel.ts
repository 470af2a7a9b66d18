// One abort listener per job: every fetch of a sweep registers here instead of on the job's AbortSignal,
// so a sweep with hundreds of requests in flight never trips Node's MaxListenersExceededWarning.

export class CancelGroup {
  private readonly hooks = new Set<() => void>();
  private readonly onAbort = () => {
    for (const hook of [...this.hooks]) hook();
    this.hooks.clear();
  };

  constructor(readonly signal?: AbortSignal) {
    signal?.addEventListener('abort', this.onAbort, { once: true });
  }

  get aborted(): boolean {
    return !!this.signal?.aborted;
  }

  /** Runs `hook` when the job is cancelled (at once if it already is); returns the function that unregisters it. */
  on(hook: () => void): () => void {
    if (this.aborted) {
      hook();
      return () => undefined;
    }
    this.hooks.add(hook);
    return () => this.hooks.delete(hook);
  }

  /** Leaves the job's signal alone once the sweep is over. */
  dispose(): void {
    this.signal?.removeEventListener('abort', this.onAbort);
    this.hooks.clear();
  }
}
