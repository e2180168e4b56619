import { ApplicationCommandOptionType, ApplicationCommandType, InteractionType, type APIInteraction } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { incomingFromApi } from '../../src/interactions/from-api.ts';
import { targetOf } from '../../src/interactions/incoming.ts';

describe('reading Discord’s JSON (the HTTP door)', () => {
  it('keeps an option whatever its name, __proto__ included, as an own property', () => {
    const interaction = {
      type: InteractionType.ApplicationCommand,
      id: '1',
      application_id: '2',
      token: 't',
      version: 1,
      user: { id: '3', username: 'u', discriminator: '0', global_name: null, avatar: null },
      data: {
        id: '4',
        type: ApplicationCommandType.ChatInput,
        name: 'ask',
        options: [
          { type: ApplicationCommandOptionType.String, name: '__proto__', value: 'x' },
          { type: ApplicationCommandOptionType.String, name: 'question', value: 'how long?' },
        ],
      },
    } as unknown as APIInteraction;
    const incoming = incomingFromApi(interaction);
    expect(incoming?.kind).toBe('command');
    const options = incoming && incoming.kind === 'command' ? incoming.options : {};
    expect(Object.hasOwn(options, '__proto__')).toBe(true);
    expect(options['question']).toBe('how long?');
  });

  it('counts a message’s embeds and attachments from JSON arrays and from discord.js collections alike', () => {
    expect(targetOf({ id: '1', content: 'hi', embeds: [{}, {}], attachments: [] })).toEqual({ id: '1', content: 'hi', embeds: 2, attachments: 0 });
    expect(targetOf({ id: '1', content: 5, embeds: [], attachments: new Map([['a', {}]]) })).toEqual({ id: '1', content: '', embeds: 0, attachments: 1 });
  });
});
