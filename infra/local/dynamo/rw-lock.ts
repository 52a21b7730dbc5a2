interface Waiter {
  exclusive: boolean;
  grant: () => void;
}

/**
 * Readers-writer lock, FIFO: once a writer waits, later readers queue behind it, so a stream of
 * plain requests cannot starve transactions. Callback-based on the shared side because every
 * forwarded request passes through it and promises would cost a microtask each.
 */
export class RwLock {
  private readers = 0;
  private writer = false;
  private readonly queue: Waiter[] = [];

  acquireShared(grant: () => void): void {
    if (!this.writer && this.queue.length === 0) {
      this.readers += 1;
      grant();
      return;
    }
    this.queue.push({ exclusive: false, grant });
  }

  releaseShared(): void {
    this.readers -= 1;
    if (this.readers === 0) this.drain();
  }

  acquireExclusive(): Promise<void> {
    return new Promise((resolve) => {
      if (!this.writer && this.readers === 0 && this.queue.length === 0) {
        this.writer = true;
        resolve();
        return;
      }
      this.queue.push({ exclusive: true, grant: resolve });
    });
  }

  releaseExclusive(): void {
    this.writer = false;
    this.drain();
  }

  /** Runs `work` holding the exclusive side; always releases. */
  async exclusive<T>(work: () => Promise<T>): Promise<T> {
    await this.acquireExclusive();
    try {
      return await work();
    } finally {
      this.releaseExclusive();
    }
  }

  private drain(): void {
    while (!this.writer) {
      const next = this.queue[0];
      if (!next) return;
      if (next.exclusive) {
        if (this.readers > 0) return;
        this.queue.shift();
        this.writer = true;
        next.grant();
        return;
      }
      this.queue.shift();
      this.readers += 1;
      next.grant();
    }
  }
}
