// Everything the engine derives from the knowledge base once, at start-up: term sets, weights,
// the spelling vocabulary and the Fuse indexes. Queries only read these.
import type { Knowledge, LoadedPassage } from '../knowledge/types.ts';
import type { QaEntry } from '../knowledge/schema.ts';
import { type Doc, TermWeights, type WeightedPhrasing, weighPhrasing } from './matcher.ts';
import { loadEnglishWords } from './english.ts';
import { SpellChecker } from './spell.ts';
import { buildSynonyms, SYNONYM_WORDS } from './synonyms.ts';
import { isStopWord, stem, terms, words } from './text.ts';

export interface EntryRecord {
  entry: QaEntry;
  /** Stemmed terms of each phrasing, with their weights. */
  phrasings: WeightedPhrasing[];
  doc: Doc;
}

export interface Analysis {
  knowledge: Knowledge;
  synonyms: Map<string, Set<string>>;
  spell: SpellChecker;
  entries: EntryRecord[];
  entryById: Map<string, EntryRecord>;
  entryWeights: TermWeights;
  passageDocs: { passage: LoadedPassage; doc: Doc }[];
  passageWeights: TermWeights;
  /** Each speaker's names as word sequences ("wang yi"), to spot who a question is about. */
  speakerNames: { id: string; names: string[][] }[];
  /** Each quote's words, and its passage's as context, for `/quote … about:`. */
  quoteDocs: ReadonlyMap<string, Doc>;
  /** Each speaker's own name as stemmed terms ("xi", "jinp"), to check an entry is about them. */
  speakerTerms: ReadonlyMap<string, string[]>;
  /** Speakers whose words the article quotes or reports. */
  speaking: ReadonlySet<string>;
  /** Terms naming each topic (title, id, aliases), for suggesting topics. */
  topicTerms: { id: string; title: string; terms: ReadonlySet<string> }[];
}

export const termSet = (text: string) => new Set(terms(text));

export function analyse(knowledge: Knowledge): Analysis {
  const synonyms = buildSynonyms();
  const passageTerms = (ids: readonly string[]) =>
    new Set(ids.flatMap((id) => terms(knowledge.passageById.get(id)?.text ?? '')));

  const phrasingTerms = knowledge.qa.map((entry) => entry.questions.map((q) => terms(q)));
  const docs: Doc[] = knowledge.qa.map((entry, i) => ({
    core: new Set([...phrasingTerms[i]!.flat(), ...entry.keywords.flatMap((k) => terms(k))]),
    answer: termSet(entry.answer),
    passage: passageTerms(entry.passages),
  }));
  const entryWeights = new TermWeights(docs.map((d) => new Set([...d.core, ...d.answer])));
  const entries: EntryRecord[] = knowledge.qa.map((entry, i) => ({
    entry,
    phrasings: phrasingTerms[i]!.map((p) => weighPhrasing(p, entryWeights)),
    doc: docs[i]!,
  }));

  const passageDocs = knowledge.passages.map((passage) => {
    const t = termSet(passage.text);
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
    ...SYNONYM_WORDS,
  ];
  for (const text of texts) {
    for (const w of words(text)) frequency.set(w, (frequency.get(w) ?? 0) + 1);
  }
  const spell = new SpellChecker(frequency.keys(), frequency, loadEnglishWords());

  return {
    knowledge,
    synonyms,
    spell,
    entries,
    entryById: new Map(entries.map((e) => [e.entry.id, e])),
    entryWeights,
    passageDocs,
    passageWeights,
    speakerNames: knowledge.speakers.map((sp) => ({
      id: sp.id,
      names: [sp.name, ...sp.aliases].map((n) => words(n).filter((w) => !isStopWord(w))).filter((n) => n.length > 0),
    })),
    speaking: speakingSpeakers(knowledge),
    speakerTerms: new Map(knowledge.speakers.map((sp) => [sp.id, terms(sp.name)])),
    quoteDocs: new Map(
      knowledge.quotes.map((q) => [q.id, { core: termSet(q.text), answer: new Set<string>(), passage: termSet(knowledge.passageById.get(q.passage)?.text ?? '') }]),
    ),
    topicTerms: knowledge.topics.map((t) => ({ id: t.id, title: t.title, terms: new Set([t.title, t.id, ...t.aliases].flatMap((x) => terms(x))) })),
  };
}

/** The question as terms: chat words mapped, misspellings corrected, stop words dropped, stemmed. */
export function queryTerms(a: Analysis, text: string): string[] {
  const out: string[] = [];
  for (const w of words(text)) {
    if (isStopWord(w)) continue;
    const corrected = a.spell.correct(w);
    if (isStopWord(corrected)) continue;
    const t = stem(corrected);
    if (!out.includes(t)) out.push(t);
  }
  return out;
}

const SPEECH_VERB = /\b(said|says|told|stressed|indicated|suggested|shared|added)\b/;

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
