import type { LoadedPassage } from '../knowledge/types.ts';
import { type Analysis, type EntryRecord, queryTerms } from './analysis.ts';
import { coverage, prepare, recall } from './matcher.ts';
import { asksAboutFuture, asksForQuantity, asksForSpeech, asksForTime, hasQuantity, hasTime, speaksOfFuture } from './question-type.ts';
import { QUESTION_WORDS, terms, words } from './text.ts';
import { type AskResult, type Citation, EngineInputError, type Suggestion } from './types.ts';

/** Longest question the engine reads; the rest of a pasted wall of text adds nothing. */
export const MAX_QUESTION_CHARS = 1000;

// Thresholds, tuned on test/data (npm run eval prints what they give).
const ANSWER_MIN_COVERAGE = 0.55;
const ANSWER_MAX_MISSING = 0.4;
const PASSAGE_MIN_COVERAGE = 0.75;
const RELATED_MIN_SCORE = 0.2;

export interface Scored {
  record: EntryRecord;
  score: number;
  coverage: number;
  missing: number;
  anchored: boolean;
}

export function citation(passage: LoadedPassage): Citation {
  return { id: passage.id, paragraph: passage.paragraph, text: passage.text };
}

export function questionSuggestion(record: EntryRecord): Suggestion {
  return { kind: 'question', id: record.entry.id, label: record.entry.questions[0]! };
}

export function cleanQuestion(question: string): string {
  if (typeof question !== 'string' || question.trim() === '') throw new EngineInputError('The question is empty: type what you want to know.');
  return question.trim().slice(0, MAX_QUESTION_CHARS);
}

/** Every entry scored against the question's terms, best first. */
export function scoreEntries(a: Analysis, query: string[]): Scored[] {
  const q = prepare(query, a.entryWeights, a.synonyms);
  return a.entries
    .map((record) => {
      const c = coverage(q, record.doc);
      let bestRecall = 0;
      for (const p of record.phrasings) bestRecall = Math.max(bestRecall, recall(p, q));
      const score = 0.75 * c.coverage + 0.25 * bestRecall;
      return { record, score, coverage: c.coverage, missing: c.missing, anchored: c.anchored };
    })
    .sort((x, y) => y.score - x.score);
}

/** The speakers a question names, in the order it names them, by their names or aliases. */
function speakersNamed(a: Analysis, question: string): string[] {
  const w = words(question);
  const found: { id: string; at: number }[] = [];
  for (const { id, names } of a.speakerNames) {
    let at = Infinity;
    for (const name of names) {
      for (let i = 0; i + name.length <= w.length; i++) {
        if (i < at && name.every((n, j) => w[i + j] === n)) at = i;
      }
    }
    if (at < Infinity) found.push({ id, at });
  }
  return found.sort((x, y) => x.at - y.at).map((f) => f.id);
}

/** Whether an entry is about the speaker: its phrasings, keywords or answer use their name. */
function mentionsSpeaker(a: Analysis, s: Scored, speakerId: string): boolean {
  const terms = a.speakerTerms.get(speakerId) ?? [];
  return terms.some((t) => s.record.doc.core.has(t) || s.record.doc.answer.has(t));
}

function accepts(s: Scored | undefined): s is Scored {
  return !!s && s.anchored && s.coverage >= ANSWER_MIN_COVERAGE && s.missing <= ANSWER_MAX_MISSING;
}

