// What the answer engine returns. Plain data: the CLI prints these shapes as JSON, and the
// Discord commands and the console turn them into replies.

export interface Citation {
  /** Passage id, e.g. "p14". */
  id: string;
  /** 1-based paragraph number in the article; 0 for a line of the page, named by `label`. */
  paragraph: number;
  /** For a line of the page: its name ("headline", "source line"). Absent for a paragraph. */
  label?: string;
  /** The passage's full text, verbatim from the article. */
  text: string;
}

export interface Suggestion {
  kind: 'question' | 'topic' | 'speaker';
  /** Q&A entry id, topic id or speaker id. */
  id: string;
  /** What to show a person: a question, a topic title or a speaker name. */
  label: string;
}

interface AskBase {
  query: string;
  /** Passages, full text, verbatim; the one that answers (or, for a refusal, the nearest) first. */
  citations: Citation[];
  /** Up to 3: related questions when answered, things to try instead when not. */
  suggestions: Suggestion[];
}

/** The article answers: a short answer and the passages it stands on. */
export interface Answered extends AskBase {
  answered: true;
  answer: string;
  /** The Q&A entry answered from, or null when answered from a passage alone. */
  entryId: string | null;
}

/**
 * The article does not answer. When it comes near (the question is about something it mentions
 * but does not say), `note` says what it does not say and `citations` holds the nearest passage;
 * otherwise there is no note and there are no citations.
 */
export interface Refused extends AskBase {
  answered: false;
  answer: null;
  entryId: null;
  note?: string;
}

export type AskResult = Answered | Refused;

export interface QuoteItem {
  id: string;
  text: string;
  speaker: string;
  citation: Citation;
}

export interface QuoteResult {
  query: string;
  /** Resolved speaker id, or null when the name is unknown. */
  speaker: string | null;
  speakerName: string | null;
  speakerRole: string | null;
  quotes: QuoteItem[];
  /** The `about` filter applied, when one was given and had words in it. */
  about?: string;
  /** A sentence for a person: why the list is empty, or how many quotes matched. */
  message: string;
  suggestions: Suggestion[];
}

interface TopicBase {
  query: string;
  /** Topics like the one asked for (when found, other topics; when not, the nearest). */
  suggestions: Suggestion[];
}

/** A topic of the knowledge base: its curated summary and passages in article order. */
export interface TopicFound extends TopicBase {
  topic: string;
  title: string;
  summary: string;
  citations: Citation[];
}

/** No topic of that name (nor a question whose entry has one). */
export interface TopicNotFound extends TopicBase {
  topic: null;
  title: null;
  summary: null;
  citations: [];
}

export type TopicResult = TopicFound | TopicNotFound;

export interface Choice {
  name: string;
  value: string;
}

export interface Engine {
  ask(question: string): AskResult;
  /** Answer a curated entry directly (a "related question" button). Null for an unknown id. */
  askEntry(entryId: string): AskResult | null;
  quote(speaker: string, about?: string): QuoteResult;
  topic(name: string): TopicResult;
  /** Good first questions to offer someone who has not asked anything yet. */
  starters(count?: number): Suggestion[];
  /** Autocomplete: curated questions / speakers / topics matching a partial input, best first. */
  completeQuestion(partial: string, limit?: number): Choice[];
  completeSpeaker(partial: string, limit?: number): Choice[];
  completeTopic(partial: string, limit?: number): Choice[];
}

/** Thrown for input the engine cannot work with, such as an empty question. */
export class EngineInputError extends Error {
  override name = 'EngineInputError';
}
