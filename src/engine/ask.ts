// /ask: parse the question once, rank the curated entries two ways, keep only entries that give
// the kind of answer asked for about the people named, and answer when the rankers make the top
// entry safe; otherwise answer from one passage that clearly covers the question, or refuse,
// citing the nearest passage with a note when the article comes near without answering.
import { CHINA_SIDE, reportedSpeakers, US_SIDE, type Analysis, type EntryRecord } from './analysis.ts';
import { bestSentence, citation } from './cite.ts';
import { answers, inferAnswerKinds, KINDS, speaksOfFuture, type AnswerKind } from './kinds.ts';
import { parseQuestion, type ParsedQuestion } from './question.ts';
import { scoreEntries, scorePassages, type Scored } from './rank.ts';
import { realWordFixes } from './real-words.ts';
import { alternatives, relatedTo } from './suggest.ts';
import { TUNING } from './tuning.ts';
import { isNumber, stem, words } from './text.ts';
import type { Answered, AskResult, Citation, Refused } from './types.ts';

export { starters } from './suggest.ts';

/** Thresholds compare sums of floating-point weights: 0.4 must not fail as 0.40000000000000002. */
const EPSILON = 1e-9;

interface Decision {
  result: AskResult;
  /** How much of the question the answer's entry left unfound (0 for a passage answer). */
  missing?: number;
  /** Whether the answer was a confident one: a real-word-typo correction is only taken when it is. */
  strong: boolean;
}

const OUTLET = /\b(?:publish\w*|outlet|site|website|paper|newspaper|network|organi[sz]ation|source|bbc|cnn)\b/i;
/** Words asking who put the report out, not who wrote it: "who published this". */
const PUBLISHER = /\b(?:publish\w*|outlet|site|website|newspaper|network)\b/i;
const AUTHOR = /\b(?:wrote|write|writes|written|author|authored|reporter|journalist|byline|writer)\b/i;

/**
 * "Who wrote this?", "who's the journalist that wrote this BBC piece", "which reporter wrote it":
 * the report's author, which the page does not give. "Who published it" asks the outlet.
 */
function asksAuthor(q: ParsedQuestion): boolean {
  if (!AUTHOR.test(q.clause) || PUBLISHER.test(q.clause)) return false;
  if (q.kind === 'report' && !OUTLET.test(q.clause)) return true;
  return (q.kind === 'report' || /^\s*(?:who|which|what)\b/i.test(q.clause)) && AUTHOR_ASKED.test(q.clause);
}
/** The author asked for by name of role, or as whoever wrote the report. */
const AUTHOR_ASKED = /\b(?:author|reporter|journalist|byline|writer)\b|\bwr(?:ote|itten|ites?) (?:this|the|that|it)\b/i;

