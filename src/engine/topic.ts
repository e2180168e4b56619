import type { Analysis } from './analysis.ts';
import { ask } from './ask.ts';
import { citation } from './cite.ts';
import type { NameResolver } from './names.ts';
import { EngineInputError, type TopicResult } from './types.ts';

export function topic(a: Analysis, names: NameResolver, input: string): TopicResult {
  if (typeof input !== 'string' || input.trim() === '') throw new EngineInputError('Name a topic, for example "taiwan".');
  const query = input.trim().slice(0, 200);
  const resolved = names.resolve(query);
  // Not a topic's name ("xi blinken meeting"): the topic of the Q&A entry that answers it, if any.
  const id = resolved.id ?? askEntryTopic(a, query);
  const found = id ? a.knowledge.topics.find((t) => t.id === id) : undefined;
  const near = (resolved.near.length > 0 ? resolved.near : a.knowledge.topics.slice(0, 3).map((t) => t.id)).filter((id) => id !== found?.id);
  const suggestions = near.slice(0, 3).map((id) => ({ kind: 'topic' as const, id, label: names.label(id) }));
  if (!found) return { query, topic: null, title: null, summary: null, citations: [], suggestions };
  // A topic's passages are quoted in article order: a topic is read, not answered.
  const citations = found.passages
    .map((id) => a.knowledge.passageById.get(id)!)
    .sort((x, y) => x.paragraph - y.paragraph)
    .map(citation);
  return { query, topic: found.id, title: found.title, summary: found.summary, citations, suggestions };
}

function askEntryTopic(a: Analysis, query: string): string | undefined {
  const r = ask(a, query);
  return r.entryId ? a.entryById.get(r.entryId)?.entry.topics[0] : undefined;
}
