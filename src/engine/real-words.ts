// Real-word typos: "where did they meat", "the spa balloon", "grate hall". The spelling corrector
// leaves real English words alone, which is right in general; here, a word the knowledge base
// never uses that is one edit (or a known homophone) from one it does is offered as a correction,
// and ask.ts takes it only when the corrected question gets a confident answer.
import type { Analysis } from './analysis.ts';
import { focusOf } from './kinds.ts';
import { editDistance } from './spell.ts';
import { isStopWord, stem, words } from './text.ts';

/** Words people type for a word of this article that sounds the same. */
const HOMOPHONES: ReadonlyMap<string, string> = new Map(
  Object.entries({
    meat: 'meet',
    meats: 'meets',
    thyme: 'time',
    lion: 'line',
    hell: 'held',
    ours: 'hours',
    sea: 'see',
    threw: 'through',
    here: 'heard',
    hear: 'heard',
    grate: 'great',
    piece: 'peace',
    whether: 'weather',
    sight: 'site',
    knew: 'new',
    brake: 'break',
    herd: 'heard',
    wear: 'where',
    weak: 'week',
    hole: 'whole',
    fare: 'fair',
    mist: 'missed',
    bored: 'board',
    principal: 'principle',
    sighted: 'cited',
    cents: 'sense',
    rite: 'right',
    write: 'right',
  }),
);

const MAX_FIXES = 3;

/** The knowledge-base word a real word may stand for, or null. */
function fixFor(a: Analysis, word: string, cache: Map<string, string | null>): string | null {
  const cached = cache.get(word);
  if (cached !== undefined) return cached;
  let fix: string | null = null;
  const homophone = HOMOPHONES.get(word);
  if (homophone) fix = homophone;
  else if (word.length >= 3 && word.length <= 20 && a.spell.isEnglish(word)) {
    let bestFrequency = 0;
    for (const known of a.knownWords) {
      // One letter changed, or two swapped ("spa" for "spy", "grate" for "great"); a letter more
      // or less only in longer words ("meting" for "meeting"): short ones make too many other
      // words ("joke" is not "joe").
      const lengths = word.length >= 5 ? 1 : 0;
      if (Math.abs(known.length - word.length) > lengths || isStopWord(known) || a.names.has(known) || editDistance(word, known) !== 1) continue;
      // Another form of the same word ("month" and "months", "names" and "named") is no typo.
      if (stem(known) === stem(word)) continue;
      const f = a.frequency.get(known) ?? 0;
      if (f > bestFrequency) {
        fix = known;
        bestFrequency = f;
      }
    }
  }
  if (cache.size > 5_000) cache.clear();
  cache.set(word, fix);
  return fix;
}

/** Whether the article uses another form of the word: the same stem, or it with or without a plural "s". */
function otherForm(a: Analysis, word: string): boolean {
  const t = stem(word);
  return (
    a.entryWeights.knows(t) ||
    a.passageWeights.knows(t) ||
    (!word.endsWith('s') && a.knownWords.has(`${word}s`)) ||
    (word.endsWith('s') && a.knownWords.has(word.slice(0, -1)))
  );
}

const caches = new WeakMap<Analysis, Map<string, string | null>>();

/** Versions of the question with one real-word typo put right each, most likely first. */
export function realWordFixes(a: Analysis, question: string): string[] {
  const cache = caches.get(a) ?? new Map<string, string | null>();
  caches.set(a, cache);
  const w = words(question);
  const out: string[] = [];
  const all = [...w];
  let changed = false;
  // The thing asked for by name is meant as typed: "what gift did Xi give" is not "what gist".
  const focus = focusOf(w);
  for (let i = 0; i < w.length && out.length < MAX_FIXES; i++) {
    const word = w[i]!;
    if (word === focus && !HOMOPHONES.has(word)) continue;
    if (a.knownWords.has(word) && !HOMOPHONES.has(word)) continue;
    // Another form of a word the article uses ("tie" beside "ties") is that word, not a typo.
    if (!HOMOPHONES.has(word) && otherForm(a, word)) continue;
    if (isStopWord(word) && !HOMOPHONES.has(word)) continue;
    const fix = fixFor(a, word, cache);
    if (!fix) continue;
    out.push([...w.slice(0, i), fix, ...w.slice(i + 1)].join(' '));
    all[i] = fix;
    changed = true;
  }
  // Two typos in one question ("did the piece talks fix there relationship"): all of them at once too.
  if (changed && out.length > 1) out.push(all.join(' '));
  return out;
}
