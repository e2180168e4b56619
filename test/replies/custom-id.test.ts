import { describe, expect, it } from 'vitest';
import { decodeCustomId, encodeCustomId, type ButtonAction } from '../../src/replies/custom-id.ts';

describe('button custom ids', () => {
  const actions: ButtonAction[] = [
    { kind: 'ask', entryId: 'meeting-length' },
    { kind: 'topic', topicId: 'taiwan' },
    { kind: 'quote', speakerId: 'blinken' },
    { kind: 'quote', speakerId: 'blinken', page: 0 },
    { kind: 'quote', speakerId: 'wang-yi', page: 12, about: 'taiwan: independence' },
    { kind: 'feedback', helpful: true, source: 'entry', id: 'meeting-length' },
    { kind: 'feedback', helpful: false, source: 'passage', id: 'p14' },
    { kind: 'post' },
    { kind: 'post', answered: { source: 'passage', id: 'p22' } },
  ];

  it.each(actions)('round-trips %j', (action) => {
    const id = encodeCustomId(action)!;
    expect(id.length).toBeLessThanOrEqual(100);
    expect(decodeCustomId(id)).toEqual(action);
  });

  it('uses the documented shapes', () => {
    expect(encodeCustomId({ kind: 'ask', entryId: 'meeting-length' })).toBe('ask:meeting-length');
    expect(encodeCustomId({ kind: 'quote', speakerId: 'xi', page: 2, about: 'taiwan' })).toBe('quote:xi:2:taiwan');
    expect(encodeCustomId({ kind: 'feedback', helpful: false, source: 'entry', id: 'meeting-length' })).toBe('fb:n:e:meeting-length');
  });

  it('refuses an id over 100 characters instead of cutting it into one that means something else', () => {
    expect(encodeCustomId({ kind: 'quote', speakerId: 'a'.repeat(40), page: 999, about: 'x'.repeat(200) })).toBeNull();
    // 40 emoji are 80 UTF-16 units: Discord counts them as 40 characters of `about`, ids count units.
    expect(encodeCustomId({ kind: 'quote', speakerId: 'a'.repeat(40), page: 1, about: '🙂'.repeat(40) })).toBeNull();
    expect(encodeCustomId({ kind: 'quote', speakerId: 'blinken', page: 1, about: '🙂'.repeat(20) })).toHaveLength(56);
  });

  it.each([
    '',
    'ask',
    'ask:',
    'ask:Meeting-Length',
    'ask:../../etc',
    'ask:meeting-length:extra',
    'topic:taiwan:1',
    'quote:blinken:-1',
    'quote:blinken:01',
    'quote:blinken:1000',
    'quote:blinken:two',
    'delete:everything',
    `ask:${'a'.repeat(41)}`,
    `quote:blinken:1:${'x'.repeat(100)}`,
    'fb:y:e:',
    'fb:maybe:e:meeting-length',
    'fb:y:x:meeting-length',
    'fb:y:e:Meeting',
    'fb:y:e:meeting-length:extra',
    'post:now',
    'post:e:',
    'post:x:meeting-length',
  ])('rejects the tampered id %j', (id) => {
    expect(decodeCustomId(id)).toBeNull();
  });
});
