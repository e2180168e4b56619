// Scores how well a question's terms are covered by a document (a Q&A entry or a passage).
// Fuzzy similarity alone cannot tell an in-scope question from an out-of-scope one;
// coverage of the question's rarer terms can.
import { NUMBER_WORDS, QUESTION_WORDS, stem } from './text.ts';

/** How much a question term counts as found, by where it was found. */
/** Words too general to count as a match of their own ("who else …"). */
const WEAK = new Set(['els', 'other', 'besid', 'apart', 'also', 'more', 'two', 'both', 'new', 'big']);

export const MATCH = { exact: 1, synonym: 0.8, answer: 0.7, passage: 0.5 } as const;
const QUESTION_WORD_WEIGHT = 0.3;

export interface Doc {
  /** Terms of the phrasings and keywords: what the entry is about. */
  core: ReadonlySet<string>;
  /** Terms of the answer: what it says. */
  answer: ReadonlySet<string>;
  /** Terms of the cited passages: where it comes from. */
  passage: ReadonlySet<string>;
}

export interface Coverage {
  /** Weighted share of the question's terms the document covers, 0 to 1. */
  coverage: number;
  /** Whether some content term (not a question word) is found among the core terms. */
  anchored: boolean;
  /** Weighted share of the question's content terms found nowhere in the document. */
  missing: number;
  /** How many of the question's content terms the document's core has, directly or by synonym. */
  matched: number;
  /**
   * Weighted share of the question's content terms that the knowledge base uses elsewhere but this
   * document lacks: a sign the question is about something else ("who is Taiwan's president" on Xi).
   */
  missingKnown: number;
}

export type Synonyms = ReadonlyMap<string, ReadonlySet<string>>;

export class TermWeights {
  private readonly idf = new Map<string, number>();
  private readonly unknownWeight: number;

  constructor(docs: ReadonlyArray<ReadonlySet<string>>) {
    const df = new Map<string, number>();
    for (const doc of docs) for (const t of doc) df.set(t, (df.get(t) ?? 0) + 1);
    const n = docs.length;
    for (const [t, f] of df) this.idf.set(t, Math.log(1 + (n - f + 0.5) / (f + 0.5)));
    // A word the knowledge base never uses counts like a moderately rare one: it is most likely
    // the subject of a question the article does not answer.
    this.unknownWeight = Math.log(1 + (n - 2 + 0.5) / (2 + 0.5));
  }

  weight(term: string): number {
    if (QUESTION_WORDS.has(term)) return QUESTION_WORD_WEIGHT;
    return this.idf.get(term) ?? this.unknownWeight;
  }

  /** Whether the knowledge base uses the term at all. */
  knows(term: string): boolean {
    return this.idf.has(term);
  }
}

/** A question's terms with what every document comparison needs, worked out once per question. */
export interface PreparedQuery {
  /** `context`: a term from outside the asking clause, weak evidence that is never missed. */
  terms: { term: string; weight: number; synonyms: readonly string[]; isQuestionWord: boolean; context: boolean; known: boolean }[];
  /** Each question term and synonym, with how much a phrasing term equal to it counts. */
  credit: ReadonlyMap<string, number>;
}

export interface PrepareOptions {
  /** Terms from outside the asking clause, and how much each counts. */
  context?: readonly string[];
  contextWeight?: number;
  /** How much a term the knowledge base never uses counts, against its usual (rare-word) weight. */
  unknownFactor?: number;
}

const CLAIMED_NUMBER_FACTOR = 0.05;
/** Figures and weekdays as terms (stemmed: "twenti", "tuesdai"). */
const NUMBER_TERMS = new Set(NUMBER_WORDS.map(stem));
const DAY_TERMS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'].map(stem));
/**
 * A figure or a weekday: a value a question may put to be checked. (A figure with its unit that
 * the article never gives, "two hours", is left out of the question's terms by question.ts.)
 */
