// What kind of answer a question asks for, and what kind of answer a curated entry gives: the
// one place that reads a question's kind. The engine answers only with an entry whose answer is
// of a kind the question accepts, and `npm run knowledge:check` flags a phrasing that asks for
// something its entry's answer is not.
import type { AnswerKind } from '../knowledge/schema.ts';
import { isNumber, isStopWord, NUMBER_WORDS, words } from './text.ts';

export type { AnswerKind };

export type QuestionKind =
  'person' | 'place' | 'time' | 'date' | 'duration' | 'quantity' | 'speech' | 'reason' | 'specifics' | 'yesno' | 'report' | 'outside' | 'open';

interface KindRule {
  /** What the question asks for, for people reading this table. */
  asks: string;
  /** The kinds of answer that answer it. An empty list: the article cannot answer it at all. */
  accepts: readonly AnswerKind[];
  example: string;
}

const ALL: readonly AnswerKind[] = ['person', 'place', 'time', 'duration', 'quantity', 'speech', 'reason', 'list', 'yesno', 'description'];

/** The table of question kinds, in the order `questionKind` tries them. */
export const KINDS: Readonly<Record<QuestionKind, KindRule>> = {
  outside: { asks: 'the time now, or the bot’s own views: what a 2023 report cannot tell', accepts: [], example: "what's the time in Beijing now" },
  report: {
    asks: 'something about the report itself (who published it, its headline), which only the page around its paragraphs says',
    accepts: ['report'],
    example: 'who wrote this article',
  },
  date: { asks: 'a calendar date', accepts: ['date'], example: 'on what date in June did they meet' },
  speech: { asks: 'the words or views of someone', accepts: ['speech'], example: 'what did Xi say about progress' },
  specifics: { asks: 'the particular things by name', accepts: ['list'], example: 'which specific issues did they agree on' },
  person: { asks: 'a person', accepts: ['person'], example: 'who is the top Chinese diplomat' },
  place: { asks: 'a place', accepts: ['place'], example: 'where did they meet' },
  duration: { asks: 'a length of time', accepts: ['duration'], example: 'how long was the meeting' },
  quantity: { asks: 'a number or an amount', accepts: ['quantity', 'duration'], example: 'how old is Blinken' },
  time: { asks: 'a day, a date or a time relative to the talks', accepts: ['time'], example: 'when did they meet' },
  reason: { asks: 'a cause or a reason', accepts: ['reason'], example: 'why have relations got worse' },
  yesno: { asks: 'yes or no, or a statement that settles it', accepts: ALL, example: 'was fentanyl discussed' },
  open: { asks: 'anything the article says about it', accepts: ALL, example: 'what happened with the balloon' },
};

const AUXILIARIES = new Set([
  'did',
  'does',
  'do',
  'is',
  'are',
  'was',
  'were',
  'will',
  'would',
  'can',
  'could',
  'has',
  'have',
  'had',
  'should',
  'shall',
  'may',
  'might',
  'must',
]);
const SPEECH_VERBS = new Set([
  'say',
  'said',
  'says',
  'saying',
  'tell',
  'told',
  'tells',
  'think',
  'thinks',
  'thought',
  'comment',
  'comments',
  'commented',
  'remark',
  'remarks',
  'react',
  'reacted',
  'reaction',
  'reactions',
  'respond',
  'responded',
  'response',
  'claim',
  'claimed',
  'statement',
  'speak',
  'spoke',
  'talk',
  'talked',
  'discuss',
  'cover',
  'covered',
  'report',
  'reported',
  'opinion',
  'opinions',
  'feel',
  'feels',
  'felt',
  'reply',
  'replied',
  'quote',
  'quoted',
  'words',
  'view',
  'views',
  'characterise',
  'characterised',
  'characterize',
  'characterized',
  'describe',
  'describes',
  'described',
  'consider',
  'considers',
  'regard',
  'regards',
]);
/** Speech verbs that ask for someone's words only when someone is named: "how does the article describe…" asks for the article's words. */
const NAMED_ONLY = new Set([
  'describe',
  'describes',
  'described',
  'characterise',
  'characterised',
  'characterize',
  'characterized',
  'consider',
  'considers',
  'regard',
  'regards',
]);
const SPEECH_NOUNS = new Set([
  'reaction',
  'reactions',
  'response',
  'statement',
  'opinion',
  'opinions',
  'comments',
  'remarks',
  'words',
  'view',
  'views',
  'quote',
]);
/** First words of two-word names a voice may have. */
const NAME_FIRST_WORDS = new Set([
  'north',
  'south',
  'state',
  'white',
  'foreign',
  'chinese',
  'us',
  'american',
  'xi',
  'wang',
  'qin',
  'bill',
  'joe',
  'antony',
  'tony',
  'donald',
  'president',
  'secretary',
  'mr',
]);
/** "does the article say …" asks what the article says, not what someone said. */
const ARTICLE_WORDS = new Set(['article', 'bbc', 'report', 'story', 'piece', 'it', 'text', 'source', 'news', 'headline', 'title', 'line', 'tags', 'page']);
/** Words between the auxiliary and a speech word that name no one: "what was that last quote". */
const NOT_A_VOICE = new Set([
  'last',
  'first',
  'latest',
  'final',
  'actual',
  'main',
  'real',
  'exact',
  'whole',
  'big',
  'famous',
  'other',
  'one',
  'ever',
  'publicly',
  'officially',
  'use',
  'used',
  'able',
]);

