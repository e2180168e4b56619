// What the bot answers from: one engine over one loaded knowledge base, and the facts about the
// article the replies show. Replaced whole on a reload, never changed in place.
import { createEngine } from '../engine/index.ts';
import type { Engine } from '../engine/types.ts';
import type { Knowledge } from '../knowledge/types.ts';
import type { SourceInfo } from '../replies/cited-embed.ts';

export interface Served {
  engine: Engine;
  source: SourceInfo;
  /** The ids of the article's passages and page lines, for checking ids that come back in buttons. */
  passageIds: ReadonlySet<string>;
  /** The curated entries' ids, likewise. */
  entryIds: ReadonlySet<string>;
}

export function serve(knowledge: Knowledge): Served {
  return {
    engine: createEngine(knowledge),
    source: { title: knowledge.title, outlet: knowledge.outlet, event: knowledge.event },
    passageIds: new Set([...knowledge.passages, ...knowledge.page].map((p) => p.id)),
    entryIds: new Set(knowledge.qa.map((e) => e.id)),
  };
}

/**
 * The engine in service. The router reads `current` once when an interaction arrives and keeps it
 * to the end, so a swap takes effect between interactions: one already in flight (waiting on
 * Discord) finishes on the engine it started with.
 */
export class ServedHolder {
  #current: Served;

  constructor(initial: Served) {
    this.#current = initial;
  }

  get current(): Served {
    return this.#current;
  }

  swap(next: Served): void {
    this.#current = next;
  }
}

/** What a reload logs: how much it loaded. */
export function knowledgeCounts(k: Knowledge) {
  return {
    passages: k.passages.length,
    speakers: k.speakers.length,
    quotes: k.quotes.length,
    topics: k.topics.length,
    qa: k.qa.length,
    phrasings: k.qa.reduce((n, e) => n + e.questions.length, 0),
  };
}
