// The CLI's output for a person: the same results as the JSON, as plain text.
import type { AskResult, Citation, QuoteResult, Suggestion, TopicResult } from '../engine/types.ts';

const passage = (c: Citation) => `  [${c.label ?? `paragraph ${c.paragraph}`}] ${c.text}`;
const suggestions = (s: Suggestion[], heading: string) => (s.length ? [heading, ...s.map((x) => `  - ${x.label}`)] : []);

export function askText(r: AskResult): string {
  if (!r.answered) {
    const nearest = r.citations.length > 0 ? ['', ...r.citations.map(passage)] : [];
    return [r.note ?? "The article doesn't say.", ...nearest, ...suggestions(r.suggestions, 'Try instead:')].join('\n');
  }
  return [r.answer, '', 'From the article:', ...r.citations.map(passage), ...suggestions(r.suggestions, '\nRelated:')].join('\n');
}

export function quoteText(r: QuoteResult): string {
  const lines = [r.message];
  for (const q of r.quotes) lines.push(`  “${q.text}” (paragraph ${q.citation.paragraph})`);
  return [...lines, ...suggestions(r.suggestions, 'Try:')].join('\n');
}

export function topicText(r: TopicResult): string {
  if (r.topic === null) return [`No topic called “${r.query}”.`, ...suggestions(r.suggestions, 'Topics like it:')].join('\n');
  return [r.title, r.summary, '', ...r.citations.map(passage)].join('\n');
}
