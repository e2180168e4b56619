// Resolves what a person typed ("president xi", "blinkin", "tiawan independance") to one of a
// small set of named things (speakers, topics), or says which ones it might have meant.
import Fuse from 'fuse.js';
import type { SpellChecker } from './spell.ts';
import { editDistance } from './spell.ts';
import { isStopWord, normalise, stem, words } from './text.ts';

export interface Named {
  id: string;
  label: string;
  names: string[];
}

interface NameRecord {
  id: string;
  name: string;
  key: string;
}

export interface Resolution {
  id: string | null;
  /** Closest candidates, best first (excluding the resolved one). */
  near: string[];
}

/** A name reduced for comparison: folded words, stop words out ("us" is not one), stemmed. */
export function nameKey(text: string): string {
  return words(text)
    .filter((w) => !isStopWord(w))
    .map(stem)
    .join(' ');
}

export class NameResolver {
  private readonly records: NameRecord[];
  private readonly exact = new Map<string, string>();
  private readonly fuse: Fuse<NameRecord>;
  /** Single words that name exactly one thing ("blinken", "gates"), for partial inputs. */
  private readonly wordOwner = new Map<string, string | null>();

  constructor(
    private readonly items: Named[],
    private readonly spell: SpellChecker,
  ) {
    this.records = items.flatMap((item) => [item.id.replace(/-/g, ' '), item.label, ...item.names].map((name) => ({ id: item.id, name, key: nameKey(name) })));
    for (const r of this.records) {
      if (r.key && !this.exact.has(r.key)) this.exact.set(r.key, r.id);
      for (const w of r.key.split(' ')) {
        if (!w) continue;
        const owner = this.wordOwner.get(w);
        if (owner === undefined) this.wordOwner.set(w, r.id);
        else if (owner !== r.id) this.wordOwner.set(w, null);
      }
    }
    this.fuse = new Fuse(this.records, { keys: ['key'], includeScore: true, threshold: 0.45, ignoreLocation: true });
  }

  resolve(input: string): Resolution {
    const raw = nameKey(input);
    // A name is a few words: a few spelling searches at most.
    const budget = { searches: 4 };
    const corrected = words(input)
      .filter((w) => !isStopWord(w))
      .map((w) => stem(this.spell.correct(w, budget)))
      .join(' ');
    const near = this.near(corrected || normalise(input));
    for (const key of [raw, corrected]) {
      const id = key ? this.exact.get(key) : undefined;
      if (id) return { id, near: near.filter((n) => n !== id) };
    }
    // Whole-name fuzzy match, confirmed by edit distance ("xi jinpin", "antony blinkn").
    for (const key of [raw, corrected]) {
      if (!key) continue;
      for (const r of this.records) {
        if (r.key.length >= 5 && editDistance(key, r.key) <= Math.floor(r.key.length / 5)) return { id: r.id, near: near.filter((n) => n !== r.id) };
      }
    }
    // Every word of the input belongs to one and the same thing ("secretary blinken", "ukraine war").
    const owners = new Set(
      corrected
        .split(' ')
        .filter(Boolean)
        .map((w) => this.wordOwner.get(w) ?? null),
    );
    if (owners.size === 1) {
      const [id] = owners;
      if (id) return { id, near: near.filter((n) => n !== id) };
    }
    return { id: null, near };
  }

  /** Candidates resembling the input, best first, for suggestions. */
  near(input: string, limit = 3): string[] {
    const out: string[] = [];
    if (!input.trim()) return out;
    for (const r of this.fuse.search(input, { limit: 20 })) {
      if (!out.includes(r.item.id)) out.push(r.item.id);
      if (out.length >= limit) break;
    }
    return out;
  }

  label(id: string): string {
    return this.items.find((i) => i.id === id)?.label ?? id;
  }
}
