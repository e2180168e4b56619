/** A sliding window per user: at most `limit` uses in any `windowMs`. */
export class Cooldown {
  private readonly uses = new Map<string, number[]>();
  private lastSweep = 0;

  constructor(
    readonly limit = 5,
    readonly windowMs = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records a use and returns 0, or returns how many ms until the user may go again (nothing recorded). */
  take(userId: string): number {
    const now = this.now();
    this.sweep(now);
    const recent = (this.uses.get(userId) ?? []).filter((t) => now - t < this.windowMs);
    const oldest = recent[0];
    if (recent.length >= this.limit && oldest !== undefined) {
      this.uses.set(userId, recent);
      return this.windowMs - (now - oldest);
    }
    recent.push(now);
    this.uses.set(userId, recent);
    return 0;
  }

  /** Forget users idle for a whole window, so the map does not grow with every user ever seen. */
  private sweep(now: number): void {
    if (now - this.lastSweep < this.windowMs) return;
    this.lastSweep = now;
    for (const [user, times] of this.uses) {
      if (times.every((t) => now - t >= this.windowMs)) this.uses.delete(user);
    }
  }
}
