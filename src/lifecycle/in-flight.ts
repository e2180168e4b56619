// Work in progress, counted so a shutdown can stop taking new work and wait for what was taken
// (a reply waiting on a rate-limit retry, say) before the process exits. Any door can share one.

export class InFlight {
  private active = 0;
  private closing = false;
  private waiters: Array<() => void> = [];

  /** How many are in flight now. */
  get size(): number {
    return this.active;
  }

  /** False once close() was called: new work should be turned away. */
  get accepting(): boolean {
    return !this.closing;
  }

  /** Runs `work`, counted until it settles. */
  async track<T>(work: () => Promise<T>): Promise<T> {
    this.active += 1;
    try {
      return await work();
    } finally {
      this.active -= 1;
      if (this.active === 0) this.wake();
    }
  }

  /** Stop accepting (see `accepting`); what is in flight carries on. */
  close(): void {
    this.closing = true;
  }

  /** Resolves true once nothing is in flight, or false when `timeoutMs` passes first. */
  drained(timeoutMs: number): Promise<boolean> {
    if (this.active === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== done);
        resolve(false);
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        resolve(true);
      };
      this.waiters.push(done);
    });
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }
}
