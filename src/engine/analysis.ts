// Everything the engine derives from the knowledge base once, at start-up: term sets, weights,
// the spelling vocabulary and the Fuse indexes. Queries only read these.
import type { Knowledge, LoadedPassage } from '../knowledge/types.ts';
import { foldForCompare } from '../text/fold.ts';
import type { QaEntry } from '../knowledge/schema.ts';
import { type AnswerKind, asksAboutFuture, inferAnswerKinds, speaksOfFuture } from './kinds.ts';
import { type Doc, TermWeights, type WeightedPhrasing, weighPhrasing } from './matcher.ts';
import { buildBm25, type Bm25 } from './bm25.ts';
import { loadEnglishWords } from './english.ts';
import { firstNameAt } from './people.ts';
import { SpellChecker } from './spell.ts';
import { buildInstances, buildSynonyms, synonymWords } from './synonyms.ts';
import { isStopWord, stem, terms, words } from './text.ts';

export interface EntryRecord {
  entry: QaEntry;
  /** The kinds of answer it gives: the entry's `answerKinds`, or read from its answer. */
  kinds: readonly AnswerKind[];
  /** Whether it answers questions about what comes next: its answer speaks of it, or a phrasing asks it. */
  future: boolean;
  /** Speakers whose words its answer reports ("Xi said …"): only these answer "what did X say". */
  saidBy: ReadonlySet<string>;
  /** The speaker its answer names first ("Antony Blinken is …"): who it gives a who-question. */
  firstNamed: string | null;
  /** Stemmed terms of each phrasing, with their weights. */
  phrasings: WeightedPhrasing[];
  doc: Doc;
}

export interface Analysis {
  knowledge: Knowledge;
  synonyms: Map<string, Set<string>>;
  /** Category words a question may ask by ("which country") and the article's words naming one ("china"), stemmed. */
  instances: ReadonlyMap<string, readonly string[]>;
  /** The article's own synonym groups only (knowledge/synonyms.json): narrow enough to name a thing asked for by name. */
  curatedSynonyms: ReadonlyMap<string, ReadonlySet<string>>;
  spell: SpellChecker;
  entries: EntryRecord[];
  entryById: Map<string, EntryRecord>;
  entryWeights: TermWeights;
  passageDocs: { passage: LoadedPassage; doc: Doc }[];
  passageWeights: TermWeights;
  /** Each speaker's names as word sequences ("wang yi"), and their own name's words, to spot who a question is about. */
  speakerNames: { id: string; names: string[][]; personal: string[] }[];
  /** Every word the knowledge base uses, unstemmed. */
  knownWords: ReadonlySet<string>;
  /** The words of people's own names ("joe", "gates"): names are put right by people.ts, not as typos. */
  names: ReadonlySet<string>;
  /** How often each of them is used, so a correction prefers the commoner of two near words. */
  frequency: ReadonlyMap<string, number>;
  /** Which side each speaker speaks for, read from their role ("President of China"): CHINA_SIDE or US_SIDE. */
  sides: ReadonlyMap<string, string>;
  /** Words that may name whose words a speech question asks for: speakers the article reports, and the sides. */
  voices: ReadonlySet<string>;
  /** The second ranker: BM25 over each entry's phrasings, keywords and answer. */
  bm25: Bm25;
  /** Each quote's words, and its passage's as context, for `/quote … about:`. */
  quoteDocs: ReadonlyMap<string, Doc>;
  /** Each speaker's own name as stemmed terms ("xi", "jinp"), to check an entry is about them. */
  speakerTerms: ReadonlyMap<string, string[]>;
  /** The people the report is about: those its first two paragraphs name (Blinken and Xi). */
  principals: ReadonlySet<string>;
  /** Speakers whose words the article quotes or reports. */
  speaking: ReadonlySet<string>;
  /** Terms naming each topic (title, id, aliases), for suggesting topics. */
  topicTerms: { id: string; title: string; terms: ReadonlySet<string> }[];
}

export const termSet = (text: string) => new Set(terms(text));