/** The sentence of a passage that shares most of the question's terms, verbatim. */
function bestSentence(passage: LoadedPassage, query: string[]): string {
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

function relatedTo(a: Analysis, top: EntryRecord, ranked: Scored[]): Suggestion[] {
  const topics = new Set(top.entry.topics);
  const picked = ranked
    .filter((s) => s.record !== top && s.score >= RELATED_MIN_SCORE)
    .slice(0, 3)
    .map((s) => s.record);
  for (const record of a.entries) {
    if (picked.length >= 3) break;
    if (record !== top && !picked.includes(record) && record.entry.topics.some((t) => topics.has(t))) picked.push(record);
  }
  return picked.slice(0, 3).map(questionSuggestion);
}

function alternatives(a: Analysis, query: string[], ranked: Scored[]): Suggestion[] {
  const out: Suggestion[] = ranked
    .filter((s) => s.anchored && s.score >= RELATED_MIN_SCORE)
    .slice(0, 3)
    .map((s) => questionSuggestion(s.record));
  const content = new Set(query.filter((t) => !QUESTION_WORDS.has(t)));
  for (const topic of a.topicTerms) {
    if (out.length >= 3) break;
    if ([...content].some((t) => topic.terms.has(t))) out.push({ kind: 'topic', id: topic.id, label: topic.title });
  }
  return out.length > 0 ? out : starters(a);
}

/** Good first questions: the entries that open the Q&A file, which curators keep the most useful. */
export function starters(a: Analysis, count = 3): Suggestion[] {
  return a.entries.slice(0, count).map(questionSuggestion);
}

export function answerEntry(a: Analysis, query: string, record: EntryRecord, ranked: Scored[]): AskResult {
  const citations = record.entry.passages.map((id) => citation(a.knowledge.passageById.get(id)!));
  return {
    query,
    answered: true,
    answer: record.entry.answer,
    citations,
    suggestions: relatedTo(a, record, ranked),
    entryId: record.entry.id,
  };
}

export function ask(a: Analysis, question: string): AskResult {
  const query = cleanQuestion(question);
  const qTerms = queryTerms(a, query);
  const ranked = scoreEntries(a, qTerms);
  const refuse = (): AskResult => ({ query, answered: false, answer: null, citations: [], suggestions: alternatives(a, qTerms, ranked), entryId: null });

  // "What did Wang Yi say?": the article names him but reports no words of his.
  const named = speakersNamed(a, query);
  const subject = named[0];
  if (subject && asksForSpeech(query) && !a.speaking.has(subject)) return refuse();

  // The kind of answer the wording asks for: a number for "how many", a time for "when",
  // something about what comes next for "will".
  const quantity = asksForQuantity(query);
  const time = asksForTime(query);
  const future = asksAboutFuture(query);
  const fits = (text: string) => (!quantity || hasQuantity(text)) && (!time || hasTime(text)) && (!future || speaksOfFuture(text));
  // "How old is Xi?" must not take Blinken's age: an entry must be about everyone the question names.
  const aboutThem = (s: Scored) => named.every((id) => mentionsSpeaker(a, s, id));
  const top = ranked.find((s) => fits(s.record.entry.answer) && aboutThem(s));
  if (accepts(top)) return answerEntry(a, query, top.record, ranked);

  // No curated entry fits: answer from a single passage only when it clearly covers the question.
  const pq = prepare(qTerms, a.passageWeights, a.synonyms);
  const passages = a.passageDocs
    .map((p) => ({ p, c: coverage(pq, p.doc) }))
    .sort((x, y) => y.c.coverage - x.c.coverage);
  const best = passages[0];
  const runnerUp = passages[1];
  const sentence = best ? bestSentence(best.p.passage, qTerms) : '';
  if (
    best &&
    fits(sentence) &&
    named.every((id) => (a.speakerTerms.get(id) ?? []).some((t) => best.p.doc.core.has(t))) &&
    best.c.anchored &&
    best.c.coverage >= PASSAGE_MIN_COVERAGE &&
    best.c.missing === 0 &&
    (!runnerUp || best.c.coverage - runnerUp.c.coverage >= 0.1)
  ) {
    return {
      query,
      answered: true,
      answer: sentence,
      citations: [citation(best.p.passage)],
      suggestions: alternatives(a, qTerms, ranked),
      entryId: null,
    };
  }
  return refuse();
}

export function askEntry(a: Analysis, entryId: string): AskResult | null {
  const record = a.entryById.get(entryId);
  if (!record) return null;
  const ranked = scoreEntries(a, [...(record.phrasings[0]?.terms ?? [])]);
  return answerEntry(a, record.entry.questions[0]!, record, ranked);
}
