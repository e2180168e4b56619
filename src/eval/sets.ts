// The ask sets in test/data, named once for the eval CLI, the eval test and the bench.

/** Written blind in chat style, one after another while the engine was reworked (test/data/README.md). */
export const CHAT_SETS = Array.from({ length: 11 }, (_, i) => `ask-blind${i + 3}.jsonl`);

/** Every ask set, the public examples first. */
export const ASK_SETS = ['ask-public.jsonl', 'ask-extra.jsonl', 'ask-blind2.jsonl', ...CHAT_SETS];
