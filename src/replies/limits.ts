// Discord's message limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits).
// Lengths are JavaScript string lengths (UTF-16 units), never fewer than Discord's characters.

export const LIMITS = {
  content: 2000,
  embeds: 10,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footerText: 2048,
  authorName: 256,
  /** Title, description, field names and values, footer and author of all embeds together. */
  embedTotal: 6000,
  actionRows: 5,
  buttonsPerRow: 5,
  buttonLabel: 80,
  customId: 100,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
} as const;

export const ELLIPSIS = '…';

/**
 * Cuts `text` to at most `max` characters, ending with an ellipsis when cut. Never splits a
 * surrogate pair, and prefers to cut at a space when one is near the end.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  if (max <= ELLIPSIS.length) return ELLIPSIS.slice(0, max);
  let end = max - ELLIPSIS.length;
  if (isLowSurrogate(text.charCodeAt(end))) end -= 1;
  const space = text.lastIndexOf(' ', end);
  if (space > end - 20 && space > 0) end = space;
  return text.slice(0, end).trimEnd() + ELLIPSIS;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
