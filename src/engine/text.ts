// How the engine reads text: the same steps for questions, phrasings, keywords and passages,
// so that both sides of every comparison are reduced the same way.
import { foldTypography } from '../text/fold.ts';

/** Chat spellings mapped to the word they stand for ("" drops the word). */
const CHAT_WORDS: Record<string, string> = {
  wat: 'what', wut: 'what', wht: 'what', whats: 'what', wats: 'what', hw: 'how', hows: 'how',
  wheres: 'where', whos: 'who', whens: 'when', whys: 'why', y: 'why', n: 'and', u: 'you', ur: 'your',
  r: 'are', abt: 'about', bout: 'about', govt: 'government', gov: 'government', ppl: 'people',
  pres: 'president', prez: 'president', mtg: 'meeting', cuz: 'because', coz: 'because', bc: 'because',
  tho: 'though', thru: 'through', yrs: 'years', yr: 'year', mins: 'minutes', min: 'minute', hrs: 'hours',
  usa: 'us', america: 'us', american: 'us', americans: 'us', states: 'us', prc: 'china',
  stabilize: 'stabilise', stabilized: 'stabilised', defense: 'defence', militaries: 'military',
  lol: '', lmao: '', lmfao: '', rofl: '', haha: '', hahaha: '', hehe: '', xd: '', lool: '', pls: '', plz: '', please: '', bruh: '', bro: '', ok: '', okay: '', hey: '',
  hi: '', hello: '', yo: '', um: '', umm: '', uh: '', idk: '', tbh: '', btw: '', imo: '', thx: '', thanks: '',
  ty: '', fr: '', ngl: '', omg: '', wtf: '', k: '', dude: '', guys: '', bot: '',
};

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
  s t d ll m re ve go going gonna wanna want like actually basically literally anyway`.split(/\s+/),
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
const AFTER_WHERE = new Set(['did', 'do', 'does', 'is', 'was', 'are', 'will', 'can', 'could']);

/** Words of a text, lower-cased and folded: "Blinken’s 35-minute" → ["blinken", "35", "minute"]. */
export function words(text: string): string[] {
  const out = splitWords(text);
  if (out.length > 1 && WHERE_TYPO.test(out[0]!) && AFTER_WHERE.has(out[1]!)) out[0] = 'where';
  return out;
}

function splitWords(text: string): string[] {
  const out: string[] = [];
  for (const raw of normalise(text).split(/[^\p{L}\p{N}']+/u)) {
    const word = raw.replace(/'s$/, '').replace(/'/g, '');
    if (!word) continue;
    const mapped = CHAT_WORDS[word];
    if (mapped === undefined) out.push(word);
    else if (mapped) out.push(...mapped.split(' '));
  }
  return out;
}

/** A light suffix stripper, applied identically everywhere; it only has to be consistent. */
export function stem(word: string): string {
  if (word.length <= 3 || /^\d/.test(word) || QUESTION_WORDS.has(word)) return word;
  let w = word;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(ss|us|is|ys)$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith('ing') && w.length > 5) w = w.slice(0, -3);
  else if (w.endsWith('ied') && w.length > 5) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('ed') && w.length > 4) w = w.slice(0, -2);
  else if (w.endsWith('ly') && w.length > 5) w = w.slice(0, -2);
  if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1);
  if (/([b-df-hj-np-tv-z])\1$/.test(w) && !/(ll|ss)$/.test(w)) w = w.slice(0, -1);
  return w;
}

export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word);
}

/** Content terms of a text: words less stop words, stemmed. Question words are kept. */
export function terms(text: string): string[] {
  return words(text)
    .filter((w) => !STOP_WORDS.has(w))
    .map(stem);
}