export function analyse(knowledge: Knowledge): Analysis {
  const synonyms = buildSynonyms(knowledge.synonyms);
  // Each passage read once; entries share them.
  const termsOfPassage = new Map([...knowledge.passages, ...knowledge.page].map((p) => [p.id, terms(p.text)]));
  const passageTerms = (ids: readonly string[]) => new Set(ids.flatMap((id) => termsOfPassage.get(id) ?? []));

  // The report's first two paragraphs name the people it is about.
  const lede = words(
    knowledge.passages
      .slice(0, 2)
      .map((p) => p.text)
      .join(' '),
  );
  // Each speaker's names and aliases as word sequences, read once.
  const speakerNames = knowledge.speakers.map((sp) => ({
    id: sp.id,
    names: [sp.name, ...sp.aliases].map((n) => words(n).filter((w) => !isStopWord(w))).filter((n) => n.length > 0),
    personal: words(sp.name),
  }));
  const phrasingTerms = knowledge.qa.map((entry) => entry.questions.map((q) => terms(q)));
  const docs: Doc[] = knowledge.qa.map((entry, i) => ({
    core: new Set([...phrasingTerms[i]!.flat(), ...entry.keywords.flatMap((k) => terms(k))]),
    answer: termSet(entry.answer),
    passage: passageTerms(entry.passages),
  }));
  const entryWeights = new TermWeights(docs.map((d) => new Set([...d.core, ...d.answer])));
  const entries: EntryRecord[] = knowledge.qa.map((entry, i) => ({
    entry,
    kinds: entry.answerKinds ?? inferAnswerKinds(entry.answer),
    saidBy: reportedSpeakers(knowledge, entry.answer),
    firstNamed: firstNamed(speakerNames, entry.answer),
    future: speaksOfFuture(entry.answer) || entry.questions.some((q) => asksAboutFuture(words(q))),
    phrasings: phrasingTerms[i]!.map((p) => weighPhrasing(p, entryWeights)),
    doc: docs[i]!,
  }));

  const passageDocs = knowledge.passages.map((passage) => {
    const t = new Set(termsOfPassage.get(passage.id));
    return { passage, doc: { core: t, answer: t, passage: t } };
  });
  const passageWeights = new TermWeights(passageDocs.map((p) => p.doc.core));

  // Spelling vocabulary: every word the knowledge base uses, with how often, so that a
  // correction prefers the commoner of two equally near words.
  const frequency = new Map<string, number>();
  const texts = [
    knowledge.article,
    ...knowledge.qa.flatMap((e) => [...e.questions, ...e.keywords, e.answer]),
    ...knowledge.speakers.flatMap((s) => [s.name, s.role, ...s.aliases]),
    ...knowledge.topics.flatMap((t) => [t.title, t.summary, ...t.aliases]),
    ...synonymWords(knowledge.synonyms),
  ];
  for (const text of texts) {
    for (const w of words(text)) frequency.set(w, (frequency.get(w) ?? 0) + 1);
  }
  const spell = new SpellChecker(frequency.keys(), frequency, loadEnglishWords());
  const speaking = speakingSpeakers(knowledge);

  return {
    knowledge,
    synonyms,
    instances: buildInstances(knowledge.categories),
    curatedSynonyms: buildSynonyms(knowledge.synonyms, false),
    spell,
    entries,
    entryById: new Map(entries.map((e) => [e.entry.id, e])),
    entryWeights,
    passageDocs,
    passageWeights,
    speakerNames,
    knownWords: new Set(frequency.keys()),
    names: new Set(knowledge.speakers.flatMap((sp) => words(sp.name))),
    sides: new Map(
      knowledge.speakers.flatMap((sp): [string, string][] =>
        /\b(China|Chinese)\b/.test(sp.role) ? [[sp.id, CHINA_SIDE]] : /\b(US|American|United States)\b/.test(sp.role) ? [[sp.id, US_SIDE]] : [],
      ),
    ),
    frequency,
    voices: new Set([
      ...GENERIC_VOICES,
      ...knowledge.speakers.filter((sp) => speaking.has(sp.id)).flatMap((sp) => [sp.name, ...sp.aliases].flatMap((n) => words(n))),
    ]),
    bm25: buildBm25(entries),
    speaking,
    principals: new Set(speakerNames.filter((sp) => firstNameAt(sp.names, lede) < Infinity).map((sp) => sp.id)),
    speakerTerms: new Map(knowledge.speakers.map((sp) => [sp.id, terms(sp.name)])),
    quoteDocs: new Map(
      knowledge.quotes.map((q) => [
        q.id,
        { core: termSet(q.text), answer: new Set<string>(), passage: termSet(knowledge.passageById.get(q.passage)?.text ?? '') },
      ]),
    ),
    topicTerms: knowledge.topics.map((t) => ({ id: t.id, title: t.title, terms: new Set([t.title, t.id, ...t.aliases].flatMap((x) => terms(x))) })),
  };
}

/** At most this many misspellings are looked up per text: real questions have a few. */
export const SPELLING_SEARCHES = 8;

/** A text as query terms: chat words mapped, misspellings corrected, stop words dropped, stemmed. */
export function queryTerms(a: Analysis, text: string): string[] {
  return termsOf(a, words(text));
}

/** Content terms of some words: stop words out, misspellings corrected, stemmed, once each. */
export function termsOf(a: Pick<Analysis, 'spell'>, w: readonly string[]): string[] {
  const out: string[] = [];
  const budget = { searches: SPELLING_SEARCHES };
  for (const word of w) {
    if (isStopWord(word)) continue;
    const corrected = a.spell.correct(word, budget);
    if (isStopWord(corrected)) continue;
    const t = stem(corrected);
    if (!out.includes(t)) out.push(t);
  }
  return out;
}

