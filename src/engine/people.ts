// Finds the people a question names, by any of their names or aliases, and tolerates what people
// do to names: "wang yii", "chin gang", "xi jinpin", "bil gates". A misspelt name is replaced by
// the name itself, so the rest of the engine sees "qin gang".
import type { Analysis } from './analysis.ts';
import { editDistance } from './spell.ts';
import { isStopWord } from './text.ts';

export interface NamesFound {
  /** The words with misspelt names put right. */
  words: string[];
  /** Speaker ids in the order the question names them. */
  speakers: string[];
  /** Where each speaker is first named, as an index into `words`. */
  at: ReadonlyMap<string, number>;
}

/** Whether a typed word may stand for a name's word: equal, or near enough given its partner. */
function nameWordMatch(typed: string, name: string, partnerExact: boolean): boolean {
  if (typed === name) return true;
  if (typed.length < 2 || name.length < 2 || Math.abs(typed.length - name.length) > 2) return false;
  const d = editDistance(typed, name);
  // Beside an exactly typed partner ("wang yii", "chin gang") a name word may be two edits off;
  // alone, only a long one may be one edit off ("blinkin", "jinpin").
  if (partnerExact) return d <= (name.length <= 3 ? Math.min(2, typed.length - 1) : 2);
  // A long name typed as another word that starts the same: "blinking" for "blinken".
  if (name.length >= 6 && d === 2 && typed.slice(0, 4) === name.slice(0, 4)) return true;
  return name.length >= 5 && d <= 1;
}

/** Long words of people's own names, by first letter: the names a split could come from. */
const longNames = new WeakMap<Analysis, ReadonlyMap<string, string[]>>();
function longNamesOf(a: Analysis): ReadonlyMap<string, string[]> {
  let map = longNames.get(a);
  if (!map) {
    const byLetter = new Map<string, string[]>();
    for (const p of new Set(a.speakerNames.flatMap((s) => s.personal))) if (p.length >= 6) byLetter.set(p[0]!, [...(byLetter.get(p[0]!) ?? []), p]);
    map = byLetter;
    longNames.set(a, map);
  }
  return map;
}

/** "xi jin ping", "blin ken": a name word typed in two pieces is put back together. */
function joinSplitNames(a: Analysis, input: readonly string[]): string[] {
  const byLetter = longNamesOf(a);
  const w: string[] = [];
  for (let i = 0; i < input.length; i++) {
    const next = input[i + 1];
    // Two pieces that are not words of their own here: not a name already, nor "is" after one.
    const pieces = next !== undefined && !a.names.has(next) && !a.names.has(input[i]!) && !isStopWord(next);
    const candidates = pieces ? byLetter.get(input[i]![0] ?? '') : undefined;
    const joined = candidates ? `${input[i]}${next}` : '';
    const hit = candidates?.find((p) => Math.abs(p.length - joined.length) <= 2 && (p === joined || nameWordMatch(joined, p, false)));
    if (hit) {
      w.push(hit);
      i++;
    } else w.push(input[i]!);
  }
  return w;
}

/** Where any of a person's names (as word sequences) first stands in the words, or Infinity. */
export function firstNameAt(names: readonly (readonly string[])[], w: readonly string[]): number {
  let at = Infinity;
  for (const name of names) {
    for (let i = 0; i + name.length <= w.length && i < at; i++) {
      if (name.every((n, j) => w[i + j] === n)) at = i;
    }
  }
  return at;
}

const INDEFINITE = new Set(['a', 'an', 'any', 'another', 'every', 'each']);

/** The two countries by any of their names: "america's top diplomat" is the "top US diplomat". */
const COUNTRY = new Map([
  ['us', 'us'],
  ['usa', 'us'],
  ['america', 'us'],
  ['american', 'us'],
  ['americas', 'us'],
  ['china', 'china'],
  ['chinese', 'china'],
  ['chinas', 'china'],
]);
/** A word with either country's names folded to one ("american" → "us"), any other as it is. */
export const byCountry = (x: string) => COUNTRY.get(x) ?? x;