const isClaimableValue = (t: string) => /^\d/.test(t) || NUMBER_TERMS.has(t) || DAY_TERMS.has(t);

export function prepare(query: readonly string[], weights: TermWeights, synonyms: Synonyms, options: PrepareOptions = {}): PreparedQuery {
  const { context = [], contextWeight = 0, unknownFactor = 1 } = options;
  const credit = new Map<string, number>();
  const term = (t: string, isContext: boolean) => {
    const syn = [...(synonyms.get(t) ?? [])];
    if (!isContext) {
      credit.set(t, MATCH.exact);
      for (const s of syn) if (!credit.has(s)) credit.set(s, MATCH.synonym);
    }
    const known = weights.knows(t) || syn.some((x) => weights.knows(x));
    // A number or weekday the knowledge never uses is a value put to the bot to check ("is he
    // 65?", "on tuesday?"), not the subject: it weighs little, so the entry with the real one can answer.
    const claimed = !known && isClaimableValue(t);
    const weight = weights.weight(t) * (isContext ? contextWeight : 1) * (claimed ? CLAIMED_NUMBER_FACTOR : known ? 1 : unknownFactor);
    return { term: t, weight, synonyms: syn, isQuestionWord: QUESTION_WORDS.has(t), context: isContext, known };
  };
  const terms = [...query.map((t) => term(t, false)), ...(contextWeight > 0 ? context.filter((t) => !QUESTION_WORDS.has(t)).map((t) => term(t, true)) : [])];
  return { terms, credit };
}

const hasAny = (set: ReadonlySet<string>, words: readonly string[]) => words.some((w) => set.has(w));

export function coverage(q: PreparedQuery, doc: Doc): Coverage {
  let total = 0;
  let got = 0;
  let missing = 0;
  let contentTotal = 0;
  let anchored = false;
  let matched = 0;
  let missingKnown = 0;
  for (const { term, weight, synonyms, isQuestionWord, context, known } of q.terms) {
    let m = 0;
    if (doc.core.has(term)) m = MATCH.exact;
    else if (hasAny(doc.core, synonyms)) m = MATCH.synonym;
    else if (doc.answer.has(term) || hasAny(doc.answer, synonyms)) m = MATCH.answer;
    else if (doc.passage.has(term) || hasAny(doc.passage, synonyms)) m = MATCH.passage;
    if (context) {
      // Context only ever adds: a word of the chatter around a question is not missed.
      if (m > 0) {
        total += weight;
        got += weight * m;
      }
      continue;
    }
    total += weight;
    if (!isQuestionWord) contentTotal += weight;
    if (m >= MATCH.synonym && !isQuestionWord) {
      anchored = true;
      if (!WEAK.has(term)) matched++;
    }
    if (m === 0 && !isQuestionWord) {
      missing += weight;
      if (known) missingKnown += weight;
    }
    got += weight * m;
  }
  return {
    coverage: total > 0 ? got / total : 0,
    anchored,
    missing: contentTotal > 0 ? missing / contentTotal : 1,
    matched,
    missingKnown: contentTotal > 0 ? missingKnown / contentTotal : 1,
  };
}

/** A phrasing's terms with their weights, worked out once at start-up. */
export interface WeightedPhrasing {
  terms: readonly string[];
  weights: readonly number[];
  total: number;
}

export function weighPhrasing(terms: readonly string[], weights: TermWeights): WeightedPhrasing {
  const w = terms.map((t) => weights.weight(t));
  return { terms, weights: w, total: w.reduce((a, b) => a + b, 0) };
}

/** Weighted share of a phrasing's terms that the question also has (directly or by synonym). */
export function recall(p: WeightedPhrasing, q: PreparedQuery): number {
  if (p.total === 0) return 0;
  let got = 0;
  for (let i = 0; i < p.terms.length; i++) got += p.weights[i]! * (q.credit.get(p.terms[i]!) ?? 0);
  return got / p.total;
}
