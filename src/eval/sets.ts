// The ask sets in test/data, named once for the eval CLI, the eval test and the bench.

/** Written blind in chat style, one after another while the engine was reworked (test/data/README.md). */
export const CHAT_SETS = Array.from({ length: 11 }, (_, i) => `ask-blind${i + 3}.jsonl`);

/**
 * The latest blind sets (test/data/README.md gives each one's first run): `npm run eval` shows
 * them, but the eval test holds no floor on them, so a change is never made to pass by them.
 */
export const FRESH_SETS = [
  'ask-blind14.jsonl',
  'ask-blind15.jsonl',
  'ask-blind16.jsonl',
  'ask-blind17.jsonl',
  'ask-blind18.jsonl',
  'ask-blind19.jsonl',
  'ask-blind20.jsonl',
  'ask-blind21.jsonl',
  'ask-blind22.jsonl',
  'ask-blind23.jsonl',
  'ask-blind24.jsonl',
  'ask-blind25.jsonl',
  'ask-blind26.jsonl',
  ...Array.from({ length: 16 }, (_, i) => `ask-blind${i + 27}.jsonl`),
];

/** Every ask set, the public examples first. */
export const ASK_SETS = ['ask-public.jsonl', 'ask-extra.jsonl', 'ask-blind2.jsonl', ...CHAT_SETS, ...FRESH_SETS];
