// Cleaning what a person typed before anything reads it. Everything here is linear in the input,
// and callers cut the input to what can be shown (clipInput) before any other work on it.

/**
 * The first `max` UTF-16 units of `text`, never ending in half a surrogate pair. The first step
 * for any user text, from any door: a 100,000-character question costs what a 300-character one does.
 */
export function clipInput(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  const end = isHighSurrogate(text.charCodeAt(max - 1)) ? max - 1 : max;
  return text.slice(0, end);
}

/**
 * Discord mention syntax (<@id>, <@!id>, <@&role>, <#channel>, @everyone, @here) taken out of a
 * question before the engine sees it: it names nobody the article knows.
 */
export function withoutMentions(text: string): string {
  return text
    .replace(/<(@[!&]?|#)\d+>/g, ' ')
    .replace(/@(everyone|here)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
