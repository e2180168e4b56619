// The second ranker: BM25 (MiniSearch) over each curated entry's phrasings, keywords and answer.
// It ranks about as well as the coverage score but errs differently, so the engine trusts a
// weaker coverage when both put the same entry first (see ask.ts).
import MiniSearch from 'minisearch';
import type { EntryRecord } from './analysis.ts';
import type { Synonyms } from './matcher.ts';
import { terms } from './text.ts';

export interface Bm25 {
  /** Entry ids, best first, for a question's terms (synonyms count at a discount). */
  rank(query: readonly string[], synonyms: Synonyms): string[];
}

interface EntryDoc {
  id: string;
  questions: string;
  keywords: string;
  answer: string;
}

const SYNONYM_BOOST = 0.5;

/** The index is built at the first question that needs the second ranker: a clear answer never does. */
export function buildBm25(entries: readonly EntryRecord[]): Bm25 {
  let built: MiniSearch<EntryDoc> | undefined;
  const indexOf = () => (built ??= indexEntries(entries));
  return {
    rank(query, synonyms) {
      const q = query.filter(Boolean);
      if (q.length === 0) return [];
      const direct = new Set(q);
      const extra = [...new Set(q.flatMap((t) => [...(synonyms.get(t) ?? [])]))].filter((t) => !direct.has(t));
      const all = [...q, ...extra];
      return indexOf()
        .search(all.join(' '), { boostTerm: (term) => (direct.has(term) ? 1 : SYNONYM_BOOST) })
        .map((r) => String(r.id));
    },
  };
}

function indexEntries(entries: readonly EntryRecord[]): MiniSearch<EntryDoc> {
  const index = new MiniSearch<EntryDoc>({
    fields: ['questions', 'keywords', 'answer'],
    // Documents are read exactly as the coverage ranker reads them: the engine's own terms.
    tokenize: (text, field) => (field ? terms(text) : text.split(' ')),
    processTerm: (term) => term,
    searchOptions: { boost: { questions: 2, keywords: 1.5, answer: 1 }, combineWith: 'OR' },
  });
  index.addAll(
    entries.map(({ entry }) => ({ id: entry.id, questions: entry.questions.join(' \n '), keywords: entry.keywords.join(' '), answer: entry.answer })),
  );
  return index;
}