/**
 * Whose words the article reports besides its named speakers: the two sides and their officials.
 * "What did the Kremlin say?" names no one here, so the article cannot answer it.
 */
const GENERIC_VOICES = [
  'china',
  'chinese',
  'beijing',
  'us',
  'washington',
  'american',
  'americans',
  'official',
  'officials',
  'state',
  'department',
  'government',
  'governments',
  'administration',
  'side',
  'sides',
  'both',
  'two',
  'country',
  'countries',
  'leader',
  'leaders',
  'president',
  'secretary',
  'diplomat',
  'diplomats',
  'counterpart',
  'counterparts',
  'top',
  'he',
  'they',
  'them',
  'him',
  'mr',
  'article',
  'bbc',
  'report',
  'each',
  'other',
  'team',
  'delegation',
  'white',
  'house',
];

const SPEECH_VERB = /\b(said|says|told|stressed|indicated|suggested|shared|added|hoped|sought|made clear|message)\b/;

/** Pseudo-speakers for the two sides, for "what did China say …" and "what did Washington say …". */
export const CHINA_SIDE = 'side:china';
export const US_SIDE = 'side:us';
const CHINA_SPOKE =
  /\b(China|Beijing|Chinese (side|counterparts|officials|government))( again)? (said|says|stressed|condemned|sees|gave|knocked|insisted|indicated|told)\b|\bcondemned by Beijing\b|\bfrom (my |his )?Chinese counterparts\b/;
const US_SPOKE =
  /\b(US|Washington|US state department|officials in Washington|the Americans)( again)? (said|says|stressed|view|indicated|told|released)\b|\b(US state department|officials in Washington)[^.]{0,40} said\b|\bstate department said\b/;

/**
 * Speakers an answer reports words of: their own name a few words before a verb of speech ("Xi
 * said", "Biden and officials in Washington have said"). Role words do not count: "by China, the US state department said"
 * reports the department, not Xi.
 */
const ownNames = new WeakMap<object, { id: string; names: Set<string> }[]>();

/** Each knowledge base's quotes, folded once: reportedSpeakers runs for every entry. */
const quoteOpenings = new WeakMap<object, { speaker: string; opening: string }[]>();

export function reportedSpeakers(knowledge: Pick<Knowledge, 'speakers' | 'quotes'>, answer: string): Set<string> {
  let speakers = ownNames.get(knowledge.speakers);
  if (!speakers) {
    speakers = knowledge.speakers.map((sp) => ({ id: sp.id, names: new Set(words(sp.name)) }));
    ownNames.set(knowledge.speakers, speakers);
  }
  const w = words(answer);
  const out = new Set<string>();
  // The two sides speak too: "China again stressed …", "the US state department said …".
  if (CHINA_SPOKE.test(answer)) out.add(CHINA_SIDE);
  if (US_SPOKE.test(answer)) out.add(US_SIDE);
  // Words of a quote from quotes.json are that speaker's, however the answer attributes them.
  const folded = foldForCompare(answer);
  let openings = quoteOpenings.get(knowledge.quotes);
  if (!openings) {
    openings = knowledge.quotes.map((q) => ({ speaker: q.speaker, opening: foldForCompare(q.text).slice(0, 40) }));
    quoteOpenings.set(knowledge.quotes, openings);
  }
  for (const q of openings) if (folded.includes(q.opening)) out.add(q.speaker);
  for (const { id, names } of speakers) {
    w.forEach((x, i) => {
      // (The words joined: "made clear" is two.)
      if (names.has(x) && SPEECH_VERB.test(w.slice(i + 1, i + 7).join(' '))) out.add(id);
    });
  }
  return out;
}

/** The speaker an answer names first, by any of their names or aliases (as word sequences). */
function firstNamed(names: readonly { id: string; names: string[][] }[], answer: string): string | null {
  const w = words(answer);
  let best: { id: string; at: number } | null = null;
  for (const sp of names) {
    const at = firstNameAt(sp.names, w);
    if (at < (best?.at ?? Infinity)) best = { id: sp.id, at };
  }
  return best?.id ?? null;
}

/** Speakers with a quote, or named in a sentence of the article that reports speech. */
function speakingSpeakers(knowledge: Knowledge): Set<string> {
  const out = new Set(knowledge.quotes.map((q) => q.speaker));
  const sentences = knowledge.article.split(/(?<=[.!?”])\s+/).map((s) => ` ${words(s).join(' ')} `);
  for (const sp of knowledge.speakers) {
    const names = [sp.name, ...sp.aliases].map((n) => ` ${words(n).join(' ')} `);
    if (sentences.some((s) => SPEECH_VERB.test(s) && names.some((n) => s.includes(n)))) out.add(sp.id);
  }
  return out;
}
