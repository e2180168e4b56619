// Citations: passages quoted in full, verbatim, and the one sentence of a passage that answers.
import type { LoadedPassage } from '../knowledge/types.ts';
import { terms } from './text.ts';
import type { Citation } from './types.ts';

export function citation(passage: LoadedPassage): Citation {
  return { id: passage.id, paragraph: passage.paragraph, ...(passage.label ? { label: passage.label } : {}), text: passage.text };
}

/** The sentence of a passage that shares most of the question's terms, verbatim. */
export function bestSentence(passage: LoadedPassage, query: readonly string[]): string {
  const sentences = passage.text.match(/[^.!?]+(?:[.!?]+[”’"]?|$)/g) ?? [passage.text];
  let best = passage.text;
  let bestHits = -1;
  for (const s of sentences) {
    const t = new Set(terms(s));
    const hits = query.filter((q) => t.has(q)).length;
    if (hits > bestHits) {
      best = s.trim();
      bestHits = hits;
    }
  }
  return best;
}
