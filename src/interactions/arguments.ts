// A command's arguments, typed from its definition and checked against it at run time. The
// definitions in commands/ are declared `as const`, so `ArgumentsOf<typeof data>` knows that
// /ask's `question` is a required string: a handler reads `args.question` with no fallback, and
// a renamed option is a type error. Whatever a transport hands in is checked here first.
import {
  ApplicationCommandOptionType,
  type APIApplicationCommandBasicOption,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import { clipInput } from '../text/input.ts';

export type OptionValue = string | number | boolean;
/** Option values as a transport received them: untrusted, keyed by option name. */
export type CommandOptions = Readonly<Record<string, OptionValue | undefined>>;

/** A chat-input command's definition as registered with Discord, readonly so `as const` fits. */
export type CommandDefinition = Readonly<Omit<RESTPostAPIChatInputApplicationCommandsJSONBody, 'options'>> & {
  readonly options?: readonly APIApplicationCommandBasicOption[];
};

type ValueOf<T> = T extends ApplicationCommandOptionType.Boolean
  ? boolean
  : T extends ApplicationCommandOptionType.Integer | ApplicationCommandOptionType.Number
    ? number
    : string;

type OptionsOf<D extends CommandDefinition> = NonNullable<D['options']>[number];

type Name<O> = O extends { readonly name: infer N extends string } ? N : never;
type TypeOf<O> = O extends { readonly type: infer T } ? T : never;

/** `{ question: string; hide?: boolean }` for /ask: required options present, the others optional. */
export type ArgumentsOf<D extends CommandDefinition> = {
  readonly [O in OptionsOf<D> as O extends { readonly required: true } ? Name<O> : never]: ValueOf<TypeOf<O>>;
} & {
  readonly [O in OptionsOf<D> as O extends { readonly required: true } ? never : Name<O>]?: ValueOf<TypeOf<O>>;
};

/** The names of the options that offer autocomplete. */
export type AutocompleteName<D extends CommandDefinition> =
  OptionsOf<D> extends infer O ? (O extends { readonly name: infer N extends string; readonly autocomplete: true } ? N : never) : never;

/**
 * The most a string option may hold when its definition sets no max_length (Discord's own
 * ceiling for a string option is 6000).
 */
export const STRING_OPTION_CEILING = 6000;

/**
 * Checks options against a definition: each value must have its option's type, strings are cut
 * to the option's max_length before anything reads them, unknown names are dropped. Null when a
 * required option is missing or has the wrong type (a forged or out-of-date interaction).
 * With `partial` (autocomplete, where the form is half filled) nothing is required.
 */
export function parseArguments<D extends CommandDefinition>(definition: D, options: CommandOptions, partial = false): ArgumentsOf<D> | null {
  const out: Record<string, OptionValue | undefined> = {};
  for (const def of definition.options ?? []) {
    const raw = Object.hasOwn(options, def.name) ? options[def.name] : undefined;
    const value = checked(def, raw);
    if (value === undefined && def.required === true && !partial) return null;
    out[def.name] = value;
  }
  // Checked above against the same definition the type is derived from.
  return out as ArgumentsOf<D>;
}

/** The option named `name` when it offers autocomplete, else undefined. */
export function autocompleteOption(definition: CommandDefinition, name: string): APIApplicationCommandBasicOption | undefined {
  return definition.options?.find((o) => o.name === name && 'autocomplete' in o && o.autocomplete === true);
}

/** A string typed into an option, cut to what the option allows. */
export function clipOptionText(def: APIApplicationCommandBasicOption, text: string): string {
  const max = def.type === ApplicationCommandOptionType.String && def.max_length !== undefined ? def.max_length : STRING_OPTION_CEILING;
  return clipInput(text, Math.min(max, STRING_OPTION_CEILING));
}

function checked(def: APIApplicationCommandBasicOption, value: OptionValue | undefined): OptionValue | undefined {
  switch (def.type) {
    case ApplicationCommandOptionType.Boolean:
      return typeof value === 'boolean' ? value : undefined;
    case ApplicationCommandOptionType.Integer:
      return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
    case ApplicationCommandOptionType.Number:
      return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
    default:
      return typeof value === 'string' ? clipOptionText(def, value) : undefined;
  }
}
