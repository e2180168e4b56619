// How the engine reads text: the same steps for questions, phrasings, keywords and passages,
// so that both sides of every comparison are reduced the same way.
import { CHAT_WORDS, PHRASES } from './chat.ts';
import { stemmer as porter } from 'stemmer';
import { foldTypography } from '../text/fold.ts';

/**
 * American spellings folded to the British ones the article uses, on every door (ask, quote,
 * topic, autocomplete): "stabilizing" reads as "stabilising", "defense" as "defence".
 */
const US_SPELLINGS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    defense: 'defence',
    offense: 'offence',
    favor: 'favour',
    favorable: 'favourable',
    color: 'colour',
    honor: 'honour',
    labor: 'labour',
    neighbor: 'neighbour',
    neighbors: 'neighbours',
    behavior: 'behaviour',
    rumor: 'rumour',
    center: 'centre',
    program: 'programme',
    dialog: 'dialogue',
    catalog: 'catalogue',
    traveled: 'travelled',
    traveling: 'travelling',
    canceled: 'cancelled',
  }),
);
const US_IZE = /^(\p{L}{3,})(?:iz|yz)(e|ed|es|ing|ation|ations|er|ers)$/u;

/** A text with every American spelling folded to the British one, the rest left as typed. */
export function foldSpelling(text: string): string {
  return text.replace(/\p{L}+/gu, (word) => {
    const lower = word.toLowerCase();
    const british = britishSpelling(lower);
    return british === lower ? word : british;
  });
}

/** One word in the article's (British) spelling. */
export function britishSpelling(word: string): string {
  const mapped = US_SPELLINGS.get(word);
  if (mapped) return mapped;
  const m = US_IZE.exec(word);
  if (!m) return word;
  const y = word[m[1]!.length] === 'y';
  return `${m[1]}${y ? 'ys' : 'is'}${m[2]}`;
}

/** Numbers as words: the one list every figure check reads (counts, claims, claimed lengths and ages). */
export const NUMBER_WORDS: readonly string[] = (
  'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen ' +
  'twenty thirty forty fifty sixty seventy eighty ninety hundred thousand'
).split(' ');
const NUMBER_WORD_SET = new Set(NUMBER_WORDS);
/** "35", "2,000", "seventy": a figure. */
export function isNumber(word: string): boolean {
  return /^\d[\d,.]*$/.test(word) || NUMBER_WORD_SET.has(word);
}
/** Units a length of time is counted in, singular. */
const TIME_UNITS: readonly string[] = ['minute', 'hour', 'day', 'week', 'month', 'year'];
/** A unit of time, singular or plural: "day", "days". */
export function timeUnit(word: string): string | null {
  const singular = word.endsWith('s') ? word.slice(0, -1) : word;
  return TIME_UNITS.includes(singular) ? singular : null;
}

/** Question words carry meaning ("where" vs "how long"), so they are kept, at a small weight. */
export const QUESTION_WORDS = new Set(['who', 'what', 'when', 'where', 'why', 'how', 'which']);

const STOP_WORDS = new Set(
  `a an the and or but if then than so of to in on at by for from with about into onto over under as is am are
  was were be been being do does did doing done have has had having i me my mine we us our you your he him his
  she her it its they them their this that these those there here some any each all both either neither
  can could will would shall should may might must also just really very quite too still even ever yet
  not no nor don doesn didn isn wasn aren weren haven hasn hadn won wouldn couldn shouldn
  know knows let get got please thing things kind sort much many lot
  make makes made making happen happens happened take takes took taken give gives gave given come comes came seem seems
  go goes went gone up down out off away again everyone everybody anyone anybody someone somebody anything something everything
  describe describes described characterise characterize characterised characterized call calls called mention mentions mentioned exactly specifically really toward towards current currently now
  stuff nah yeah yep nope even bring brings brought hold holds held keep keeps kept lead leads led forward
  see sees saw seen look looks looked regard regards regarding consider considers considered
  according part way ways whole overall basically bit quite
  s t d ll m re ve go going gonna wanna want like actually basically literally anyway
  whether while whilst themselves itself himself herself ourselves yourself
  though tho although something anything somewhere sth known stated specified disclosed revealed per actual only remind own vibe vibes
  didnt doesnt dont isnt wasnt arent werent havent hasnt hadnt wont wouldnt couldnt shouldnt cant im ive youre theyre thats its`.split(/\s+/),
);
// "us" is kept out of the stop words on purpose: here it nearly always means the United States.
STOP_WORDS.delete('us');

