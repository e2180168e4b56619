import Fuse from 'fuse.js';

/** Optimal string alignment distance (Levenshtein plus adjacent transpositions). */
export function editDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  const d: number[][] = Array.from({ length: m + 1 }, (_, i) => [i, ...new Array<number>(n).fill(0)]);
  for (let j = 0; j <= n; j++) d[0]![j] = j;
  for (let i = 1; i <= m; i++) {
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[m]![n]!;
}

/** Edits a word of this length may be away from a known word and still be taken for it. */
function allowedEdits(length: number): number {
  if (length < 4) return 0;
  if (length < 8) return 1;
  return length < 10 ? 2 : 3;
}

/** The consonants of a word, for words that sound alike: "contane" and "contain" are both "cntn". */
function skeleton(word: string): string {
  return word.replace(/[aeiouy]/g, '').replace(/(.)\1+/g, '$1');
}

const KEY_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
/** Whether two letters sit side by side on a QWERTY keyboard, in a row or between rows. */
function neighbours(a: string, b: string): boolean {
  const at = (c: string) => {
    const row = KEY_ROWS.findIndex((r) => r.includes(c));
    return row < 0 ? null : { row, col: KEY_ROWS[row]!.indexOf(c) + row * 0.5 };
  };
  const x = at(a);
  const y = at(b);
  return x !== null && y !== null && Math.abs(x.row - y.row) <= 1 && Math.abs(x.col - y.col) <= 1;
}

/**
 * A 4-letter word is only taken for a known word one letter longer or shorter ("vist" for
 * "visit"), with two letters swapped, or with one letter changed for its neighbour on the
 * keyboard ("lomg" for "long"): any other changed letter makes too many other real words ("rate"
 * is not "gate").
 */
function confirms(word: string, known: string, distance: number): boolean {
  // Two edits in a shorter word only when it sounds the same: "contane" for "contain".
  if (word.length >= 6 && distance === 2 && word[0] === known[0] && skeleton(word) === skeleton(known)) return true;
  if (word.length >= 5) return distance <= allowedEdits(word.length);
  if (distance !== 1) return false;
  if (known.length !== word.length) return true;
  const diff = [...word].map((c, i) => (c === known[i] ? -1 : i)).filter((i) => i >= 0);
  // One letter for its neighbour on the keyboard ("lomg" for "long"), or two swapped.
  if (diff.length === 1) return neighbours(word[diff[0]!]!, known[diff[0]!]!);
  return diff.length === 2 && word[diff[0]!] === known[diff[1]!] && word[diff[1]!] === known[diff[0]!];
}

/**
 * Corrects misspelt words against the vocabulary of the knowledge base. Fuse proposes
 * candidates; a real edit distance confirms them, and only for words of 5 letters or more:
 * unconfirmed fuzzy matches turn ordinary words into wrong ones ("rate" into "gates").
 */
export class SpellChecker {
  private readonly known: Set<string>;
  /** Built at the first word that needs correcting: most questions have none. */
  private fuseIndex: Fuse<string> | undefined;
  private readonly cache = new Map<string, string>();

  constructor(
    vocabulary: Iterable<string>,
    private readonly frequency: ReadonlyMap<string, number>,
    /** Real words are never corrected, even when near a word of the vocabulary. */
    readonly isEnglish: (word: string) => boolean = () => false,
  ) {
    this.known = new Set(vocabulary);
  }

  /**
   * The word itself when known or when no confirmed correction exists. `budget` bounds the Fuse
   * searches one question may cost (about 3 ms each): a pasted line of made-up words would
   * otherwise block the process for a tenth of a second; past the budget, words stay as typed.
   */
  private get fuse(): Fuse<string> {
    this.fuseIndex ??= new Fuse(
      [...this.known].filter((w) => w.length >= 3),
      { threshold: 0.4, includeScore: true, ignoreLocation: true },
    );
    return this.fuseIndex;
  }

  correct(word: string, budget?: { searches: number }): string {
    // Past 20 letters a "word" is a paste or noise, not a typo, and Fuse's matching slows down.
    if (this.known.has(word) || /\d/.test(word) || word.length > 20 || this.isEnglish(word)) return word;
    const cached = this.cache.get(word);
    if (cached !== undefined) return cached;
    if (budget) {
      if (budget.searches <= 0) return word;
      budget.searches -= 1;
    }
    let best = word;
    if (allowedEdits(word.length) > 0) {
      let bestDistance = Infinity;
      let bestFrequency = -1;
      for (const { item } of this.fuse.search(word, { limit: 12 })) {
        const distance = editDistance(word, item);
        const frequency = this.frequency.get(item) ?? 0;
        if (!confirms(word, item, distance)) continue;
        if (distance < bestDistance || (distance === bestDistance && frequency > bestFrequency)) {
          best = item;
          bestDistance = distance;
          bestFrequency = frequency;
        }
      }
    }
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(word, best);
    return best;
  }
}
