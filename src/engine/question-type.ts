// What kind of answer a question asks for, read from its wording. Used to keep the engine from
// answering "how many people attended?" with an entry that merely shares the question's topic.
import { words } from './text.ts';

const NUMBER = /\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|hundred|thousand|million|billion|dozen|half|hour|minute|day|week|month|year|decade)s?\b/i;
const QUANTITY_AFTER_HOW = new Set(['many', 'much', 'long', 'old', 'far', 'often', 'big', 'large']);
const SPEECH = new Set(['say', 'said', 'says', 'saying', 'tell', 'told', 'tells', 'think', 'thinks', 'thought', 'comment', 'comments', 'remark', 'remarks', 'react', 'reacted', 'reaction', 'respond', 'responded', 'response', 'claim', 'claimed', 'announce', 'announced', 'statement', 'speak', 'spoke', 'view', 'opinion', 'feel', 'feels', 'talk', 'talked', 'discuss', 'discussed']);
const TIME = /\d|\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tomorrow|hours?|minutes?|days?|weeks?|months?|years?|ago|before|after|earlier|later|since|during|until|january|february|march|april|may|june|july|august|september|october|november|december|era|term)\b/i;

/** "how many…", "how long…", "how old…": the answer must hold a number or a span of time. */
export function asksForQuantity(question: string): boolean {
  const w = words(question);
  return w.some((word, i) => word === 'how' && QUANTITY_AFTER_HOW.has(w[i + 1] ?? ''));
}

export function hasQuantity(answer: string): boolean {
  return NUMBER.test(answer);
}

/** "when…": the answer must say when, or how long before or after something. */
export function asksForTime(question: string): boolean {
  return words(question)[0] === 'when' || /\b(what|which) (day|date|time|year|month)\b/i.test(question);
}

export function hasTime(answer: string): boolean {
  return TIME.test(answer);
}

/** "when will…", "…next…", "…again?": the question is about what comes after the talks. */
export function asksAboutFuture(question: string): boolean {
  const w = words(question);
  return w.includes('will') || w.includes('next') || w.includes('future') || w.at(-1) === 'again';
}

export function speaksOfFuture(answer: string): boolean {
  return /\b(will|would|could|future|further|hoped?|hopes|next|plans?|expected|wishes)\b/i.test(answer);
}

/** "what did X say / think / tell …": the question is about someone's words or views. */
export function asksForSpeech(question: string): boolean {
  return words(question).some((w) => SPEECH.has(w));
}