export function normalise(text: string): string {
  return foldTypography(text.normalize('NFKC'))
    .toLowerCase()
    .replace(/[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\u0000-\u001f]/g, ' ');
}

/** "were did they meet": a typed "were" in place of "where", before a verb it cannot precede. */
const WHERE_TYPO = /^(were|wher|whre|wer)$/;
const THERE_WERE = new Set(['any', 'a', 'an', 'some', 'no', 'many', 'much', 'big', 'major', 'real', 'actually', 'even', 'other']);
const AFTER_WHERE = new Set(['did', 'do', 'does', 'is', 'was', 'are', 'will', 'can', 'could']);

/** Words of a text, lower-cased and folded: "Blinken’s 35-minute" → ["blinken", "35", "minute"]. */
export function words(text: string): string[] {
  // A question is read several times over (its clause, its parts, its names): remember the last few.
  const cached = recentWords.get(text);
  if (cached) return [...cached];
  const out = splitWords(text);
  if (out.length > 1 && WHERE_TYPO.test(out[0]!) && AFTER_WHERE.has(out[1]!)) out[0] = 'where';
  // "where there any breakthroughs": "were there", not a place.
  else if (out[0] === 'where' && out[1] === 'there' && THERE_WERE.has(out[2] ?? '')) out[0] = 'were';
  if (recentWords.size >= RECENT_WORDS) recentWords.delete(recentWords.keys().next().value as string);
  if (text.length <= 2000) recentWords.set(text, out);
  return [...out];
}

const recentWords = new Map<string, readonly string[]>();
const RECENT_WORDS = 64;

/**
 * One test for whether any phrase is there at all: most texts (every single word the synonyms and
 * names are read as) have none, and 40 replaces per text were the largest part of building the
 * engine (node --cpu-prof).
 * Exact: a replace changes nothing where its pattern does not match. (Only for plain `g` patterns
 * without back-references, which renumber when joined.)
 */
const ANY_PHRASE = PHRASES.every(([p]) => p.flags === 'g' && !/\\[1-9]/.test(p.source)) ? new RegExp(PHRASES.map(([p]) => `(?:${p.source})`).join('|')) : null;

function splitWords(text: string): string[] {
  const out: string[] = [];
  let folded = normalise(text);
  if (ANY_PHRASE === null || ANY_PHRASE.test(folded)) for (const [pattern, word] of PHRASES) folded = folded.replace(pattern, ` ${word} `);
  for (const raw of folded.split(/[^\p{L}\p{N}']+/u)) {
    const word = britishSpelling(raw.replace(/'s$/, '').replace(/'/g, ''));
    if (!word) continue;
    const mapped = CHAT_WORDS.get(word);
    if (mapped === undefined) out.push(word);
    else if (mapped) out.push(...mapped.split(' '));
  }
  return out;
}

/**
 * Porter's stemmer (the `stemmer` package), applied identically to questions, phrasings and
 * passages. It folds more forms than the 15-line suffix stripper it replaced (negotiate and
 * negotiation, expected and expectations); npm run eval compared the two on the blind sets.
 */
export function stem(word: string): string {
  if (word.length <= 3 || /^\d/.test(word) || QUESTION_WORDS.has(word)) return word;
  let stemmed = stems.get(word);
  if (stemmed === undefined) {
    stemmed = porter(word);
    // Porter cuts some words to a stub that meets other words: "toppings" → "top", "ages" → "ag".
    // Those keep all but their plural ending.
    if (stemmed.length <= 3 && word.length - stemmed.length >= 3) stemmed = word.replace(/s$/, '');
    if (stems.size >= MAX_STEMS) stems.clear();
    stems.set(word, stemmed);
  }
  return stemmed;
}

/** Stems already worked out: the same few thousand words recur in every question and passage. */
const stems = new Map<string, string>();
const MAX_STEMS = 20_000;

export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word);
}

/** Content terms of a text: words less stop words, stemmed. Question words are kept. */
export function terms(text: string): string[] {
  return words(text)
    .filter((w) => !STOP_WORDS.has(w))
    .map(stem);
}