const REACTION = /\b(?:respond\w*|react\w*|response|take|took|taken)\b/i;
const WHO_SAID = /^\s*who(?:'?s)? (?:said|says|say|stated|told|stressed|claimed|made|used|came up with|coined)\b/i;

/** An answer about the past, for a question about someone's past (`asksPast`). */
const PAST = /\b(?:before|previous|previously|former|formerly|earlier|prior|used to)\b/i;

/**
 * Whose words a speech question asks for, worked out once per question: a speaker or one of the
 * two sides (`speaker`), or a place the article names (`place`, stemmed). Neither for other kinds.
 */
interface Voice {
  speaker: string | undefined;
  place: string | null;
}

function voiceOfQuestion(a: Analysis, q: ParsedQuestion): Voice {
  if (q.kind !== 'speech') return { speaker: undefined, place: null };
  return { speaker: voiceSpeaker(a, q), place: placeVoice(a, q) };
}

/** Whether an entry is about the speaker: its phrasings, keywords or answer use their name. */
function mentionsSpeaker(a: Analysis, record: EntryRecord, speakerId: string): boolean {
  const terms = a.speakerTerms.get(speakerId) ?? [];
  return terms.some((t) => record.doc.core.has(t) || record.doc.answer.has(t));
}

/** Words that give a count without a figure: "several aides", "dozens of reporters". */
const COUNT_WORDS = new Set(['hundreds', 'thousands', 'dozen', 'dozens', 'several', 'many', 'few']);

/** Whether an answer gives a number of the thing counted: "35 minutes", "two days", "61" for age. */
function counts(answer: string, focus: string): boolean {
  const w = words(answer);
  return w.some((x, i) => (isNumber(x) || COUNT_WORDS.has(x)) && w.slice(i + 1, i + 3).some((y) => stem(y) === focus));
}

/** A term and the words of its synonym groups. */
function withSynonyms(a: Analysis, t: string): string[] {
  return [t, ...(a.synonyms.get(t) ?? [])];
}

/** Whether an entry's phrasings, keywords, answer or passages use the term. */
function mentions(doc: EntryRecord['doc'], t: string): boolean {
  return doc.core.has(t) || doc.answer.has(t) || doc.passage.has(t);
}

/**
 * "which [company] made the balloon": the entry, its answer or its passages must name the thing,
 * by its own word or a curated synonym. When the knowledge lists instances of it ("company":
 * microsoft), one of them must be named: "which companies are helping Russia" is not answered by
 * "private Chinese companies". A general synonym is too loose here: "what tariffs" is not "trade".
 */
function speaksOf(a: Analysis, record: Pick<EntryRecord, 'doc'>, focus: string | null): boolean {
  if (focus === null) return true;
  const has = (t: string) => mentions(record.doc, t);
  const instances = a.instances.get(focus);
  if (instances) return instances.some(has);
  return [focus, ...(a.curatedSynonyms.get(focus) ?? [])].some(has);
}

const CHINA_WORDS = new Set(['china', 'chinese', 'beijing']);
const US_WORDS = new Set(['us', 'washington', 'american', 'americans', 'america', 'officials', 'department']);

/**
 * Whose words a speech question asks for, when it names someone the article reports: a speaker
 * ("what did [Xi] say") or one of the two sides ("what did [China] say"). Undefined for "they".
 */
function voiceSpeaker(a: Analysis, q: ParsedQuestion): string | undefined {
  if (!q.voice || q.voice.length === 0) return undefined;
  const voices = q.speakers.filter((id) => a.speakerNames.find((s) => s.id === id)?.names.some((n) => n.every((x) => q.voice?.includes(x))));
  // "what did Blinken and Xi cover": both sides of the talks, so what was discussed, not one's words.
  if (voices.length > 1) return undefined;
  const named = voices[0];
  if (named) return named;
  // "Chinese state media" is not China's government: a voice the article never reports stays unknown.
  if (unknownVoice(a, q)) return undefined;
  if (q.voice.some((w) => CHINA_WORDS.has(w))) return CHINA_SIDE;
  if (q.voice.some((w) => US_WORDS.has(w))) return US_SIDE;
  return undefined;
}

/**
 * Whether an entry is about everyone the question names. "What did Blinken and Xi agree on" names
 * both sides of the talks, and an entry about either answers it. The two people the report is
 * about (its lede's: Blinken and Xi) are in every entry about their meeting: "what was Xi
 * signalling by meeting Blinken" is answered by an entry about Xi alone.
 */
function aboutSpeakers(a: Analysis, q: ParsedQuestion, record: EntryRecord): boolean {
  if (q.together) return q.speakers.some((id) => mentionsSpeaker(a, record, id));
  for (const id of q.speakers) {
    if (mentionsSpeaker(a, record, id)) continue;
    if (!a.principals.has(id)) return false;
    if (!q.speakers.some((other) => other !== id && a.principals.has(other) && mentionsSpeaker(a, record, other))) return false;
  }
  return true;
}

/**
 * Whether an entry answers this question: it gives the kind of answer asked for, about everyone
 * the question names, speaks of the thing asked about by name, and, for "what did X say", reports
 * words of X ("what did Xi say about North Korea" is not answered by the list of topics).
 */
function suits(a: Analysis, q: ParsedQuestion, voice: Voice, record: EntryRecord): boolean {
  // "Which US president said …": an answer that opens on the holder of the role asked by gives the person.
  const givesRole = q.kind === 'person' && record.firstNamed !== null && q.asksByRole.includes(record.firstNamed);
  // "Who said the line about …": an answer that opens on the one whose words it reports gives the person.
  const givesSpeaker = q.kind === 'person' && WHO_SAID.test(q.clause) && record.firstNamed !== null && speaks(a, record.firstNamed, record.saidBy);
  // "How did Beijing respond …": an entry that reports the reaction of whoever is asked about answers it.
  const givesReaction = q.kind === 'speech' && REACTION.test(q.clause) && voice.speaker !== undefined && speaks(a, voice.speaker, record.saidBy);
  if (!answers(record.kinds, q.kind) && !givesRole && !givesSpeaker && !givesReaction) return false;
  // "Will the militaries talk again?" needs an answer about what comes next.
  if (q.future && !record.future) return false;
  if (!aboutSpeakers(a, q, record)) return false;
  if (!speaksOf(a, record, q.focus)) return false;
  // "Who was the last secretary of state to visit before Blinken?" is not answered by Blinken.
  if (q.kind === 'person' && record.firstNamed !== null && q.excluded.includes(record.firstNamed)) return false;
  if (q.kind === 'time' && !knowsEvent(a, q, record)) return false;
  // "How long did the press conference go on" is not answered by the length of the meeting: the
  // entry's question or answer must name what is measured (or a synonym of it).
  const { lengthOf } = q;
  if (lengthOf !== null && !withSynonyms(a, lengthOf).some((t) => record.doc.core.has(t) || record.doc.answer.has(t))) return false;
  // "What was Blinken's job before he became Secretary of State?" is not answered by his job now.
  if (q.asksPast && !PAST.test(record.entry.answer)) return false;
  // "How many reporters …": the answer must count them (a number by the word), or list them.
  if (q.kind === 'quantity' && q.focus !== null && !record.kinds.includes('list') && !counts(record.entry.answer, q.focus)) return false;
  // "does Taiwan think it's part of China": the view of a place the article names, given by an
  // answer about that place ("Taiwan sees itself as …"), not by one about another's view of it.
  if (voice.place) return isAbout(record.entry.answer, voice.place);
  return voice.speaker === undefined || speaks(a, voice.speaker, record.saidBy);
}

/**
 * A thing the article names (an instance of a category in knowledge/synonyms.json: "taiwan",
 * "russia") as the voice of a speech question, stemmed; else null.
 */
function placeVoice(a: Analysis, q: ParsedQuestion): string | null {
  if (!q.voice || q.voice.length !== 1 || a.voices.has(q.voice[0]!)) return null;
  const t = stem(q.voice[0]!);
  return [...a.instances.values()].some((names) => names.includes(t)) ? t : null;
}

/** Whether a text is about the thing (stemmed) it opens with: "Taiwan sees itself as …". */
function isAbout(text: string, subject: string): boolean {
  return words(text)
    .slice(0, 2)
    .some((w) => stem(w) === subject);
}

/** Verbs a when-question may end on that name the event it asks the time of. */
const EVENT_VERBS = new Set([
  'end',
  'ends',
  'ended',
  'start',
  'starts',
  'started',
  'begin',
  'begins',
  'began',
  'finish',
  'finishes',
  'finished',
  'expire',
  'expires',
  'expired',
  'arrive',
  'arrives',
  'arrived',
  'leave',
  'leaves',
  'return',
  'returns',
  'returned',
  'elected',
  'appointed',
  'retire',
  'retires',
  'born',
]);

/**
 * "When does Xi's term [end]?": a when-question that ends on an event's verb asks the time of that
 * event, and the entry must speak of it, by its word or a synonym, or it gives the time of
 * something else ("during his term in office").
 */
function knowsEvent(a: Analysis, q: ParsedQuestion, record: EntryRecord): boolean {
  const last = words(q.clause).at(-1);
  if (last === undefined || !EVENT_VERBS.has(last)) return true;
  const event = stem(last);
  return withSynonyms(a, event).some((t) => mentions(record.doc, t));
}

/** Whether the voice asked for is among those an answer reports: a side speaks through its people (by their role in speakers.json), so Xi's words are China's. */
function speaks(a: Analysis, voice: string, saidBy: ReadonlySet<string>): boolean {
  return saidBy.has(voice) || [...saidBy].some((id) => a.sides.get(id) === voice);
}

/** "what did the Kremlin say": the article reports words of its speakers and of the two sides only. */
function unknownVoice(a: Analysis, q: ParsedQuestion): boolean {
  return q.voice !== null && q.voice.some((w) => !a.voices.has(w));
}

/** The curated answer, without a "Yes." or "No." that the question did not ask for. */
function answerText(record: EntryRecord, q: ParsedQuestion): string {
  const text = record.entry.answer;
  if (q.kind === 'yesno' || !record.kinds.includes('yesno')) return text;
  const rest = text.replace(/^(Yes|No)\b[.,;:]?\s*(?:[—–-]\s*)?/, '');
  return rest.length > 0 ? rest[0]!.toUpperCase() + rest.slice(1) : text;
}

function answerFrom(a: Analysis, q: ParsedQuestion, record: EntryRecord, ranked: readonly Scored[]): Answered {
  const citations = record.entry.passages.flatMap((id) => {
    const p = a.knowledge.passageById.get(id);
    return p ? [citation(p)] : [];
  });
  return { query: q.query, answered: true, answer: answerText(record, q), citations, suggestions: relatedTo(a, record, ranked), entryId: record.entry.id };
}

/** "bill gates xi" → "Bill Gates and Xi Jinping": each speaker by name, other words as typed. */
function voiceNames(a: Analysis, voice: readonly string[]): string {
  const parts: string[] = [];
  let rest: string[] = [];
  for (let i = 0; i < voice.length;) {
    const sp = a.speakerNames.find((s) => s.names.some((n) => n.every((x, j) => voice[i + j] === x)));
    const name = sp?.names.filter((n) => n.every((x, j) => voice[i + j] === x)).sort((x, y) => y.length - x.length)[0];
    if (sp && name) {
      if (rest.length > 0) parts.push(titleCase(rest));
      rest = [];
      parts.push(a.knowledge.speakers.find((s) => s.id === sp.id)?.name ?? titleCase(name));
      i += name.length;
    } else rest.push(voice[i++]!);
  }
  if (rest.length > 0) parts.push(titleCase(rest));
  return parts.join(' and ');
}

const titleCase = (w: readonly string[]) => w.map((x) => (x === 'us' ? 'US' : x[0]!.toUpperCase() + x.slice(1))).join(' ');

/** "…about human rights?" → " about human rights", as typed, when short enough to repeat. */
function aboutWhat(q: ParsedQuestion): string {
  const m = /\babout\s+([^?!.]{1,60}?)\s*[?!.]*\s*$/i.exec(q.clause);
  const topic = m?.[1]?.trim();
  return topic && topic.split(/\s+/).length <= 5 ? ` about ${topic}` : '';
}

/** The sentence a refusal carries: what the article does not say, and where it comes nearest. */
function refusalNote(a: Analysis, q: ParsedQuestion, nearest: Citation | null): string {
  let says: string;
  const named = q.kind === 'speech' ? voiceSpeaker(a, q) : undefined;
  if (q.kind === 'speech' && q.voice && q.voice.length > 0 && (named || unknownVoice(a, q))) {
    const who =
      named === CHINA_SIDE
        ? 'China'
        : named === US_SIDE
          ? 'the US'
          : named
            ? (a.knowledge.speakers.find((s) => s.id === named)?.name ?? titleCase(q.voice))
            : voiceNames(a, q.voice);
    says = `The article doesn't report what ${who} said${aboutWhat(q)}`;
  } else if (q.kind === 'speech') {
    says = `The article doesn't report that${aboutWhat(q) ? ` being said${aboutWhat(q)}` : ''}`;
  } else {
    const what: Partial<Record<typeof q.kind, string>> = {
      person: 'who',
      place: 'where',
      time: 'when',
      duration: 'how long',
      quantity: 'that number',
      reason: 'why',
      specifics: 'which ones by name',
    };
    says = `The article doesn't say ${what[q.kind] ?? 'that'}`;
  }
  return nearest ? `${says}; the nearest it comes is ${nearest.label ? `its ${nearest.label}` : `paragraph ${nearest.paragraph}`}, quoted below.` : `${says}.`;
}

/** What the bot can say about the report itself when no entry answers: its outlet and headline. */
function reportNote(a: Analysis): string {
  return `This is the ${a.knowledge.outlet} report “${a.knowledge.title}”; its paragraphs don't say more about the report itself. Ask about what it says.`;
}

function refuse(a: Analysis, q: ParsedQuestion, ranked: readonly Scored[], nearest: Citation | null): Refused {
  return {
    query: q.query,
    answered: false,
    answer: null,
    entryId: null,
    citations: nearest ? [nearest] : [],
    suggestions: alternatives(a, q.terms, ranked),
    ...(nearest || q.kind === 'speech' ? { note: refusalNote(a, q, nearest) } : {}),
  };
}

/** The passage a refusal cites: the best entry's, when the question is clearly about what it covers. */
function nearestPassage(a: Analysis, q: ParsedQuestion, ranked: readonly Scored[]): Citation | null {
  const top = ranked[0];
  if (!top || !top.anchored || top.coverage < TUNING.relatedMinCoverage) return null;
  const id = top.record.entry.passages[0];
  const p = id ? a.knowledge.passageById.get(id) : undefined;
  return p ? citation(p) : null;
}

function decide(a: Analysis, q: ParsedQuestion): Decision {
  const ranked = scoreEntries(a, q.terms, q.context);
  const refused = (nearest: Citation | null = nearestPassage(a, q, ranked)): Decision =>
    // About the report itself ("who is the reporter"): answered only by an entry of kind `report`; else say what the report is.
    q.kind === 'report'
      ? { result: { ...refuse(a, q, ranked, null), note: reportNote(a) }, strong: false }
      : { result: refuse(a, q, ranked, nearest), strong: false };

  // "Who wrote this?": the page names no author, so the outlet is no answer; say what the report is.
  // ("Who's the journalist that wrote this BBC piece?" asks for a person: the outlet is no answer either.)
  if (asksAuthor(q)) {
    const note = `The article names no author: it is the ${a.knowledge.outlet} report “${a.knowledge.title}”.`;
    // A settled refusal: no real-word "correction" may turn it into an answer about the outlet.
    return { result: { ...refuse(a, q, ranked, null), note }, strong: true };
  }
  // Nothing in a 2023 report answers what the time is now.
  if (KINDS[q.kind].accepts.length === 0) return refused(null);

  // "What did Wang Yi say?": the article names him but reports no words of his; "what did the
  // Kremlin say?": it reports no one of that name at all.
  const subject = q.speakers[0];
  const voice = voiceOfQuestion(a, q);
  if (q.kind === 'speech' && ((subject && !a.speaking.has(subject)) || (unknownVoice(a, q) && !voice.place))) return refused();

  // Only entries that give the kind of answer asked for, about everyone the question names, and
  // that speak of the thing it asks about by name.
  const fits = (s: Scored) => suits(a, q, voice, s.record);
  // The second ranker's first entry that suits, worked out only when the first ranker is unsure.
  let bm25First: string | null | undefined;
  let bm25Voters: string[] | undefined;
  // Among its first few only: an entry BM25 ranks fifth, behind four that do not suit, is no vote.
  const bm25Votes = () => (bm25Voters ??= a.bm25.rank(q.terms, a.synonyms).slice(0, TUNING.bm25Votes));
  const bm25Top = () => {
    if (bm25First === undefined) {
      bm25First =
        bm25Votes().find((id) => {
          const r = a.entryById.get(id);
          return r !== undefined && suits(a, q, voice, r);
        }) ?? null;
    }
    return bm25First;
  };
  const suitable = ranked.filter(fits);
  let top = suitable[0];
  // Near-ties go to the entry BM25 puts first: the two rankers err differently.
  let near = top ? suitable.filter((s) => top!.score - s.score <= TUNING.nearTie) : [];
  // When the first entry covers the question and gives the kind of answer asked ("did they
  // meet": yes), BM25 may not prefer a near-tie that merely settles it (the meeting's venue).
  const native = (s: Scored) => s.record.kinds.includes(q.kind as AnswerKind);
  if (top && native(top) && top.coverage >= TUNING.answerMinCoverage) near = near.filter(native);
  if (near.length > 1) top = near.find((s) => s.record.entry.id === bm25Top()) ?? top;
  if (top && top.anchored) {
    // One word of the question matched and another left unfound is a question about something else
    // that shares a word with the article ("is microsoft teams down").
    const lone = top.matched < 2 && top.missing > EPSILON;
    // "which abuses, like xinjiang or hong kong": things by name that the knowledge base never
    // names are things the article does not list.
    if (q.kind === 'specifics' && top.missing - top.missingKnown > EPSILON) return refused();
    const strong = !lone && top.coverage >= TUNING.answerMinCoverage && top.missing <= TUNING.answerMaxMissing + EPSILON;
    if (strong) return { result: answerFrom(a, q, top.record, ranked), strong, missing: top.missing };
    // A name the article never uses ("how to get more followers on tiktok") is what the question
    // is about: only a clear answer will do.
    if (q.foreign.length > 0 && !q.long) return refused();
    // Not for "what did X say about Y" when Y goes unfound: that is the shape of a question the
    // article does not answer.
    const speechFound = q.kind !== 'speech' || top.missingKnown <= TUNING.agreedMaxMissingKnown + EPSILON;
    // Both rankers agree: a lower coverage floor, and more of the question may go unfound if the
    // entry matches two of the question's own words.
    const missingOk =
      top.missing <= TUNING.answerMaxMissing + EPSILON ||
      (top.missing <= TUNING.agreedMaxMissing + EPSILON && top.matched >= 2 && speechFound) ||
      // A paraphrase leaves much of the question unfound, but three of its own words found in the
      // one entry both rankers put first is no coincidence.
      (top.missing <= TUNING.agreedWideMaxMissing + EPSILON &&
        top.matched >= TUNING.agreedWideMinMatched &&
        top.coverage >= TUNING.agreedWideMinCoverage &&
        speechFound);
    const agreed = top.coverage >= TUNING.agreedMinCoverage && missingOk && bm25Top() === top.record.entry.id;
    if (agreed) return { result: answerFrom(a, q, top.record, ranked), strong };
    // Nearly clear on its own (half of the question covered, at most half of it unfound, two of
    // its own words found), and among BM25's first few: the other ranker does not disagree.
    const nearlyClear =
      !lone &&
      top.coverage >= TUNING.seconded.minCoverage &&
      top.missing <= TUNING.seconded.maxMissing + EPSILON &&
      speechFound &&
      bm25Votes().includes(top.record.entry.id);
    if (nearlyClear) return { result: answerFrom(a, q, top.record, ranked), strong };
  }
  // Words the knowledge base has never seen ("roommate", "lowkey") weigh little, if the entry
  // matches enough of the question's own words and the other ranker agrees.
  // Only in a long message: in a short question the unknown word is most likely what it is about ("did they raise hong kong").
  const loose = q.long ? scoreEntries(a, q.terms, q.context, TUNING.looseUnknownFactor).find(fits) : undefined;
  if (
    loose &&
    loose.anchored &&
    loose.matched >= TUNING.looseMinMatched &&
    loose.coverage >= TUNING.answerMinCoverage &&
    loose.missing <= TUNING.answerMaxMissing + EPSILON &&
    bm25Top() === loose.record.entry.id
  ) {
    return { result: answerFrom(a, q, loose.record, ranked), strong: false };
  }

  // No curated entry fits: answer from a single passage only when it clearly covers the question.
  const passages = scorePassages(a, q.terms);
  const best = passages[0];
  if (best) {
    const runnerUp = passages[1];
    const sentence = bestSentence(best.passage, q.terms);
    const clear =
      best.c.anchored &&
      best.c.coverage >= TUNING.passageMinCoverage &&
      best.c.missing === 0 &&
      (!runnerUp || best.c.coverage - runnerUp.c.coverage >= TUNING.passageMinLead) &&
      answers(inferAnswerKinds(sentence), q.kind) &&
      (!q.future || speaksOfFuture(sentence)) &&
      speaksOf(a, best, q.focus) &&
      (voice.speaker === undefined || speaks(a, voice.speaker, reportedSpeakers(a.knowledge, sentence))) &&
      (voice.place === null || isAbout(sentence, voice.place)) &&
      q.speakers.every((id) => (a.speakerTerms.get(id) ?? []).some((t) => best.doc.core.has(t)));
    if (clear) {
      return {
        result: {
          query: q.query,
          answered: true,
          answer: sentence,
          citations: [citation(best.passage)],
          suggestions: alternatives(a, q.terms, ranked),
          entryId: null,
        },
        strong: true,
      };
    }
  }
  return refused();
}

/** The passage that answers the first part of a two-part question goes first. */
function firstPartFirst(a: Analysis, q: ParsedQuestion, answer: Answered): Answered {
  const ranked = scorePassages(a, q.terms);
  const rank = (id: string) => ranked.findIndex((p) => p.passage.id === id);
  const best = [...answer.citations].sort((x, y) => rank(x.id) - rank(y.id))[0];
  if (!best || best === answer.citations[0]) return answer;
  return { ...answer, citations: [best, ...answer.citations.filter((c) => c !== best)] };
}

/** Both parts of "what did they agree to and what did they turn down", the first part's first. */
function withSecondPart(a: Analysis, q: ParsedQuestion, answered: Answered, second: string): Answered {
  const first = firstPartFirst(a, q, answered);
  const other = decide(a, parseQuestion(a, second)).result;
  if (!other.answered || other.entryId === first.entryId || other.entryId === null) return first;
  const seen = new Set(first.citations.map((c) => c.id));
  return {
    ...first,
    answer: `${first.answer}\n${other.answer}`,
    citations: [...first.citations, ...other.citations.filter((c) => !seen.has(c.id))],
  };
}

export function ask(a: Analysis, question: string): AskResult {
  const q = parseQuestion(a, question);
  const { result, strong } = decide(a, q);
  const done = (r: AskResult) => (r.answered && q.second ? withSecondPart(a, q, r, q.second) : r);
  if (strong) return done(result);
  // "did they meat in beijing": a real word typed for a word of the article. Take the correction
  // only when it turns a refusal or a weak answer into a confident one.
  for (const fixed of realWordFixes(a, q.query)) {
    const retry = decide(a, parseQuestion(a, fixed));
    // Clearly answerable: a confident answer that leaves little of the corrected question unfound.
    if (retry.strong && retry.result.answered && (retry.missing ?? 0) <= TUNING.realWordMaxMissing) return done({ ...retry.result, query: q.query });
  }
  return done(result);
}

export function askEntry(a: Analysis, entryId: string): AskResult | null {
  const record = a.entryById.get(entryId);
  if (!record) return null;
  const q = parseQuestion(a, record.entry.questions[0] ?? entryId);
  const ranked = scoreEntries(a, record.phrasings[0]?.terms ?? []);
  return answerFrom(a, q, record, ranked);
}
