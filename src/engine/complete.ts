// Autocomplete: what to offer while a person is still typing.
import Fuse from 'fuse.js';
import type { Analysis } from './analysis.ts';
import { queryTerms } from './analysis.ts';
import { scoreEntries } from './rank.ts';
import { foldSpelling, words } from './text.ts';
import type { Named } from './names.ts';
import type { Choice } from './types.ts';

export const MAX_CHOICES = 25;
export const MAX_CHOICE_CHARS = 100;

/** Entries offered on an empty field: the first curated entries, which open the Q&A file. */
const STARTERS = 5;
const FUSE_PATTERN_CHARS = 32;

function cut(text: string): string {
  return text.length <= MAX_CHOICE_CHARS ? text : `${text.slice(0, MAX_CHOICE_CHARS - 1)}…`;
}

export class Completer {
  private readonly prefixIndex: { entryId: string; offered: string; words: string[] }[];
  private readonly phrasings: Fuse<{ entryId: string; text: string; offered: string }>;

  constructor(private readonly a: Analysis) {
    // Matched on any phrasing, offered as the entry's first: the full question a curator wrote.
    const records = a.knowledge.qa.flatMap((e) => e.questions.map((text) => ({ entryId: e.id, text, offered: e.questions[0]! })));
    this.prefixIndex = records.map((r) => ({ ...r, words: words(r.text) }));
    this.phrasings = new Fuse(records, { keys: ['text'], threshold: 0.35, ignoreLocation: true, includeScore: true });
  }

  questions(partial: string, limit = MAX_CHOICES): Choice[] {
    const n = Math.min(limit, MAX_CHOICES);
    // American spellings read as the article's British ones: "stabilizing" finds "stabilising".
    const text = foldSpelling(partial.trim().slice(0, 300));
    const out = new Map<string, Choice>();
    const add = (entryId: string, question: string) => {
      if (!out.has(entryId) && out.size < n) out.set(entryId, { name: cut(question), value: cut(question) });
    };
    if (!text) {
      for (const e of this.a.knowledge.qa.slice(0, Math.min(STARTERS, n))) add(e.id, e.questions[0]!);
      return [...out.values()];
    }
    // Phrasings with a word starting with each word typed come first ("tai" → Taiwan), then
    // phrasings resembling what was typed, then the engine's own ranking. Fuse's
    // matcher cuts patterns over 32 characters into pieces and slows down (15 ms measured for
    // 70 characters), so longer input goes to the engine's ranking alone.
    const typed = words(text);
    if (typed.length > 0) {
      for (const r of this.prefixIndex) {
        if (typed.every((t) => r.words.some((w) => w.startsWith(t)))) add(r.entryId, r.offered);
      }
    }
    if (text.length <= FUSE_PATTERN_CHARS) for (const r of this.phrasings.search(text, { limit: n * 2 })) add(r.item.entryId, r.item.offered);
    const ranked = scoreEntries(this.a, queryTerms(this.a, text));
    for (const s of ranked) {
      if (s.score < 0.15) break;
      add(s.record.entry.id, s.record.entry.questions[0]!);
    }
    return [...out.values()];
  }
}

/** Autocomplete over a fixed list of named things (speakers, topics), indexed once. */
export class NamedCompleter {
  private readonly fuse: Fuse<Named>;

  constructor(private readonly items: readonly Named[]) {
    this.fuse = new Fuse(items, { keys: ['label', 'names', 'id'], threshold: 0.4, ignoreLocation: true });
  }

  complete(partial: string, limit = MAX_CHOICES): Choice[] {
    const n = Math.min(limit, MAX_CHOICES);
    const text = foldSpelling(partial.trim().toLowerCase().slice(0, MAX_CHOICE_CHARS));
    if (!text) return this.items.slice(0, n).map((i) => ({ name: cut(i.label), value: i.id }));
    return this.fuse.search(text, { limit: n }).map((r) => ({ name: cut(r.item.label), value: r.item.id }));
  }
}
