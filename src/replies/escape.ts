import { escapeMarkdown } from '@discordjs/formatters';
import { clipInput } from '../text/input.ts';
import { truncate } from './limits.ts';

const ZERO_WIDTH_SPACE = '\u200b';

/**
 * Escaping is pure, and the same passages are quoted in answer after answer, while formatters'
 * italic rule costs time quadratic in the text's length (a `.+` look-behind tried at every
 * position): about a quarter of a millisecond per /ask, more than the rest of its reply building.
 * So results are kept, for at most MEMO_LIMIT texts (typed text passes through here too).
 */
const MEMO_LIMIT = 2000;
const MEMO_KEY_MAX = 6000;
const escaped = new Map<string, string>();
const fitted = new Map<string, string>();

function remember(memo: Map<string, string>, key: string, value: string): string {
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, value);
  return value;
}

/**
 * Makes text show exactly as typed: Discord markdown (bold, code fences, headings, lists, masked
 * links, block quotes) is escaped, and mention syntax (@everyone, <@id>, <@&role>, <#channel>) is
 * broken so it renders as plain text. allowed_mentions already stops pings; this stops the look.
 */
export function escapeText(text: string): string {
  // Only texts the size of a reply are kept: a memo of arbitrarily long keys could hold any amount of memory.
  if (text.length > MEMO_KEY_MAX) return escapeUncached(text);
  return escaped.get(text) ?? remember(escaped, text, escapeUncached(text));
}

function escapeUncached(text: string): string {
  // Every "[" is escaped, not only the first on a line as formatters' maskedLink option does, so a
  // second masked link on a line cannot stay clickable.
  return escapeMarkdown(withoutControls(text), { heading: true, bulletedList: true, numberedList: true })
    .replace(/\[/g, '\\[')
    .replace(/^(\s*)(>|-#)/gm, '$1\\$2')
    .replace(/<(?=[@#:/]|a:|t:|id:)/g, '\\<')
    .replace(/@(everyone|here)/g, `@${ZERO_WIDTH_SPACE}$1`);
}

/**
 * Control characters (NUL, ESC, …) and bidirectional overrides, which can make shown text read
 * differently from what it is, are dropped; tabs become spaces, line breaks stay.
 */
export function withoutControls(text: string): string {
  return text.replace(/\t/g, ' ').replace(/[\u0000-\u0009\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '');
}

/**
 * Escapes and cuts to `max`. Cuts the raw text rather than the escaped text, so a cut never lands
 * inside an escape sequence and leaves a stray backslash. The raw text is first cut to `max + 1`
 * characters (escaping only adds characters, so no more can show): the cost depends on `max`,
 * never on the input, which can be any length (escapeMarkdown grows faster than linearly).
 */
export function escapeAndFit(text: string, max: number): string {
  // Cut first, so the work and the memo key are bounded by `max` whatever the input's length.
  const shown = clipInput(withoutControls(text), max + 1);
  const key = `${max}:${shown}`;
  return fitted.get(key) ?? remember(fitted, key, fitUncached(shown, max));
}

function fitUncached(text: string, max: number): string {
  const whole = escapeText(text);
  if (whole.length <= max) return whole;
  // The longest cut of the raw text whose escaped form fits.
  let lo = 0;
  let hi = text.length;
  let best = '';
  while (lo <= hi) {
    const keep = Math.floor((lo + hi) / 2);
    const candidate = escapeText(truncate(text, keep));
    if (candidate.length <= max) {
      best = candidate;
      lo = keep + 1;
    } else {
      hi = keep - 1;
    }
  }
  return best;
}

/**
 * Text as a person reads it, from text escapeText made (an embed title the bot wrote): backslash
 * escapes and the zero-width spaces that break mentions taken out. For logging, never for showing.
 */
export function unescapeText(text: string): string {
  return text.replace(/\\([^\w\s])/g, '$1').replaceAll(ZERO_WIDTH_SPACE, '');
}
