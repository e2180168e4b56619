// Reads a question once into the parsed form every later step uses: the clause that asks (found
// by clause.ts), the second part of a two-part question, the kind of answer wanted, the people
// named, and the terms to score.
import { SPELLING_SEARCHES, termsOf, type Analysis } from './analysis.ts';
import { asksAboutFuture, asksByNoun, focusOf, lengthOf, questionKind, voiceOf, type QuestionKind } from './kinds.ts';
import { byCountry, namesIn } from './people.ts';
import { isAbstractNoun } from './english.ts';
import { editDistance } from './spell.ts';
import { askingClause, LEADING_FILLER, splitParts, yesNoFirstAlternative } from './clause.ts';
import { isNumber, isStopWord, stem, timeUnit, words } from './text.ts';
import { TUNING } from './tuning.ts';
import { EngineInputError } from './types.ts';

export interface ParsedQuestion {
  /** What the person typed, trimmed and cut to TUNING.maxQuestionChars. */
  query: string;
  /** The part that asks: the whole question unless it is a long message or has two parts. */
  clause: string;
  /** The second question of a two-part question ("… and what did they turn down?"), if any. */
  second: string | null;
  kind: QuestionKind;
  /** The clause's content terms: chat words mapped, misspellings and names corrected, stemmed. */
  terms: string[];
  /** Terms of the rest of a long message: weak evidence only. */
  context: string[];
  /** Speakers named in the question (less a second part), in the order named (ids). */
  speakers: string[];
  /** Terms of words that are no English word and that the knowledge base never uses ("tiktok"). */
  foreign: string[];
  /** People the question asks for by their role ("which [US president] said …"): the answer names them (ids). */
  asksByRole: string[];
  /** People the question sets aside: "who … before [Blinken]", "besides [Xi]" (ids). */
  excluded: string[];
  /** A wh-question about two people named together ("what did Blinken and Xi agree on"): about either will do. */
  together: boolean;
  /** Asks about someone's past, before what the article reports: "his job before he became …". */
  asksPast: boolean;
  /** For "what did X say": the words naming X, else null. */
  voice: string[] | null;
  /** A long message: words the knowledge base never uses are more likely chatter than the subject. */
  long: boolean;
  /** Whether it asks about what comes after the talks ("will they meet again"). */
  future: boolean;
  /** For "how long did the [press conference] go on": what it asks the length of, as a term. */
  lengthOf: string | null;
  /** What the question names the thing it wants by ("which [company]", "how many [aides]"), as a term. */
  focus: string | null;
}

export function cleanQuestion(question: unknown): string {
  if (typeof question !== 'string' || question.trim() === '') throw new EngineInputError('The question is empty: type what you want to know.');
  return question.trim().slice(0, TUNING.maxQuestionChars);
}

/**
 * The thing the question asks for by name, as a term. "What [ambition] has Xi signalled" names
 * no thing: an abstract noun the knowledge base never uses asks for a description, which need not
 * use the word. "Which [hotel]", "what [tariffs]" and a word the article uses ("what [promise]")
 * still bind: the entry must speak of it.
 */
function focusTerm(a: Analysis, w: readonly string[]): string | null {
  const focus = focusOf(w);
  const term = focus ? (termsOf(a, [focus])[0] ?? null) : null;
  if (focus === null || term === null) return null;
  return isAbstractNoun(focus) && !a.entryWeights.knows(term) ? null : term;
}

/**
 * "the Chinese president's remarks" → "xi remarks": someone named by a role of several words is
 * read by their name, which is how entries speak of them. The role's words are shared with others'.
 */
function byName(a: Analysis, w: readonly string[], speakers: readonly string[]): string[] {
  let out = [...w];
  for (const id of speakers) {
    const sp = a.speakerNames.find((s) => s.id === id);
    if (!sp || sp.personal.some((p) => out.includes(p))) continue;
    const have = out.map(byCountry);
    const role = sp.names.filter((n) => n.length >= 2 && n.every((x) => have.includes(byCountry(x)))).sort((x, y) => y.length - x.length)[0];
    if (!role) continue;
    const name = [...sp.personal].sort((x, y) => a.entryWeights.weight(stem(x)) - a.entryWeights.weight(stem(y)))[0]!;
    const at = have.indexOf(byCountry(role[0]!));
    const drop = new Set(role.map(byCountry));
    out = out.flatMap((x, i) => (i === at ? [name] : drop.has(byCountry(x)) ? [] : [x]));
  }
  return out;
}

function lengthTerm(a: Analysis, w: readonly string[]): string | null {
  const thing = lengthOf(w);
  return thing ? (termsOf(a, [thing])[0] ?? null) : null;
}

