import { ApplicationCommandOptionType, ApplicationCommandType } from 'discord-api-types/v10';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type ask from '../../commands/ask.ts';
import { autocompleteOption, parseArguments, STRING_OPTION_CEILING, type ArgumentsOf, type CommandDefinition } from '../../src/interactions/arguments.ts';
import { HIDE_OPTION } from '../../src/interactions/command.ts';

const definition = {
  type: ApplicationCommandType.ChatInput,
  name: 'probe',
  description: 'test',
  options: [
    { type: ApplicationCommandOptionType.String, name: 'text', description: 'd', required: true, max_length: 10, autocomplete: true },
    { type: ApplicationCommandOptionType.String, name: 'free', description: 'd', required: false },
    { type: ApplicationCommandOptionType.Integer, name: 'count', description: 'd', required: false },
    HIDE_OPTION,
  ],
} as const satisfies CommandDefinition;

describe('ArgumentsOf', () => {
  it('types required options as present and the others as optional, from the definition', () => {
    expectTypeOf<ArgumentsOf<typeof definition>>().toEqualTypeOf<
      { readonly text: string } & { readonly free?: string; readonly count?: number; readonly hide?: boolean }
    >();
    // /ask's handler reads args.question as a string; an option that does not exist is a type error.
    type AskArgs = Parameters<typeof ask.execute>[1];
    expectTypeOf<AskArgs['question']>().toEqualTypeOf<string>();
    // @ts-expect-error: /ask has no option called "query"
    expectTypeOf<AskArgs['query']>().toBeString();
  });
});

describe('parseArguments', () => {
  it('keeps values of the right type and drops unknown names', () => {
    expect(parseArguments(definition, { text: 'hi', count: 3, hide: true, extra: 'x' })).toEqual({ text: 'hi', free: undefined, count: 3, hide: true });
  });

  it('refuses a missing or mistyped required option (a forged or out-of-date interaction)', () => {
    expect(parseArguments(definition, {})).toBeNull();
    expect(parseArguments(definition, { text: 5 })).toBeNull();
    expect(parseArguments(definition, { text: 'ok', count: 1.5, hide: 'yes' })).toEqual({ text: 'ok', free: undefined, count: undefined, hide: undefined });
  });

  it('is partial for autocomplete, where the form is half filled', () => {
    expect(parseArguments(definition, {}, true)).toEqual({ text: undefined, free: undefined, count: undefined, hide: undefined });
  });

  it('cuts strings to max_length, or to Discord’s ceiling when the option sets none, before anything reads them', () => {
    const big = 'x'.repeat(1_000_000);
    const args = parseArguments(definition, { text: big, free: big });
    expect(args?.text).toHaveLength(10);
    expect(args?.free).toHaveLength(STRING_OPTION_CEILING);
    // Never half a surrogate pair.
    expect(parseArguments(definition, { text: `${'a'.repeat(9)}😀` })?.text).toBe('a'.repeat(9));
  });

  it('reads no inherited properties: option names like __proto__ or constructor are just names', () => {
    const options = JSON.parse('{"__proto__": {"text": "polluted"}, "constructor": "x"}') as Record<string, string>;
    expect(parseArguments(definition, options)).toBeNull();
    expect(parseArguments(definition, Object.create({ text: 'inherited' }) as Record<string, string>)).toBeNull();
  });

  it('finds an autocomplete option by name, and only an autocomplete one', () => {
    expect(autocompleteOption(definition, 'text')?.name).toBe('text');
    expect(autocompleteOption(definition, 'free')).toBeUndefined();
    expect(autocompleteOption(definition, 'toString')).toBeUndefined();
  });
});
