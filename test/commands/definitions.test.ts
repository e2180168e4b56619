import { ApplicationCommandOptionType, type APIApplicationCommandOption } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { ABOUT_MAX_LENGTH } from '../../commands/quote.ts';
import { commands, messageCommands, registrationBody } from '../../commands/index.ts';
import { encodeCustomId } from '../../src/replies/custom-id.ts';
import { commandIssues } from '../support/discord-spec.ts';

const NAME = /^[-_\p{L}\p{N}]{1,32}$/u;

describe('command definitions', () => {
  it('registers /ask, /quote, /topic and /help', () => {
    expect(commands.map((c) => c.data.name)).toEqual(['ask', 'quote', 'topic', 'help']);
  });

  it('uses a schema check that does catch a broken definition', () => {
    expect(commandIssues({ name: 'x'.repeat(33), description: 'd'.repeat(101), options: [{ type: 3, name: 'q' }] }).length).toBeGreaterThan(0);
  });

  it('has unique names', () => {
    expect(new Set(commands.map((c) => c.data.name)).size).toBe(commands.length);
  });

  describe.each(commands.map((c) => [c.data.name, c] as const))('/%s', (_name, command) => {
    const options = (command.data.options ?? []) as APIApplicationCommandOption[];

    it('conforms to Discord’s application command schema', () => {
      expect(commandIssues(command.data)).toEqual([]);
    });

    it('follows the naming and length rules', () => {
      for (const thing of [command.data, ...options]) {
        expect(thing.name).toMatch(NAME);
        expect(thing.name).toBe(thing.name.toLowerCase());
        expect(thing.description.length).toBeGreaterThanOrEqual(1);
        expect(thing.description.length).toBeLessThanOrEqual(100);
      }
      expect(options.length).toBeLessThanOrEqual(25);
      expect(new Set(options.map((o) => o.name)).size).toBe(options.length);
    });

    it('lists required options before optional ones', () => {
      const firstOptional = options.findIndex((o) => !o.required);
      if (firstOptional >= 0) expect(options.slice(firstOptional).every((o) => !o.required)).toBe(true);
    });

    it('offers autocomplete only on string options, and has a handler for it', () => {
      for (const o of options) {
        if ('autocomplete' in o && o.autocomplete) {
          expect(o.type).toBe(ApplicationCommandOptionType.String);
          expect(command.autocomplete).toBeTypeOf('function');
        }
      }
    });

    it('has a hide option wherever it answers from the article', () => {
      if (command.data.name === 'help') return;
      const hide = options.find((o) => o.name === 'hide');
      expect(hide).toMatchObject({ type: ApplicationCommandOptionType.Boolean, required: false });
    });
  });

  it('defines the message command Check against the article, valid against Discord’s schema', () => {
    expect(messageCommands.map((c) => c.data)).toEqual([{ type: 3, name: 'Check against the article' }]);
    for (const c of messageCommands) expect(commandIssues(c.data)).toEqual([]);
  });

  it('registers globally for guild and user installs, in servers, bot DMs and private channels — and not on a guild', () => {
    const global = registrationBody('global');
    expect(global.map((c) => c.name)).toEqual(['ask', 'quote', 'topic', 'help', 'Check against the article']);
    for (const c of global) {
      expect(c).toMatchObject({ integration_types: [0, 1], contexts: [0, 1, 2] });
      expect(commandIssues(c)).toEqual([]);
    }
    for (const c of registrationBody('guild')) expect(c).not.toHaveProperty('contexts');
  });

  it('caps /ask question at 300 characters', () => {
    const ask = commands.find((c) => c.data.name === 'ask')!;
    expect(ask.data.options?.[0]).toMatchObject({ name: 'question', required: true, max_length: 300, autocomplete: true });
  });

  it('keeps /quote about short enough for a page button id, uncut', () => {
    const id = encodeCustomId({ kind: 'quote', speakerId: 'a'.repeat(40), page: 999, about: 'x'.repeat(ABOUT_MAX_LENGTH) });
    expect(id).not.toBeNull();
    expect(id!.length).toBeLessThanOrEqual(100);
    expect(id!.endsWith('x'.repeat(ABOUT_MAX_LENGTH))).toBe(true);
  });
});
