// The answer engine: plain functions over the knowledge base, shared by every door
// (Discord commands, the local console, the CLI). Nothing here knows about Discord.
import type { Knowledge } from '../knowledge/types.ts';
import { analyse } from './analysis.ts';
import { ask, askEntry, starters } from './ask.ts';
import { Completer, NamedCompleter } from './complete.ts';
import { NameResolver, type Named } from './names.ts';
import { quote } from './quote.ts';
import { topic } from './topic.ts';
import { Recent } from './recent.ts';
import type { AskResult, Engine } from './types.ts';

/** How many recent questions' answers an engine keeps. */
const ANSWERS_KEPT = 1000;

export * from './types.ts';

function once<T>(make: () => T): () => T {
  let made: T | undefined;
  return () => (made ??= make());
}

export function createEngine(knowledge: Knowledge): Engine {
  const a = analyse(knowledge);
  const quoted = new Set(knowledge.quotes.map((q) => q.speaker));
  // Quoted speakers first, so suggestions and empty autocomplete lead with people who have quotes.
  const speakers: Named[] = [...knowledge.speakers]
    .sort((x, y) => Number(quoted.has(y.id)) - Number(quoted.has(x.id)))
    .map((s) => ({ id: s.id, label: s.name, names: [s.name, ...s.aliases] }));
  const topics: Named[] = knowledge.topics.map((t) => ({ id: t.id, label: t.title, names: [t.title, ...t.aliases] }));
  // Built on first use: /ask (the console's first question, most of what is asked) needs none of them.
  const speakerNames = once(() => new NameResolver(speakers, a.spell));
  const topicNames = once(() => new NameResolver(topics, a.spell));
  const completer = once(() => new Completer(a));
  const speakerCompleter = once(() => new NamedCompleter(speakers));
  const topicCompleter = once(() => new NamedCompleter(topics));
  // Results are shared between callers that ask the same: callers treat them as read-only.
  const answers = new Recent<AskResult>(ANSWERS_KEPT);

  return {
    ask: (question) => (typeof question === 'string' ? answers.get(question, () => ask(a, question)) : ask(a, question)),
    askEntry: (entryId) => askEntry(a, entryId),
    starters: (count) => starters(a, count),
    quote: (speaker, about) => quote(a, speakerNames(), speaker, about),
    topic: (name) => topic(a, topicNames(), name),
    completeQuestion: (partial, limit) => completer().questions(partial, limit),
    completeSpeaker: (partial, limit) => speakerCompleter().complete(partial, limit),
    completeTopic: (partial, limit) => topicCompleter().complete(partial, limit),
  };
}