/**
 * Whose words a speech question asks for: "what did [the Kremlin] say", "[north korea]'s reaction",
 * "that quote from [blinken]". Stop words and words that name no one are left out.
 */
export function voiceOf(w: readonly string[]): string[] {
  const v = speechVerbAt(w);
  if (v < 0) return [];
  const from = w.indexOf('from', v);
  const by = w.indexOf('by', v);
  const after = [from, by].filter((i) => i > v).sort((x, y) => x - y)[0];
  let span: readonly string[];
  if (after !== undefined && SPEECH_NOUNS.has(w[v]!)) {
    const end = w.findIndex((x, i) => i > after && isStopWord(x));
    span = w.slice(after + 1, end < 0 ? after + 4 : Math.min(end, after + 4));
  } else if (SPEECH_NOUNS.has(w[v]!)) {
    // "north korea's reaction", "blinken quote": the words just before the noun, after any question word.
    // The word just before it, and the one before that only when the two make one name
    // ("north korea's reaction", "xi jinping's view"; not "share blinken's view").
    const before = w[v - 1];
    const first = w[v - 2];
    span = before === undefined ? [] : first !== undefined && NAME_FIRST_WORDS.has(first) ? [first, before] : [before];
  } else {
    let j = v - 1;
    while (j >= 0 && !AUXILIARIES.has(w[j]!) && !['what', 'how', 'why', 'which'].includes(w[j]!)) j--;
    span = w.slice(j + 1, v);
  }
  // "what idea was Blinken [trying] to talk China out of": a verb between is not a name.
  // A name may end like a verb ("Beijing", "Jinping"): only words after the first are taken for verbs.
  return span.filter((x, i) => !isStopWord(x) && !NOT_A_VOICE.has(x) && !ARTICLE_WORDS.has(x) && !SPEECH_NOUNS.has(x) && (i === 0 || !/(ing|ed)$/.test(x)));
}
const FIGURE = `(?:\\d+|${NUMBER_WORDS.join('|')}|a few|a couple of)`;
const CLAIMED_LENGTH = new RegExp(
  ` (?:for|lasted|took|was|were) (?:like |about |around |maybe |over |almost |nearly |only |just )?${FIGURE} (?:minutes?|hours?|days?|weeks?)\\b`,
);
/** "met on tuesday yeah?": a day put to be checked asks when. */
const CLAIMED_DAY = / (?:on|was|is) (?:a )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|the weekend)\b/;
/** An age, as a grown person's is given: "61", "seventy". */
const AGE = `(?:[2-9]\\d|${NUMBER_WORDS.filter((w) => w.endsWith('ty')).join('|')})`;
const CLAIMED_AGE = new RegExp(
  ` (?:is|was|isnt|wasnt|turned|turns|like)(?: (?!(?:minutes?|hours?|days?|years?)\\b)[a-z]+){0,2} (?:like |about |around |maybe |already |only |nearly )?${AGE}(?! (?:minutes?|hours?|days?|weeks?|months?|years?)\\b)\\b`,
);
const QUANTITY_AFTER_HOW = new Set(['many', 'much', 'old', 'far', 'often', 'big', 'large', 'high', 'tall', 'severe', 'bad']);
const DURATION_UNITS = new Set(['minute', 'minutes', 'hour', 'hours', 'day', 'days', 'week', 'weeks', 'month', 'months', 'year', 'years']);
const SPECIFIC_MARKERS =
  /\b(which|what) (specific|particular|exact)\b|\b(which|what) (were|are|was|is) the (specific|particular|exact)\b|\bspecifically\b|\bwhich ones?\b|\bname (them|the|any|some)\b|\bnames\b|\blist them\b|\bwhich .{0,40}\bexactly\b|\bwhat (?!did |does |do |is |was |are |were |exactly|he |she |they |it |you |i |we )\w+(?: \w+){0,3} exactly\b|\bexactly which\b/;
