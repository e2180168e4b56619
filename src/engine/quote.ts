import type { Analysis } from './analysis.ts';
import { queryTerms } from './analysis.ts';
import { citation } from './cite.ts';
import { coverage, prepare } from './matcher.ts';
import type { NameResolver } from './names.ts';
import { EngineInputError, type QuoteItem, type QuoteResult, type Suggestion } from './types.ts';

export function quote(a: Analysis, names: NameResolver, speakerInput: string, about?: string): QuoteResult {
  if (typeof speakerInput !== 'string' || speakerInput.trim() === '') throw new EngineInputError('Name a speaker, for example "blinken" or "xi".');
  const query = speakerInput.trim().slice(0, 200);
  const resolved = names.resolve(query);
  const suggest = (ids: string[]): Suggestion[] => ids.slice(0, 3).map((id) => ({ kind: 'speaker', id, label: names.label(id) }));
  const quotedIds = [...new Set(a.knowledge.quotes.map((q) => q.speaker))];

  if (!resolved.id) {
    const near = resolved.near.length > 0 ? resolved.near : quotedIds;
    return {
      query,
      speaker: null,
      speakerName: null,
      speakerRole: null,
      quotes: [],
      message: `The article names nobody called “${query}”.`,
      suggestions: suggest(near),
    };
  }
  const speaker = a.knowledge.speakers.find((s) => s.id === resolved.id)!;
  const all = a.knowledge.quotes.filter((q) => q.speaker === speaker.id);
  // An `about` with no words in it ("?") filters nothing.
  const aboutText = about && queryTerms(a, about).length > 0 ? about.trim().slice(0, 200) : undefined;
  const aboutQuery = aboutText ? prepare(queryTerms(a, aboutText), a.passageWeights, a.synonyms) : undefined;
  const candidates = all.map((q) => ({ q, passage: a.knowledge.passageById.get(q.passage)! }));
  // Quotes that use the very words; failing that, their synonyms; failing that, quotes from
  // passages about it.
  const matching = (min: number) => (aboutQuery ? candidates.filter(({ q }) => coverage(aboutQuery, a.quoteDocs.get(q.id)!).coverage >= min) : candidates);
  const chosen = [0.99, 0.6, 0.5].map(matching).find((list) => list.length > 0) ?? [];
  const items: QuoteItem[] = chosen
    .sort((x, y) => x.passage.paragraph - y.passage.paragraph)
    .map(({ q, passage }) => ({ id: q.id, text: q.text, speaker: speaker.id, citation: citation(passage) }));

  let message: string;
  const others = quotedIds.filter((id) => id !== speaker.id);
  if (all.length === 0) message = `The article names ${speaker.name} (${speaker.role}) but has no direct quote from them.`;
  else if (items.length === 0)
    message = `The article quotes ${speaker.name} ${all.length} time${all.length === 1 ? '' : 's'}, but none of it is about “${aboutText}”.`;
  else message = `${items.length} quote${items.length === 1 ? '' : 's'} from ${speaker.name}${aboutText ? ` about “${aboutText}”` : ''}, in article order.`;
  return {
    query,
    speaker: speaker.id,
    speakerName: speaker.name,
    speakerRole: speaker.role,
    quotes: items,
    ...(aboutText ? { about: aboutText } : {}),
    message,
    suggestions: items.length === 0 ? suggest(all.length > 0 ? [speaker.id] : others) : [],
  };
}
