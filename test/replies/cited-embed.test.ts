import { describe, expect, it } from 'vitest';
import type { Citation } from '../../src/engine/types.ts';
import { citedEmbed, paragraphRanges } from '../../src/replies/cited-embed.ts';
import { safeReply } from '../../src/replies/safe-reply.ts';
import { limitIssues, replyIssues } from '../support/discord-spec.ts';
import { SOURCE } from '../support/fake-engine.ts';

const citation = (paragraph: number, text = `Paragraph ${paragraph} of the article.`): Citation => ({ id: `p${paragraph}`, paragraph, text });

describe('citedEmbed', () => {
  it('puts the question in the title, the answer in the description and each passage in a numbered block quote, best first', () => {
    const embed = citedEmbed({ title: 'How long?', description: '35 minutes.', citations: [citation(7), citation(5)], source: SOURCE });
    expect(embed.title).toBe('How long?');
    expect(embed.description).toBe('35 minutes.');
    // The engine's order, not the article's: the passage that answers is quoted first.
    expect(embed.fields).toEqual([
      { name: '¶ 7', value: '> Paragraph 7 of the article.' },
      { name: '¶ 5', value: '> Paragraph 5 of the article.' },
    ]);
    expect(embed.footer?.text).toBe('Source: BBC — “US and China pledge to stabilise tense relationship after talks”');
  });

  it('names a line of the page by its label, not a paragraph number', () => {
    const credit: Citation = { id: 'credit', paragraph: 0, label: 'source line', text: 'Source: BBC' };
    const embed = citedEmbed({ title: 'Who published it?', description: 'The BBC.', citations: [credit, citation(1)], source: SOURCE });
    expect(embed.fields).toEqual([
      { name: 'Source line', value: '> Source: BBC' },
      { name: '¶ 1', value: '> Paragraph 1 of the article.' },
    ]);
  });

  it('names page lines beside paragraph numbers when they no longer fit', () => {
    const long = (n: number) => citation(n, 'word '.repeat(400));
    const lines: Citation[] = [
      { id: 'headline', paragraph: 0, label: 'headline', text: 'US and China pledge to stabilise tense relationship after talks' },
      { id: 'credit', paragraph: 0, label: 'source line', text: 'Source: BBC' },
    ];
    const paragraphs = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map(long);
    const embed = citedEmbed({ title: 'q', description: 'a', citations: [...paragraphs, ...lines], source: SOURCE });
    const more = embed.fields?.find((f) => f.name === 'More passages');
    expect(more?.value).toMatch(/^¶ .*, Headline, Source line$/);
  });

  it('escapes the title and keeps every passage on its block quote', () => {
    const embed = citedEmbed({ title: '**hi** `x`', description: 'a', citations: [citation(3, 'line one\nline two *star*')], source: SOURCE });
    expect(embed.title).toBe('\\*\\*hi\\*\\* \\`x\\`');
    expect(embed.fields![0]!.value).toBe('> line one line two \\*star\\*');
  });

  it('stays within the limits for a 6000-character question, a huge answer and many long passages', () => {
    const citations = Array.from({ length: 40 }, (_, i) => citation(i + 1, 'word '.repeat(400)));
    const embed = citedEmbed({ title: 'q'.repeat(6000), description: 'a '.repeat(5000), citations, source: SOURCE });
    const reply = { embeds: [embed], allowed_mentions: { parse: [] } };
    expect(limitIssues(reply)).toEqual([]);
    expect(replyIssues(safeReply(reply))).toEqual([]);
    expect(embed.title!.endsWith('…')).toBe(true);
    // The passages that did not fit are still named.
    expect(embed.fields!.at(-1)!.name).toBe('More passages');
    expect(embed.fields!.at(-1)!.value).toMatch(/^¶ \d+–40$/);
  });
});

describe('paragraphRanges', () => {
  it('shortens runs of paragraph numbers', () => {
    expect(paragraphRanges([10, 3, 4, 5, 8])).toBe('¶ 3–5, 8, 10');
    expect(paragraphRanges([7])).toBe('¶ 7');
  });
});