/** "who wrote this article", "what's the headline": about the report itself, not what it says. */
const ABOUT_THE_REPORT =
  / (who (wrote|published|authored)|author|headline|title|byline|publisher|link|url) (of )?(this|the) (article|story|report|piece) | (which|what) (outlet|newspaper|site|paper) (wrote|published|ran) (this|it) | who (wrote|published|authored) (this|it) ?$| who (is|was|s) the (author|reporter|writer|journalist) |(author|reporter|writer|journalist)s? name /;
/** A figure up to ten, as a sum writes it: "2 plus two". */
const SMALL_FIGURE = `(?:\\d+|${NUMBER_WORDS.slice(0, 10).join('|')})`;
const OUTSIDE_THE_ARTICLE = new RegExp(
  `\\b(how do (you|i|we) say|what do you think|do you think|your (opinion|view|take)|tell me a joke|are you|how (do|can|should|would) (i|we|you) (get|go|travel|fly|drive) (to|from)|how to get (to|from)|directions to)\\b|\\b${SMALL_FIGURE} (times|plus|minus|divided by|multiplied by|x) ${SMALL_FIGURE}\\b|\\b(square root|percent) of \\d+\\b`,
);
/** "what's the time now", "what day is it": the present, which a 2023 report cannot tell. */
const CLOCK =
  /\b(what time is it|what's the time|whats the time|what is the time|time is it|current time|the time (now|right now|today|in)|time right now|today'?s date|what day is (it|today)|what's the date|what is the date today|date today|weather (today|now|like))\b/;

/** Words before a "where" that only names a place in the question: "about where …", "know where …". */
const EMBEDS_WHERE = new Set([
  'about',
  'on',
  'of',
  'know',
  'knows',
  'see',
  'tell',
  'suggest',
  'suggested',
  'indicate',
  'indicated',
  'hint',
  'hinted',
  'say',
  'said',
]);

/** The kind of answer a question (its asking clause) wants. */
export function questionKind(question: string): QuestionKind {
  const w = words(question);
  const text = ` ${w.join(' ')} `;
  if (CLOCK.test(question.toLowerCase()) || CLOCK.test(text) || OUTSIDE_THE_ARTICLE.test(text)) return 'outside';
  if (ABOUT_THE_REPORT.test(text)) return 'report';
  const first = w[0] ?? '';
  const how = w.indexOf('how');
  // The question words that say exactly what is wanted come first: "who said …" wants a person.
  if (w.includes('who') || w.includes('whom') || w.includes('whose')) return 'person';
  if (
    / (which|what) ((?!did |does |do |is |was |are |were |has |have )\w+ ){0,2}(person|people|official|diplomat|leader|president|minister|billionaire|businessman|founder|figure|guy|man|woman|department|agency|organisation|organization|body|outlet|newspaper|publication)s? /.test(
      text,
    )
  )
    return 'person';
  // "where do Xi's remarks come from", "where were they published" ask for a source, not a place.
  // (Not a "where" the question only mentions: "what did Xi suggest about where relations are heading".)
  const where = w.indexOf('where');
  const asksWhere = where >= 0 && !EMBEDS_WHERE.has(w[where - 1] ?? '');
  if (
    (asksWhere && !/ (?:come|comes|came) from | (?:get |got |been |be )?(?:published|released|reported|posted|printed) /.test(text)) ||
    / (which|what|in which) (city|venue|building|place|location|square|room|hall) /.test(text)
  )
    return 'place';
  // "what did Blinken say about how long progress takes" asks for his words, not a length.
  const speech = asksForSpeech(w);
  if (speech && how > speechVerbAt(w)) return 'speech';
  if (how >= 0 && w[how + 1] === 'long') return 'duration';
  // "how many years old" asks an age, a number; "how many days" a length of time.
  if (how >= 0 && w[how + 1] === 'many' && DURATION_UNITS.has(w[how + 2] ?? '') && w[how + 3] !== 'old') return 'duration';
  if (how >= 0 && QUANTITY_AFTER_HOW.has(w[how + 1] ?? '')) return 'quantity';
  // A figure put to be checked: "met for like 2 hours??" a length of time, "blinken is like 70" an age.
  if (CLAIMED_LENGTH.test(text)) return 'duration';
  if (CLAIMED_AGE.test(text)) return 'quantity';
  if (CLAIMED_DAY.test(text) && !AUXILIARIES.has(first)) return 'time';
  // "when" that opens or ends the question; "what was he referring to when he said …" is not a when-question.
  const when = w.indexOf('when');
  // "which month", "what year": a calendar date, which "earlier this year" does not give.
  if (/ (what|which|exact|the) date | date in | dates? did | (what|which|in what|in which) (month|year) /.test(text)) return 'date';
  if (
    (when >= 0 && (when <= 2 || when >= w.length - 2)) ||
    / (which|what) (day|date|year|month|week|weekday|time) /.test(text) ||
    / how (recently|soon) /.test(text)
  )
    return 'time';
  // "what were the specific issues Xi said they agreed on": the things by name, which his words
  // ("some specific issues") do not give.
  if (SPECIFIC_MARKERS.test(text)) return 'specifics';
  if (asksForSpeech(w)) return 'speech';
  if (w.includes('why') || / how come | what (caused|led to|made) | (the )?reasons? /.test(text)) return 'reason';
  if (AUXILIARIES.has(first)) return 'yesno';
  return 'open';
}

/**
 * "what did X say / think", "how did X react", "X's reaction", "did X say …": someone's words or
 * views. Not "who said …" (a person), nor "what did China say no to" (what it turned down), nor a
 * speech word that is only the object ("was there a transcript of what Xi said").
 */
export function asksForSpeech(w: readonly string[]): boolean {
  const v = speechVerbAt(w);
  if (v < 0 || w.includes('who') || w[v + 1] === 'no' || w[v + 1] === 'yes') return false;
  // "does the article say …", "US can say …": nobody's words are asked for.
  if (voiceOf(w).length === 0 && (!/^(what|how)$/.test(w[0] ?? '') || NAMED_ONLY.has(w[v]!))) return false;
  // "why might Washington describe it as a success" asks a reason.
  if (NAMED_ONLY.has(w[v]!) && w.includes('why')) return false;
  // A noun ("reaction", "response", "view") asks for speech wherever it stands: "north korea's
  // reaction". Not when it is what was done with: "how were Xi's remarks [made] public" asks how.
  if (SPEECH_NOUNS.has(w[v]!)) return !(/^(how|when|where)$/.test(w[0] ?? '') && w.slice(v + 1).some((x) => DONE_WITH.has(x)));
  // A verb: its subject comes right after an auxiliary that opens the clause ("what did X say",
  // "did X say", "how did X react"), within a few words; not a passive ("was fentanyl covered").
  let aux = v - 1;
  while (aux >= 0 && !AUXILIARIES.has(w[aux]!)) aux--;
  if (aux >= 0 && BE.has(w[aux]!) && /ed$|^(said|told|spoken|thought)$/.test(w[v]!)) return false;
  // The auxiliary opens the question or a clause of it ("…, what did it say").
  const opens = aux <= 2 || QUESTION_LEADS.has(w[aux - 1] ?? '');
  // "did china get mad when biden said …": a verb in a clause of its own is not what is asked.
  const subordinate = w.slice(aux + 1, v).some((x) => SUBORDINATORS.has(x));
  return aux >= 0 && opens && v - aux <= 7 && !subordinate;
}

/** Whether a question asks for words by a noun ("Blinken's quote", "the reaction") rather than a verb. */
export function asksByNoun(w: readonly string[]): boolean {
  const v = speechVerbAt(w);
  return v >= 0 && SPEECH_NOUNS.has(w[v]!);
}

/** The index of the speech verb or noun in a question's words, or -1. */
export function speechVerbAt(w: readonly string[]): number {
  // "talk", "discuss", "cover" ask for words only in "what did X talk about", "how did X cover it":
  // "will they talk again" does not.
  return w.findIndex((word) => SPEECH_VERBS.has(word) && (!TOPIC_VERBS.has(word) || w[0] === 'what' || w[0] === 'how'));
}
/** Past participles of what is done with words: "made public", "released", "published". */
const DONE_WITH = new Set(['made', 'released', 'published', 'publicised', 'reported', 'shared', 'broadcast', 'leaked', 'announced', 'posted']);
const SUBORDINATORS = new Set(['when', 'after', 'before', 'because', 'since', 'while', 'once', 'if']);
const TOPIC_VERBS = new Set(['talk', 'talked', 'discuss', 'cover', 'covered', 'report', 'reported']);
const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been']);
const QUESTION_LEADS = new Set(['what', 'how', 'why', 'did', 'does', 'do']);

const KIND_OF = new Set(['kind', 'type', 'sort', 'make', 'model', 'brand']);
const GENERAL_NOUNS = new Set([
  'figure',
  'figures',
  'people',
  'person',
  'guy',
  'guys',
  'man',
  'woman',
  'event',
  'events',
  'thing',
  'things',
  'issue',
  'issues',
  'reason',
  'reasons',
  'factor',
  'factors',
  'topic',
  'topics',
  'way',
  'ways',
  'step',
  'steps',
  'kind',
  'kinds',
  'type',
  'types',
  'sort',
  'part',
  'parts',
  'aspect',
  'aspects',
  'point',
  'points',
  'matter',
  'matters',
  'detail',
  'details',
  'stuff',
  'happened',
  'exactly',
  'else',
  'other',
  'others',
  // Words that name what is said or what came of it, not a thing the answer must name.
  'outcome',
  'outcomes',
  'result',
  'results',
  'phrase',
  'term',
  'expression',
  'word',
  'belief',
  'idea',
  'message',
  'endgame',
  'body',
]);

/** Past tenses and participles end a noun phrase: "which fighter jet [shot] it down". */
const IRREGULAR_PAST = new Set([
  'shot',
  'saw',
  'met',
  'went',
  'came',
  'took',
  'gave',
  'said',
  'told',
  'held',
  'led',
  'brought',
  'thought',
  'spent',
  'sent',
  'left',
  'won',
  'lost',
  'hit',
  'flew',
  'ran',
  'wrote',
  'sat',
  'spoke',
  'stood',
  'knew',
  'got',
  'found',
  'built',
  'put',
  'set',
  'paid',
  'kept',
  'began',
  'rose',
  'fell',
]);
/** Common verbs in the present, which end a noun phrase too: "which tags [appear] at the top". */
const PRESENT_VERBS = new Set(
  'appear happen come go get make show mean cause matter seem exist remain stand lead play want need help stop start end begin take give keep look run hold bring sit carry pose'
    .split(' ')
    .flatMap((v) => [v, `${v}s`]),
);
function isVerb(word: string): boolean {
  return IRREGULAR_PAST.has(word) || PRESENT_VERBS.has(word) || (word.length > 4 && /(ed|ing)$/.test(word));
}

/**
 * The thing a question asks about by name: "which [company] made the balloon", "how many [aides]",
 * "what [promise] did China repeat". An entry must speak of it to answer. Null when none.
 */
export function focusOf(w: readonly string[]): string | null {
  for (let i = 0; i < w.length - 1; i++) {
    const lead = w[i]!;
    // "how many [aides]" counts a thing; "how much notice" asks an amount, which need not be a number.
    const quantity = lead === 'how' && w[i + 1] === 'many';
    if (lead === 'how' && w[i + 1] === 'much') return null;
    if (lead !== 'which' && lead !== 'what' && !quantity) continue;
    // "what kind of [aircraft]": the thing after "kind of" is the one asked for.
    if (!quantity && KIND_OF.has(w[i + 1] ?? '') && w[i + 2] === 'of') {
      const next = w[i + 3];
      return next !== undefined && !isStopWord(next) && !GENERAL_NOUNS.has(next) ? next : null;
    }
    let j = i + (quantity ? 2 : 1);
    const noun: string[] = [];
    while (j < w.length && noun.length < 3 && !isStopWord(w[j]!) && !AUXILIARIES.has(w[j]!) && !DURATION_UNITS.has(w[j]!) && !isVerb(w[j]!)) noun.push(w[j++]!);
    // The head of "which fighter jet", "which main US goal": the last word before the verb. A
    // general word ("what events", "which issues") names nothing in particular.
    const head = noun.at(-1);
    // ("how many people" still counts people.)
    if (head !== undefined && (quantity || !GENERAL_NOUNS.has(head))) return head;
    return null;
  }
  return null;
}

const DETERMINERS = new Set(['the', 'his', 'their', 'that', 'this']);
/** Verbs that end what a how-long question measures: "how long did the talks [last]". */
const LASTED = new Set(['last', 'lasts', 'lasted', 'lasting', 'go', 'goes', 'went', 'continue', 'continued']);

/**
 * What a how-long question asks the length of: "how long did the [press conference] go on" →
 * "conference", "how long was the [meeting]" → "meeting". Null when it names nothing ("how long
 * did they talk").
 */
export function lengthOf(w: readonly string[]): string | null {
  const how = w.findIndex((x, i) => x === 'how' && w[i + 1] === 'long');
  if (how < 0 || !AUXILIARIES.has(w[how + 2] ?? '')) return null;
  let j = how + 3;
  while (j < w.length && DETERMINERS.has(w[j]!)) j++;
  const noun: string[] = [];
  const ends = (x: string) => isStopWord(x) || AUXILIARIES.has(x) || LASTED.has(x) || IRREGULAR_PAST.has(x) || PRESENT_VERBS.has(x) || /ed$/.test(x);
  while (j < w.length && noun.length < 3 && !ends(w[j]!)) noun.push(w[j++]!);
  // Only a noun phrase after a determiner: "how long did blinken stay" names a person, not a thing.
  // ("how long did the two of them talk" names no thing either.)
  const head = noun.at(-1);
  return head !== undefined && j - noun.length > how + 3 && !isNumber(head) ? head : null;
}

/** "when will…", "…next…", "…again?": the question is about what comes after the talks. */
export function asksAboutFuture(w: readonly string[]): boolean {
  const going = w.findIndex((x, i) => x === 'going' && w[i + 1] === 'to');
  // "going to meet again" is about the future; "going to Beijing" is not.
  const goingTo = going >= 0 && FUTURE_VERBS.has(w[going + 2] ?? '');
  // "…meet again?" looks ahead; "who's blinken again" and "when did that happen again" ask to be reminded.
  // ("the chinese foreign minister, whats his name again" too: the question word need not lead.)
  const again = w.at(-1) === 'again' && !w.some((x) => WH_WORDS.has(x) || REMIND.has(x));
  return w.includes('will') || w.includes('next') || w.includes('future') || again || goingTo;
}

// (words() has already read "whats", "whos", "wat" as "what" and "who".)
const WH_WORDS = new Set(['who', 'what', 'when', 'where', 'which', 'how']);
const REMIND = new Set(['did', 'was', 'were', 'happened', 'remind']);
const FUTURE_VERBS = new Set([
  'meet',
  'talk',
  'visit',
  'happen',
  'restart',
  'resume',
  'change',
  'improve',
  'get',
  'have',
  'do',
  'make',
  'hold',
  'come',
  'go',
  'send',
  'supply',
  'agree',
  'sign',
  'attack',
  'invade',
  'take',
  'defend',
  'stop',
  'start',
  'reopen',
  'respond',
  'react',
  'say',
]);

/** Whether an answer speaks of what comes next, as a question about the future needs. */
export function speaksOfFuture(answer: string): boolean {
  return /\b(will|would|could|future|further|hoped?|hopes|next|plans?|expected|wishes|no date)\b/i.test(answer);
}

/** Whether an answer of one of these kinds answers a question of this kind. */
export function answers(kinds: readonly AnswerKind[], question: QuestionKind): boolean {
  const accepted = KINDS[question].accepts;
  return kinds.some((k) => accepted.includes(k));
}

const PERSON_LEAD =
  /^(Antony |Joe |Xi |Wang |Qin |Bill |Donald )?(Blinken|Biden|Xi|Wang Yi|Qin Gang|Gates|Trump|Mr Blinken|Mr Xi|The US state department|US officials|President)\b/;

/**
 * The kinds of answer a curated answer gives, read from its wording: the default for an entry
 * that does not list its `answerKinds`. Curators list them when the wording misleads.
 */
export function inferAnswerKinds(answer: string): AnswerKind[] {
  const out = new Set<AnswerKind>();
  if (/^(Yes|No)\b/.test(answer)) out.add('yesno');
  if (/[“"]/.test(answer) || /\b(said|says|told|stressed|indicated|suggested)\b/.test(answer)) out.add('speech');
  if (/\b\d+(-| )(minute|hour|day|week|month|year)s?\b|\b(two|five)-day\b|\balmost five years\b/.test(answer)) out.add('duration');
  if (/\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|last year|earlier this (week|year)|years? ago|an hour before)\b/.test(answer))
    out.add('time');
  if (/\b\d+\b/.test(answer)) out.add('quantity');
  if (/\b(Great Hall|Beijing|Tiananmen)\b/.test(answer) && /^(In|At) /.test(answer)) out.add('place');
  if (PERSON_LEAD.test(answer)) out.add('person');
  if (/\bbecause\b|\bin the wake of\b|\bsince\b/.test(answer)) out.add('reason');
  out.add('description');
  return [...out];
}