/** Whether a word is a typo of one the knowledge base uses ("traid"), not a name. */
function nearKnownWord(a: Analysis, word: string): boolean {
  // (One edit for a short word: two would make "nba" of "new".)
  const edits = word.length < 5 ? 1 : 2;
  for (const known of a.knownWords)
    if (Math.abs(known.length - word.length) <= edits && known[0] === word[0] && editDistance(known, word) <= edits) return true;
  return false;
}

/** "…about that?", "…by this", "what does that mean": a clause whose subject is earlier in the message. */
const POINTS_BACK =
  /^\s*(?:is|was) (?:that|this|it) (?:actually |really |even )?(?:true|right|correct|accurate|legit|real|the case)\b|\b(?:about|with|by|of|on|to|mean|means|meant|meaning|take|took|taken|handle|handled|see|saw|view|viewed)\s+(?:that|this|it|those)\b(?!\s+(?!during|in|at|on|exactly|really|again|then|lol|tho|though)[a-z]{3,})|^\s*(?:what|why)\s+(?:does|did|is|was)\s+(?:that|this|it)\s+mean/i;
/** A span in quotation marks: 'progress is hard', “clear-eyed”. */
const QUOTED = /(?<![\p{L}\p{N}])['‘"“]([^'’"”]{3,80})['’"”](?![\p{L}\p{N}])/gu;

/** "does the article say …", "according to the article, …": the question is what follows. */
const ABOUT_THE_ARTICLE =
  /^(?:(?:does|did|do|can|could) (?:the |this )?(?:article|bbc|report|story|piece|it) (?:say|mention|tell us|talk about|cover|explain|report)(?: anything about| that| if| whether| why| how| what| who| when| where)?|according to (?:the |this )?(?:article|bbc|report|story)|is it (?:true|right|correct|the case|a fact)(?: that)?),?\s+/i;

/**
 * Whose words are asked for. Before a noun, a common English word is no name ("progress takes
 * time quote"); places and people are ("north korea's reaction"). After a verb, any subject is.
 */
function voiceFrom(a: Analysis, w: readonly string[]): string[] {
  // As they would be read anywhere else: "what did beijng say" is Beijing's words.
  const voice = voiceOf(w).map((x) => a.spell.correct(x));
  const named = voice.some((x) => a.voices.has(x) || a.names.has(x) || !a.spell.isEnglish(x));
  return asksByNoun(w) && !named ? [] : voice;
}

const articleFigures = new WeakMap<Analysis, ReadonlySet<string>>();

/**
 * "did they meet for 2 hours?": a figure the article never gives ("two hours") is a claim to
 * check, not the subject: its terms are left out, so the entry with the real figure can answer.
 */
function claimedFigure(a: Analysis, w: readonly string[]): ReadonlySet<string> {
  const figures = (ws: readonly string[]) => ws.flatMap((x, i) => (isNumber(x) && timeUnit(ws[i + 1] ?? '') ? [`${x} ${timeUnit(ws[i + 1]!)}`] : []));
  let known = articleFigures.get(a);
  if (!known) {
    known = new Set(figures(words(a.knowledge.article)));
    articleFigures.set(a, known);
  }
  const out = new Set<string>();
  w.forEach((x, i) => {
    const figure = figures([x, w[i + 1] ?? ''])[0];
    if (figure && !known.has(figure)) {
      out.add(stem(x));
      out.add(stem(w[i + 1]!));
    }
  });
  return out;
}

/** Two people named together as the subject of a wh-question: "what did Blinken and Xi agree on". */
const TOGETHER = /^(?:what|which|how)\b.*\b\w+(?: \w+)? (?:and|&|n) \w+(?: \w+)?(?: \w+){0,2} (?:agree|discuss|talk|cover|decide|said|say)\w*/i;
/** "before he became …", "his previous job". */
const ASKS_PAST =
  /\bbefore (?:he |she |they )?(?:became|becoming|was|were|being|took|taking)\b|\b(?:previous|former|earlier|prior|old) (?:job|role|post|position|career|jobs|roles)\b/i;

const ASKS_WHICH = new Set(['which', 'what', 'whose', 'whichever']);
const SETS_ASIDE = new Set(['before', 'besides', 'except', 'excluding', 'apart', 'aside', 'other', 'instead', 'not', 'alongside']);

/** "who was the last secretary of state to visit before Blinken": the people named right after a word that sets them aside. */
function excludedPeople(a: Analysis, w: readonly string[]): string[] {
  const out: string[] = [];
  w.forEach((x, i) => {
    if (!SETS_ASIDE.has(x)) return;
    // "apart from", "other than", "instead of": the name follows the second word.
    const from = ['from', 'than', 'of'].includes(w[i + 1] ?? '') ? i + 2 : i + 1;
    const found = namesIn(a, w.slice(from, from + 3));
    const first = found.speakers[0];
    if (first && found.words.slice(0, 1).some((y) => a.speakerNames.find((s) => s.id === first)?.names.some((n) => n[0] === y))) out.push(first);
  });
  return out;
}

