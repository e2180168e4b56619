// The CLI's JSON output: a contract other tools depend on. Keep these shapes exactly.
import type { AskResult, Citation, QuoteResult, TopicResult } from '../engine/types.ts';

const cite = (c: Citation) => ({ id: c.id, text: c.text });

export function askJson(r: AskResult) {
  return {
    query: r.query,
    answered: r.answered,
    answer: r.answer,
    // A refusal cites the nearest passage when the article comes near without answering.
    citations: r.citations.map(cite),
    suggestions: r.suggestions.map((s) => s.label),
    /** For a refusal that cites a passage: what the article does not say, and where it comes nearest. */
    note: r.answered ? null : (r.note ?? null),
  };
}

export function quoteJson(r: QuoteResult) {
  return {
    query: r.query,
    speaker: r.speaker,
    quotes: r.quotes.map((q) => ({ text: q.text, speaker: q.speaker, citation: cite(q.citation) })),
    suggestions: r.suggestions.map((s) => s.label),
  };
}

export function topicJson(r: TopicResult) {
  return {
    query: r.query,
    topic: r.topic,
    title: r.title,
    summary: r.summary,
    citations: r.topic ? r.citations.map(cite) : [],
    suggestions: r.suggestions.map((s) => s.label),
  };
}
