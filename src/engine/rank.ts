// Ranks the curated entries for a parsed question: IDF-weighted coverage of the question's terms
// plus recall of the entry's best phrasing. BM25 (bm25.ts) is the second, independent opinion.
import type { Analysis, EntryRecord } from './analysis.ts';
import { coverage, prepare, recall } from './matcher.ts';
import { TUNING } from './tuning.ts';

export interface Scored {
  record: EntryRecord;
  score: number;
  coverage: number;
  missing: number;
  anchored: boolean;
  matched: number;
  missingKnown: number;
}

/** Every entry scored against the question's terms (and, weakly, its context), best first. */
export function scoreEntries(a: Analysis, query: readonly string[], context: readonly string[] = [], unknownFactor = 1): Scored[] {
  const q = prepare(query, a.entryWeights, a.synonyms, { context, contextWeight: TUNING.contextWeight, unknownFactor });
  return a.entries
    .map((record) => {
      const c = coverage(q, record.doc);
      let bestRecall = 0;
      for (const p of record.phrasings) bestRecall = Math.max(bestRecall, recall(p, q));
      const score = TUNING.coverageShare * c.coverage + (1 - TUNING.coverageShare) * bestRecall;
      return { record, score, coverage: c.coverage, missing: c.missing, anchored: c.anchored, matched: c.matched, missingKnown: c.missingKnown };
    })
    .sort((x, y) => y.score - x.score);
}

/** Passages by how much of the question they cover, best first: for answering from a passage alone. */
export function scorePassages(a: Analysis, query: readonly string[]) {
  const q = prepare(query, a.passageWeights, a.synonyms);
  return a.passageDocs.map((p) => ({ passage: p.passage, doc: p.doc, c: coverage(q, p.doc) })).sort((x, y) => y.c.coverage - x.c.coverage);
}
