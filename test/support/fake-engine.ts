// A small stand-in for the answer engine: fixed answers, overridable per test.
import type { Answered, AskResult, Citation, Engine, QuoteItem, QuoteResult, TopicResult } from '../../src/engine/types.ts';
import type { CommandContext } from '../../commands/context.ts';

export const SOURCE = { title: 'US and China pledge to stabilise tense relationship after talks', outlet: 'BBC', event: 'Blinken meets Xi, June 2023' };

export const P5: Citation = { id: 'p5', paragraph: 5, text: 'Mr Blinken told reporters after the 35-minute meeting at the Great Hall of the People.' };
export const P2: Citation = { id: 'p2', paragraph: 2, text: 'Mr Blinken met China’s President Xi Jinping for talks on Monday.' };

export function answered(query: string, overrides: Partial<Answered> = {}): AskResult {
  return {
    query,
    answered: true,
    answer: '35 minutes.',
    citations: [P5, P2],
    suggestions: [
      { kind: 'question', id: 'meeting-day', label: 'On which day did they meet?' },
      { kind: 'question', id: 'meeting-venue', label: 'Where did they meet?' },
    ],
    entryId: 'meeting-length',
    ...overrides,
  };
}

export function quoteItem(n: number, paragraph = n, text = `quote number ${n}`): QuoteItem {
  return {
    id: `q${n}`,
    text,
    speaker: 'blinken',
    citation: { id: `p${paragraph}`, paragraph, text: `Context for “${text}”, said Mr Blinken in paragraph ${paragraph}.` },
  };
}

export function fakeEngine(overrides: Partial<Engine> = {}): Engine {
  const engine: Engine = {
    ask: (question) =>
      /meet|long/i.test(question)
        ? answered(question)
        : {
            query: question,
            answered: false,
            answer: null,
            citations: [],
            suggestions: [{ kind: 'question', id: 'meeting-length', label: 'How long did the meeting last?' }],
            entryId: null,
          },
    starters: (count = 3) =>
      [
        { kind: 'question' as const, id: 'meeting-length', label: 'How long did the meeting last?' },
        { kind: 'question' as const, id: 'meeting-day', label: 'On which day did they meet?' },
      ].slice(0, count),
    askEntry: (id) => (id === 'meeting-length' || id === 'meeting-day' ? answered('How long did the meeting last?', { entryId: id }) : null),
    quote: (speaker, about): QuoteResult => {
      if (/blinken/i.test(speaker) || speaker === 'blinken') {
        const quotes = about ? [] : [quoteItem(5), quoteItem(7), quoteItem(21)];
        return {
          query: speaker,
          speaker: 'blinken',
          speakerName: 'Antony Blinken',
          speakerRole: 'US Secretary of State',
          quotes,
          message: quotes.length ? `${quotes.length} quotes from Antony Blinken, in article order.` : `No quotes about “${about}”.`,
          suggestions: [],
        };
      }
      return {
        query: speaker,
        speaker: null,
        speakerName: null,
        speakerRole: null,
        quotes: [],
        message: `The article names nobody called “${speaker}”.`,
        suggestions: [
          { kind: 'speaker', id: 'blinken', label: 'Antony Blinken' },
          { kind: 'speaker', id: 'xi', label: 'Xi Jinping' },
        ],
      };
    },
    topic: (name): TopicResult =>
      /taiwan/i.test(name)
        ? {
            query: name,
            topic: 'taiwan',
            title: 'Taiwan',
            summary: 'The biggest area of contention.',
            citations: [P5],
            suggestions: [{ kind: 'topic', id: 'relations', label: 'Relations' }],
          }
        : { query: name, topic: null, title: null, summary: null, citations: [], suggestions: [{ kind: 'topic', id: 'taiwan', label: 'Taiwan' }] },
    completeQuestion: (partial, limit = 25) =>
      ['How long did the meeting last?', 'On which day did they meet?', 'Where did they meet?']
        .filter((q) => q.toLowerCase().includes(partial.toLowerCase()))
        .slice(0, limit)
        .map((q) => ({ name: q, value: q })),
    completeSpeaker: (partial) => [{ name: 'Antony Blinken', value: 'blinken' }].filter((c) => c.name.toLowerCase().includes(partial.toLowerCase())),
    completeTopic: () => [{ name: 'Taiwan', value: 'taiwan' }],
  };
  return { ...engine, ...overrides };
}

export function context(engine: Engine = fakeEngine()): CommandContext {
  return { engine, source: SOURCE, userId: '100000000000000001', guildId: '200000000000000002' };
}
