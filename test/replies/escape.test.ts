import { describe, expect, it } from 'vitest';
import { escapeAndFit, escapeText } from '../../src/replies/escape.ts';
import { withoutMentions } from '../../src/text/input.ts';

describe('escapeText', () => {
  it('escapes bold, italics, underline, strikethrough, spoilers and inline code', () => {
    expect(escapeText('**bold** *it* __under__ ~~gone~~ ||secret|| `code`')).toBe(
      '\\*\\*bold\\*\\* \\*it\\* \\_\\_under\\_\\_ \\~\\~gone\\~\\~ \\|\\|secret\\|\\| \\`code\\`',
    );
  });

  it('escapes code fences so user text cannot open a code block', () => {
    const out = escapeText('```js\nalert(1)\n```');
    expect(out).not.toContain('```');
    expect(out).toContain('\\`\\`\\`');
  });

  it('escapes headings, lists, block quotes, subtext and masked links', () => {
    expect(escapeText('# Big')).toBe('\\# Big');
    expect(escapeText('- item')).toBe('\\- item');
    expect(escapeText('1. first')).toBe('1\\. first');
    expect(escapeText('> quoted')).toBe('\\> quoted');
    expect(escapeText('-# small')).toMatch(/^\\-/);
    expect(escapeText('[click](https://example.com)')).toMatch(/^\\\[click/);
  });

  it('breaks mention syntax so it shows as text', () => {
    const out = escapeText('hi @everyone and @here, <@123> <@!456> <@&789> <#42>');
    expect(out).not.toMatch(/@everyone|@here/);
    expect(out).toContain('@\u200beveryone');
    expect(out).not.toMatch(/(?<!\\)<[@#]/);
  });

  it('leaves ordinary text alone', () => {
    expect(escapeText('How long did they meet?')).toBe('How long did they meet?');
  });
});

describe('escapeAndFit', () => {
  it('fits the limit after escaping', () => {
    const out = escapeAndFit('*'.repeat(300), 256);
    expect(out.length).toBeLessThanOrEqual(256);
  });

  it('does not leave a dangling backslash that would escape the ellipsis', () => {
    const out = escapeAndFit('_'.repeat(300), 101);
    expect(out.length).toBeLessThanOrEqual(101);
    expect(out.endsWith('\\…')).toBe(false);
    expect(out.endsWith('…')).toBe(true);
  });
});

describe('withoutMentions', () => {
  it('removes Discord mention syntax from a question', () => {
    expect(withoutMentions('how long did they meet? @everyone <@&123> <@!4> <#5>')).toBe('how long did they meet?');
  });
});

describe('control characters', () => {
  it('are dropped from shown text, bidirectional overrides included; line breaks stay', () => {
    expect(escapeText('how long\u0000 did\u001b they\u202e meet?\nok\tyes')).toBe('how long did they meet?\nok yes');
  });
});

describe('masked links and server links', () => {
  it('escapes every bracket, so no second masked link on a line stays clickable', () => {
    expect(escapeText('[z] and [y](http://b.com)')).toBe('\\[z] and \\[y](http://b.com)');
    expect(escapeText('[x](a)[y](b)')).toBe('\\[x](a)\\[y](b)');
  });

  it('breaks <id:customize> style server links', () => {
    expect(escapeText('<id:customize>')).toBe('\\<id:customize>');
  });
});

describe('kept results', () => {
  it('the same text asked again gives the same escaping, and a different limit its own fit', () => {
    const text = 'Mr *Blinken* said [progress](x) is_hard_ '.repeat(20);
    const first = escapeAndFit(text, 120);
    expect(escapeAndFit(text, 120)).toBe(first);
    const wider = escapeAndFit(text, 400);
    expect(wider.length).toBeGreaterThan(first.length);
    expect(wider.length).toBeLessThanOrEqual(400);
    expect(wider.startsWith(first.slice(0, 100))).toBe(true);
    expect(escapeText(text)).toBe(escapeText(text));
    expect(escapeText(text)).toContain('\\*Blinken\\*');
  });
});
