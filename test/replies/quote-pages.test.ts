import { describe, expect, it } from 'vitest';
import { quotePages, QUOTE_PAGE_BUDGET } from '../../src/replies/quote-pages.ts';
import { quoteItem } from '../support/fake-engine.ts';

describe('quotePages', () => {
  it('numbers each quote by its paragraph and adds the passage as context', () => {
    const [page] = quotePages([quoteItem(5), quoteItem(7)]);
    expect(page).toBe(
      [
        '**¶ 5**',
        '“quote number 5”',
        '> Context for “quote number 5”, said Mr Blinken in paragraph 5.',
        '',
        '**¶ 7**',
        '“quote number 7”',
        '> Context for “quote number 7”, said Mr Blinken in paragraph 7.',
      ].join('\n'),
    );
  });

  it('groups quotes from one paragraph under one number', () => {
    const [page] = quotePages([quoteItem(1, 6, 'first'), quoteItem(2, 6, 'second')]);
    expect(page!.match(/¶ 6/g)).toHaveLength(1);
    expect(page).toContain('“first”\n“second”');
  });

  it('splits into pages within the budget, keeping every quote and its order', () => {
    const quotes = Array.from({ length: 30 }, (_, i) => quoteItem(i + 1, i + 1, `${i + 1} ${'said '.repeat(60)}`));
    const pages = quotePages(quotes);
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) expect(page.length).toBeLessThanOrEqual(QUOTE_PAGE_BUDGET);
    const numbers = pages
      .join('\n')
      .match(/¶ \d+/g)!
      .map((m) => Number(m.slice(2)));
    expect(numbers).toEqual(quotes.map((_, i) => i + 1));
  });

  it('cuts a single quote too long for a page instead of losing it', () => {
    const pages = quotePages([quoteItem(1, 1, 'x'.repeat(10_000))]);
    expect(pages).toHaveLength(1);
    expect(pages[0]!.length).toBeLessThanOrEqual(QUOTE_PAGE_BUDGET);
    expect(pages[0]).toContain('…');
  });

  it('returns no pages for no quotes', () => {
    expect(quotePages([])).toEqual([]);
  });
});
