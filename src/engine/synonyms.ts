// Words people use for the same thing. Each group is a set of interchangeable words; a question
// word matches an entry word of its group at a discount. The general groups are here; groups that
// belong to this article (its places, people and events) are curated in knowledge/synonyms.json.
// Keep groups narrow: a loose group ("population" ~ "people") turns refusals into wrong answers.
import type { Category, SynonymGroup } from '../knowledge/schema.ts';
import { isStopWord, stem, words } from './text.ts';

const GROUPS: string[][] = [
  ['meet', 'meeting', 'met', 'talk', 'talks', 'discussion', 'discuss', 'summit', 'session', 'sit', 'receive', 'received'],
  ['venue', 'place', 'location', 'located', 'site', 'building', 'held', 'where', 'palace'],
  ['age', 'old', 'aged', 'born'],
  ['long', 'duration', 'length', 'lasted', 'last', 'lengthy'],
  ['reject', 'refuse', 'knock', 'knocked', 'decline', 'rebuff', 'dismiss', 'deny', 'turn', 'veto', 'say no'],
  ['enemy', 'enemies', 'adversary', 'adversaries', 'foe', 'hostile', 'opponent', 'threat'],
  ['rival', 'rivalry', 'competitor', 'competition', 'compete'],
  ['military', 'militarily', 'army', 'armed', 'militaries', 'defence', 'pentagon', 'soldier'],
  ['objective', 'goal', 'aim', 'purpose', 'target', 'endgame', 'want', 'wants', 'wish', 'wishes', 'intend', 'intends'],
  ['key', 'main', 'primary', 'central', 'principal'],
  ['specific', 'concrete', 'particular', 'tangible'],
  ['top', 'senior', 'chief', 'highest', 'leading'],
  ['present', 'portray', 'spin', 'frame', 'tout'],
  ['raise', 'raised', 'discuss', 'discussed', 'mention', 'mentioned', 'cover', 'covered', 'address', 'addressed'],
  ['office', 'power'],
  ['heat', 'heats', 'intense', 'intensify', 'intensifying', 'hotter', 'ramp'],
  ['weapon', 'weapons', 'arms', 'lethal', 'ammunition'],
  ['aid', 'help', 'assist', 'assistance', 'supply', 'support', 'backing'],
  ['trade', 'tariff', 'tariffs', 'economic', 'economically', 'economy', 'commerce'],
  ['progress', 'breakthrough', 'headway', 'advance', 'achievement', 'achieve', 'outcome', 'result'],
  ['agree', 'agreement', 'consensus', 'deal', 'accord', 'accept', 'accepted', 'settle'],
  ['visit', 'trip', 'journey', 'tour', 'travel', 'went'],
  ['relation', 'relations', 'relationship', 'ties'],
  ['article', 'story', 'piece', 'post'],
  ['businessman', 'businessmen', 'business', 'billionaire', 'tycoon', 'executive', 'entrepreneur', 'mogul'],
  ['stabilise', 'stable', 'stability', 'steady', 'calm'],
  ['president', 'leader', 'head of state'],
  ['schedule', 'scheduled', 'agenda', 'plan', 'planned', 'itinerary', 'original', 'originally'],
  ['announce', 'announced', 'notice', 'confirm', 'confirmed'],
  ['communication', 'communicate', 'contact', 'dialogue', 'channel', 'channels', 'hotline'],
  [
    'worse',
    'worsen',
    'deteriorate',
    'plummet',
    'plummeted',
    'sour',
    'soured',
    'decline',
    'bad',
    'badly',
    'tension',
    'tense',
    'tank',
    'tanked',
    'nosedive',
    'crater',
    'cratered',
  ],
  ['defend', 'protect', 'defence', 'attack'],
  ['found', 'founder', 'founded', 'cofounder', 'founding'],
  ['attitude', 'view', 'stance', 'position', 'approach', 'outlook'],
  ['abuse', 'abuses', 'violation', 'violations', 'persecution'],
  ['right', 'rights'],
  ['differences', 'difference', 'disagree', 'disagreement', 'dispute', 'divide'],
  ['conflict', 'war', 'fight', 'clash'],
  ['year', 'years'],
  ['people', 'public', 'citizens', 'domestic', 'home audience'],
  ['concern', 'concerns', 'worry', 'worried', 'fear'],
  ['company', 'companies', 'firm', 'firms', 'business', 'businesses'],
  ['expect', 'expected', 'anticipate', 'predict'],
  ['hope', 'hoped', 'wish', 'optimistic'],
  ['diplomat', 'envoy', 'official'],
  ['besides', 'else', 'other', 'apart'],
  ['promise', 'pledge', 'pledged', 'assurance', 'assurances', 'assure', 'commit', 'commitment', 'vow', 'guarantee'],
  ['direction', 'heading', 'trajectory', 'moving', 'track'],
  ['conclude', 'concluding', 'conclusion', 'end', 'finish', 'wrap', 'close', 'final'],
  ['conference', 'presser', 'briefing', 'press', 'reporters', 'journalists'],
  ['propose', 'proposal', 'proposed', 'offer', 'offered', 'request'],
  [
    'say',
    'said',
    'says',
    'tell',
    'told',
    'remark',
    'comment',
    'stress',
    'stressed',
    'speak',
    'spoke',
    'statement',
    'suggest',
    'suggested',
    'indicate',
    'indicated',
  ],
];

/** Every word of the general groups and the curated ones, unstemmed: part of the spelling vocabulary. */
export function synonymWords(curated: readonly SynonymGroup[]): string[] {
  return [...GROUPS.flat(), ...curated.flatMap((g) => g.words)];
}

/** A group's entry as one word, or nothing for a phrase. Plain words skip `words()`: start-up reads hundreds. */
function oneWord(w: string): string[] {
  if (/^[a-z]+$/.test(w) && !isStopWord(w)) return [w];
  const split = words(w);
  return split.length === 1 ? split : [];
}

/** For each stemmed word, the stemmed words of its groups (itself excluded). */
export function buildSynonyms(curated: readonly SynonymGroup[] = [], general = true): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  for (const group of [...(general ? GROUPS : []), ...curated.map((g) => g.words)]) {
    // A phrase in a group ("head of state") is not matched word by word; one-word entries only.
    const stems = [...new Set(group.flatMap((w) => oneWord(w)).map(stem))];
    for (const s of stems) {
      const set = map.get(s) ?? new Set<string>();
      for (const other of stems) if (other !== s) set.add(other);
      map.set(s, set);
    }
  }
  return map;
}

/**
 * For each stemmed category word ("country"), the stemmed words of the article that name an
 * instance of it ("china", "russia"), from knowledge/synonyms.json's categories.
 */
export function buildInstances(categories: readonly Category[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const c of categories) {
    const instances = c.instances.flatMap((w) => words(w).map(stem));
    for (const w of c.words) {
      const key = stem(w);
      map.set(key, [...new Set([...(map.get(key) ?? []), ...instances])]);
    }
  }
  return map;
}