export function parseQuestion(a: Analysis, question: unknown): ParsedQuestion {
  const query = cleanQuestion(question);
  const { clause: found, rest } = askingClause(query);
  const asking = found.replace(ABOUT_THE_ARTICLE, (m) =>
    /\b(why|how|what|who|when|where)\b,?\s*$/i.test(m) ? `${/\b(why|how|what|who|when|where)\b/i.exec(m)?.[0]} ` : '',
  );
  const { first: firstPart, second } = splitParts(asking.replace(LEADING_FILLER, ''));
  // The other alternative is context: it may say what the question is about too ("…or are there still big differences").
  const { first, other } = yesNoFirstAlternative(firstPart);
  // The people named in the question, less its second part: "why did relations get so bad and
  // what did Blinken do about it" asks its first part about no one.
  const namedWords = words(second ? query.replace(second, ' ') : query);
  const named = namesIn(a, namedWords);
  // "which US president's era…": a role the question asks to be named is not someone it names.
  // (Only a role: "what qin gang said" still names Qin Gang.)
  const byRole = (id: string) => {
    const at = named.at.get(id) ?? 0;
    return ASKS_WHICH.has(named.words[at - 1] ?? '') && !a.names.has(named.words[at] ?? '');
  };
  const speakers = named.speakers.filter((id) => !byRole(id));
  const inClause = namesIn(a, words(first));
  // (Not when the role is what is asked: "who is China's foreign minister", "…, name?".)
  const typed = questionKind(first);
  const asksWho = typed === 'person' || /^\s*who|\bnames?\b/i.test(first);
  const clauseWords = asksWho
    ? inClause.words
    : byName(
        a,
        inClause.words,
        inClause.speakers.filter((id) => speakers.includes(id)),
      );
  const claimed = claimedFigure(a, clauseWords);
  const terms = termsOf(a, clauseWords).filter((t) => !claimed.has(t));
  // Words that are no English word, nor a typo of one the knowledge base uses: a name or brand
  // the article never mentions ("tiktok", "nba"), most likely what the question is about.
  const foreign = clauseWords.flatMap((w) => {
    // (Chat words such as "smth" are read as what they stand for by words() already.)
    if (w.length < 3 || isStopWord(w) || /\d/.test(w) || a.knownWords.has(w) || a.names.has(w) || a.spell.isEnglish(w)) return [];
    // (A typo of a word the knowledge base uses is put right, and is no name: "traid", "isthe".)
    if (a.spell.correct(w) !== w || nearKnownWord(a, w)) return [];
    const t = termsOf(a, [w])[0];
    return t && !a.entryWeights.knows(t) && !a.passageWeights.knows(t) ? [t] : [];
  });
  const restWords = namesIn(a, words(`${rest} ${other}`)).words;
  let context = termsOf(a, restWords).filter((t) => !terms.includes(t));
  // "what did china say about that?": the clause points back into the message. What it points at
  // is a quotation there if there is one, else the rest of the message, and it counts in full.
  if (context.length > 0 && POINTS_BACK.test(first)) {
    const quoted = [...rest.matchAll(QUOTED)].map((m) => m[1]!).join(' ');
    // Of the rest, only words the knowledge base knows: the chatter around it is not the subject.
    const back = quoted ? termsOf(a, namesIn(a, words(quoted)).words) : context.filter((t) => a.entryWeights.knows(t));
    terms.push(...back.filter((t) => !terms.includes(t)));
    context = context.filter((t) => !terms.includes(t));
  }
  // The kind and the thing asked for are read from the words as meant: "how many yeers" counts years.
  const budget = { searches: SPELLING_SEARCHES };
  const meant = clauseWords.map((w) => (isStopWord(w) ? w : a.spell.correct(w, budget)));
  const kind = typed === 'outside' || typed === 'report' ? typed : questionKind(`${meant.join(' ')}${first.trim().endsWith('?') ? '?' : ''}`);
  return {
    query,
    clause: first,
    second,
    kind,
    terms,
    context,
    speakers,
    foreign,
    asksByRole: named.speakers.filter(byRole),
    excluded: excludedPeople(a, clauseWords),
    together: speakers.length >= 2 && TOGETHER.test(first),
    asksPast: ASKS_PAST.test(first),
    voice: kind === 'speech' ? voiceFrom(a, clauseWords) : null,
    focus: focusTerm(a, meant),
    lengthOf: kind === 'duration' ? lengthTerm(a, meant) : null,
    future: asksAboutFuture(meant),
    long: words(query).length > TUNING.shortQuestionWords,
  };
}