/** Each speaker's roles that name a country, as their words' sorted keys ("diplomat top us"), worked out once. */
const rolesOf = new WeakMap<Analysis, { id: string; size: number; key: string }[]>();
function countryRoles(a: Analysis) {
  let roles = rolesOf.get(a);
  if (!roles) {
    roles = a.speakerNames.flatMap(({ id, names }) =>
      names.filter((n) => n.length >= 2 && n.some((x) => COUNTRY.has(x))).map((n) => ({ id, size: n.length, key: n.map(byCountry).sort().join(' ') })),
    );
    rolesOf.set(a, roles);
  }
  return roles;
}

/**
 * Where each role of several words ("top US diplomat", "president of China") first stands in the
 * words in another order or wording of its country: "America's top diplomat", "the president of
 * the US". The role's words must be the words there, stop words aside, in any order.
 */
function rolesAt(a: Analysis, w: readonly string[]): Map<string, number> {
  const out = new Map<string, number>();
  // Most questions name no country: nothing to look for.
  if (!w.some((x) => COUNTRY.has(x))) return out;
  const content = w.flatMap((x, i) => (isStopWord(x) ? [] : [{ x: byCountry(x), i }]));
  const windows = new Map<number, { key: string; at: number }[]>();
  for (const { id, size, key } of countryRoles(a)) {
    let keys = windows.get(size);
    if (!keys) {
      keys = [];
      for (let i = 0; i + size <= content.length; i++) {
        const got = content
          .slice(i, i + size)
          .map((c) => c.x)
          .sort()
          .join(' ');
        keys.push({ key: got, at: content[i]!.i });
      }
      windows.set(size, keys);
    }
    const hit = keys.find((k) => k.key === key);
    if (hit && hit.at < (out.get(id) ?? Infinity)) out.set(id, hit.at);
  }
  return out;
}

export function namesIn(a: Analysis, input: readonly string[]): NamesFound {
  const w = joinSplitNames(a, input);
  const found: { id: string; at: number }[] = [];
  const roles = rolesAt(a, w);
  for (const { id, names, personal } of a.speakerNames) {
    let at = Math.min(firstNameAt(names, w), roles.get(id) ?? Infinity);
    // The person's own name, misspelt: a two-word name with one word right, or one long word.
    for (let i = 0; i < w.length; i++) {
      const typed = w[i]!;
      const next = w[i + 1];
      // Only beside a word of the name typed right ("chin gang"): most words are no name at all.
      if (personal.length >= 2 && next !== undefined && (personal.includes(typed) || personal.includes(next))) {
        for (let k = 0; k + 1 < personal.length; k++) {
          const [p1, p2] = [personal[k]!, personal[k + 1]!];
          const exact1 = typed === p1;
          const exact2 = next === p2;
          if ((exact1 || exact2) && !(exact1 && exact2) && nameWordMatch(typed, p1, exact2) && nameWordMatch(next, p2, exact1)) {
            w[i] = p1;
            w[i + 1] = p2;
            at = Math.min(at, i);
          }
        }
      }
      if (at === Infinity && typed.length >= 5 && !isStopWord(typed)) {
        // Typos rarely touch a name's first letter: checking only those keeps this cheap.
        const hit = personal.find((p) => p.length >= 5 && p[0] === typed[0] && nameWordMatch(typed, p, false));
        if (hit) {
          w[i] = hit;
          at = i;
        }
      }
    }
    // "a top US diplomat", "any Chinese president": a role in general, not the one who holds it now.
    if (at < Infinity && !personal.includes(w[at]!) && INDEFINITE.has(w[at - 1] ?? '')) at = Infinity;
    if (at < Infinity) found.push({ id, at });
  }
  return { words: w, speakers: found.sort((x, y) => x.at - y.at).map((f) => f.id), at: new Map(found.map((f) => [f.id, f.at])) };
}
