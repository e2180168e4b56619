// Finding the question in a message: the clause that asks (a Discord message often carries
// context before it), the two parts of a two-part question, and the chat around a question that
// says nothing itself ("wait so …", "…or nah").
import { isStopWord, QUESTION_WORDS, words } from './text.ts';
import { TUNING } from './tuning.ts';

const OPENERS =
  /^(who|whom|whose|what|whats|when|where|why|how|which|did|does|do|is|are|was|were|will|would|can|could|has|have|had|should|any|anything|tell|explain)$/;
const WH = /^(who|whom|whose|what|whats|when|where|why|how|which)$/;
/** A question that only asks to be agreed with: "…, right?", "…, yeah?". */
const TAG = /\b(right|yeah|yes|no|huh|eh|innit|correct|true|ok|okay|lol)\s*\?+\s*$/i;
/** Where a message turns to its question: "…, but did they …", "…, so what …", "… anyway did …". */
const TURNS = /\s*[,;:]\s*(?:but|so|anyway|anyways|basically|like|ok so|okay so|and so)?\s+|\s+but\s+|\s+(?:anyway|anyways)\s+|\s+-\s+/i;
/** The seam of a two-part question: "… and what did it turn down", "…, and why …". */
const SECOND_PART =
  /,?\s+(?:and|&|\+|plus|also)\s+(?:(?:for|in|at|on|to|from|by|with|since)\s+)?(?=(?:who|what|when|where|why|how|which|did|does|do|is|are|was|were|will|would|can|could|has|have)\b)/i;

function contentCount(text: string): number {
  return words(text).filter((w) => !isStopWord(w) && !QUESTION_WORDS.has(w)).length;
}

function asks(segment: string): boolean {
  const w = words(segment);
  return w.some((x, i) => (i < 3 && OPENERS.test(x)) || QUESTION_WORDS.has(x)) || segment.trim().endsWith('?');
}

/**
 * The clause that asks. Short questions are their own clause. In a longer message: the last
 * sentence with a question mark, or failing that the last sentence; within it, the last part
 * after a turn ("but", "so", a comma) that reads as a question and has words of its own.
 */
export function askingClause(text: string): { clause: string; rest: string } {
  if (words(text).length <= TUNING.shortQuestionWords) {
    // "Sorry my english bad. Blinken go to China for how many day?": a question after sentences that ask nothing.
    const sentences = text.match(/[^.?!\n]+[.?!\n]*/g)?.map((x) => x.trim()) ?? [text];
    const lastSentence = sentences.at(-1) ?? text;
    if (sentences.length > 1 && lastSentence.includes('?') && !sentences.slice(0, -1).some((x) => x.includes('?')) && contentCount(lastSentence) >= 2)
      return { clause: lastSentence, rest: sentences.slice(0, -1).join(' ') };
    // "did they talk about fentanyl? it's wrecking my cousin's town": what follows the question
    // mark, when it asks nothing itself, is context.
    const mark = text.lastIndexOf('?');
    const tail = mark >= 0 ? text.slice(mark + 1) : '';
    if (mark > 0 && contentCount(tail) > 0 && !asks(tail) && contentCount(text.slice(0, mark)) > 0) return { clause: text.slice(0, mark + 1), rest: tail };
    return { clause: text, rest: '' };
  }
  const sentences = text
    .match(/[^.?!\n]+[.?!\n]*/g)
    ?.map((s) => s.trim())
    .filter((s) => contentCount(s) > 0) ?? [text];
  const questions = sentences.filter((s) => s.includes('?'));
  // Two questions, each with words of its own: a two-part question, the first part leads.
  const pool = questions.length > 0 ? questions : sentences;
  const withWords = pool.filter((s) => contentCount(s) >= 2);
  // "so they're still not friends, right? what did blinken say about it": after questions that only
  // ask to be agreed with, a last sentence that asks by a wh-word is the question, mark or not.
  const last = sentences.at(-1);
  const tagsOnly = questions.every((s) => TAG.test(s) || contentCount(s) < 2);
  const trailing = last && !last.includes('?') && tagsOnly && WH.test(words(last)[0] ?? '') && contentCount(last) >= 2 ? last : undefined;
  const sentence = trailing ?? (questions.length > 1 && withWords.length > 1 ? withWords[0] : withWords.at(-1)) ?? pool.at(-1) ?? text;
  // A two-part question is one clause, split later: "what was on the agenda, and which …".
  const { first, second } = splitParts(sentence);
  const parts = first.split(TURNS).filter((p) => p && p.trim());
  if (second) parts[parts.length - 1] = `${parts.at(-1)} and ${second}`;
  let clause = sentence;
  // A part that asks only by its question mark ("…, like ages ago?") qualifies the part before
  // that asks in words.
  const byWords = parts.map((p) => asks(p.replace(/\?+\s*$/, '')));
  const lastByWords = byWords.lastIndexOf(true);
  for (let i = parts.length - 1; i >= 0; i--) {
    if (!asks(parts[i]!) || (lastByWords >= 0 && i > lastByWords && !byWords[i])) continue;
    // "…, was it?": a question with no word of its own takes the part before as its subject.
    const from = contentCount(parts.slice(i).join(' ')) >= 1 ? i : Math.max(0, i - 1);
    clause = parts.slice(from).join(' ');
    break;
  }
  const rest = text.replace(clause, ' ');
  return { clause: clause.trim(), rest };
}

/** Splits "what did they agree to and what did they refuse" at its seam. */
export function splitParts(clause: string): { first: string; second: string | null } {
  const m = SECOND_PART.exec(clause);
  if (!m || m.index === 0) return { first: clause, second: null };
  const first = clause.slice(0, m.index);
  const second = clause.slice(m.index + m[0].length);
  // "what day did they meet, and where?": a bare question word asks it of the first part.
  const bare = /^\s*(who|when|where|why|how)\s*[?!.]*\s*$/i.exec(second)?.[1];
  if (bare && contentCount(first) >= 1) return { first, second: `${bare} ${first}` };
  if (contentCount(first) < 1 || contentCount(second) < 1) return { first: clause, second: null };
  return { first, second };
}

/** "wait so …", "ok but …", "yo …": chat that opens a question and says nothing itself. */
export const LEADING_FILLER =
  /^(?:(?:wait|ok|okay|so|but|and|like|hmm+|um+|uh+|well|also|oh|yo|hey|lol|ngl|tbh|honestly|basically|real talk|sooo+|soo|hang on|hold on|wait a sec|quick q)[,!.:]*\s+)+/i;

/**
 * "did xi actually meet him or did that fall through": a yes/no question with a second
 * alternative asks the first; the alternative mostly says what "no" would be.
 */
export function yesNoFirstAlternative(clause: string): { first: string; other: string } {
  const w = words(clause);
  const at = clause.search(/\s+or\s+/i);
  if (!AUXILIARY_OPENERS.has(w[0] ?? '') || at <= 0) return { first: clause, other: '' };
  const head = clause.slice(0, at);
  const other = clause.slice(at);
  // Only a dismissive alternative ("or nah", "or is that just hype"); another ("or other people
  // too", "or are there still big differences") may be what is asked.
  return contentCount(head) >= 2 && DISMISSIVE.test(other) ? { first: head, other } : { first: clause, other: '' };
}
const DISMISSIVE = /\b(?:just|only|all|nah|not|hype|nonsense|propaganda|cope|vibes|fake|rumou?rs?|fall through|fell through)\b/i;
const AUXILIARY_OPENERS = new Set(['did', 'does', 'do', 'is', 'are', 'was', 'were', 'will', 'would', 'can', 'could', 'has', 'have', 'had', 'should']);
