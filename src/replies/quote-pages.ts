import type { QuoteItem } from '../engine/types.ts';
import { oneLine, paragraphLabel } from './cited-embed.ts';
import { escapeAndFit } from './escape.ts';

/**
 * Room for one page of quotes in an embed description: under the 4096 limit, and with the title,
 * the header line and the footer well under the 6000 all embed text shares.
 */
export const QUOTE_PAGE_BUDGET = 3000;

/**
 * Splits a speaker's quotes into pages of embed text. Quotes from one paragraph stay together
 * under its number, followed by the paragraph itself as context when that adds something and
 * fits. The split depends only on the quotes, so a page number means the same page every time.
 */
export function quotePages(quotes: readonly QuoteItem[], budget = QUOTE_PAGE_BUDGET): string[] {
  const pages: string[] = [];
  let page = '';
  for (const group of byParagraph(quotes)) {
    const full = renderGroup(group, budget, true);
    const separator = page ? '\n\n' : '';
    if (page && page.length + separator.length + full.length <= budget) {
      page += separator + full;
      continue;
    }
    if (page) pages.push(page);
    page = full.length <= budget ? full : renderGroup(group, budget, false);
  }
  if (page) pages.push(page);
  return pages;
}

function byParagraph(quotes: readonly QuoteItem[]): Array<[QuoteItem, ...QuoteItem[]]> {
  const groups: Array<[QuoteItem, ...QuoteItem[]]> = [];
  for (const q of quotes) {
    const last = groups.at(-1);
    if (last && last[0]?.citation.paragraph === q.citation.paragraph) last.push(q);
    else groups.push([q]);
  }
  return groups;
}

function renderGroup(group: readonly [QuoteItem, ...QuoteItem[]], budget: number, withContext: boolean): string {
  const passage = group[0].citation;
  const header = `**${paragraphLabel(passage.paragraph)}**`;
  // Each quote gets an equal share of the page when the group would not fit otherwise.
  const share = Math.max(40, Math.floor((budget - header.length) / group.length) - 4);
  const lines = group.map((q) => `“${escapeAndFit(oneLine(q.text), share - 2)}”`);
  const quoted = group.reduce((sum, q) => sum + q.text.length, 0);
  const context = withContext && quoted < passage.text.length * 0.9 ? `> ${escapeAndFit(oneLine(passage.text), 1000)}` : '';
  return [header, ...lines, ...(context ? [context] : [])].join('\n');
}
