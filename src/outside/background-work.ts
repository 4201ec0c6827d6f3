/**
 * Work that must not hold up the webhook's answer (chat delivery with its retries):
 * started now, tracked so tests, the demo and a graceful shutdown can wait for it.
 */
export class BackgroundWork {
  private readonly pending = new Set<Promise<void>>();

  run(task: () => Promise<void>, onError: (error: unknown) => void): void {
    const running: Promise<void> = task()
      .catch(onError)
      .finally(() => this.pending.delete(running));
    this.pending.add(running);
  }

  get busy(): boolean {
    return this.pending.size > 0;
  }

  /** Resolves when nothing is running, including work started by work that was running. */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }
}
