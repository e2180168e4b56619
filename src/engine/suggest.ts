// What to offer beside an answer or instead of one: related questions, topics, good first questions.
import type { Analysis, EntryRecord } from './analysis.ts';
import type { Scored } from './rank.ts';
import { QUESTION_WORDS } from './text.ts';
import { TUNING } from './tuning.ts';
import type { Suggestion } from './types.ts';

export function questionSuggestion(record: EntryRecord): Suggestion {
  return { kind: 'question', id: record.entry.id, label: record.entry.questions[0] ?? record.entry.id };
}

/** Good first questions: the entries that open the Q&A file, which curators keep the most useful. */
export function starters(a: Analysis, count = 3): Suggestion[] {
  return a.entries.slice(0, count).map(questionSuggestion);
}

/** Beside an answer: the next best entries, then others on the same topics. */
export function relatedTo(a: Analysis, top: EntryRecord, ranked: readonly Scored[]): Suggestion[] {
  const topics = new Set(top.entry.topics);
  const picked = ranked
    .filter((s) => s.record !== top && s.score >= TUNING.suggestionMinScore)
    .slice(0, 3)
    .map((s) => s.record);
  for (const record of a.entries) {
    if (picked.length >= 3) break;
    if (record !== top && !picked.includes(record) && record.entry.topics.some((t) => topics.has(t))) picked.push(record);
  }
  return picked.slice(0, 3).map(questionSuggestion);
}

/** Instead of an answer: the entries nearest the question, topics it names, or good first questions. */
export function alternatives(a: Analysis, query: readonly string[], ranked: readonly Scored[]): Suggestion[] {
  const out: Suggestion[] = ranked
    .filter((s) => s.anchored && s.score >= TUNING.suggestionMinScore)
    .slice(0, 3)
    .map((s) => questionSuggestion(s.record));
  const content = new Set(query.filter((t) => !QUESTION_WORDS.has(t)));
  for (const topic of a.topicTerms) {
    if (out.length >= 3) break;
    if ([...content].some((t) => topic.terms.has(t))) out.push({ kind: 'topic', id: topic.id, label: topic.title });
  }
  return out.length > 0 ? out : starters(a);
}
