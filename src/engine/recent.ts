// The engine is a pure function of the knowledge and the question, and members ask the same few
// questions over and over ("how long did they meet?"): the last answers are kept, per engine, so
// a repeated question costs a map lookup. A reload builds a new engine and so a new memory.

/** A small least-recently-used memory of results by their exact input. */
export class Recent<T> {
  private readonly entries = new Map<string, T>();

  constructor(
    private readonly size: number,
    /** Inputs longer than this are not kept: they are rarely asked twice and would hold memory. */
    private readonly maxKeyLength = 300,
  ) {}

  get(key: string, compute: () => T): T {
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      // Most recently used last, so the first key is the one to drop.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const value = compute();
    if (key.length <= this.maxKeyLength) {
      if (this.entries.size >= this.size) this.entries.delete(this.entries.keys().next().value as string);
      this.entries.set(key, value);
    }
    return value;
  }
}
