// The curators' report: what members asked that the article could not answer, which answers they
// found unhelpful, and totals — computed from the bot's log events (src/report/log-events.ts).
import { foldTypography } from '../text/fold.ts';
import type { FeedbackFields, InteractionEvent, LogEvent, Offered } from './log-events.ts';

export interface UnansweredGroup {
  /** The most common way it was typed. */
  question: string;
  normalised: string;
  count: number;
  firstSeen: string;
  lastSeen: string;
  /** The suggestion offered most often with it (the first button of the refusal). */
  suggestion: Offered | null;
  /** How many of these refusals a member followed by pressing that suggestion. */
  suggestionPressed: number;
}

export interface NotHelpfulEntry {
  source: FeedbackFields['source'];
  id: string;
  notHelpful: number;
  helpful: number;
  /** The questions whose answers were marked Not helpful, most often first. */
  questions: Array<{ question: string; count: number }>;
}

export interface Report {
  since: string | null;
  lines: { read: number; skipped: number };
  totals: {
    /** Commands, button presses and message commands (autocomplete keystrokes are not counted). */
    interactions: number;
    autocomplete: number;
    /** Questions the bot answered, of those it was asked (commands, suggestion presses, message commands). */
    answered: number;
    asked: number;
    answeredShare: number | null;
    /** Everything not answered, by outcome (`unanswered` split by the engine's reason when logged). */
    refusals: Record<string, number>;
    /** Counted once per member per answer: a second press replaces the first. */
    feedback: { helpful: number; notHelpful: number; presses: number };
    reloads: { ok: number; refused: number };
  };
  unanswered: UnansweredGroup[];
  notHelpful: NotHelpfulEntry[];
}

/** How questions are grouped: case, punctuation, typography and spacing do not matter. */
export function normaliseQuestion(question: string): string {
  return foldTypography(question)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}']+/gu, ' ')
    .replace(/(^|\s)'+|'+(?=\s|$)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A member may still press a suggestion on a refusal this long after it (ephemeral messages live ~15 min). */
const PRESS_WINDOW_MS = 15 * 60_000;

export function buildReport(events: readonly LogEvent[], lines: { read: number; skipped: number }, since: Date | null = null): Report {
  const from = since?.getTime() ?? -Infinity;
  const kept = events.filter((e) => e.time >= from).sort((a, b) => a.time - b.time);
  const interactions = kept.filter((e): e is InteractionEvent => e.type === 'interaction');

  const totals: Report['totals'] = {
    interactions: 0,
    autocomplete: 0,
    answered: 0,
    asked: 0,
    answeredShare: null,
    refusals: {},
    feedback: { helpful: 0, notHelpful: 0, presses: 0 },
    reloads: { ok: 0, refused: 0 },
  };
  for (const e of kept) if (e.type === 'reload') totals.reloads[e.ok ? 'ok' : 'refused'] += 1;
  for (const e of interactions) {
    if (e.kind === 'autocomplete') {
      totals.autocomplete += 1;
      continue;
    }
    totals.interactions += 1;
    if (e.feedback) {
      totals.feedback.presses += 1;
      continue;
    }
    if (e.outcome === 'answered' || e.outcome === 'unanswered') totals.asked += 1;
    if (e.outcome === 'answered') totals.answered += 1;
    else {
      const reason = e.outcome === 'unanswered' && e.reason ? `unanswered: ${e.reason}` : e.outcome;
      totals.refusals[reason] = (totals.refusals[reason] ?? 0) + 1;
    }
  }
  totals.answeredShare = totals.asked > 0 ? totals.answered / totals.asked : null;

  const feedback = latestFeedback(interactions);
  for (const f of feedback) totals.feedback[f.helpful ? 'helpful' : 'notHelpful'] += 1;

  return {
    since: since?.toISOString() ?? null,
    lines,
    totals,
    unanswered: unansweredGroups(interactions),
    notHelpful: notHelpfulEntries(feedback),
  };
}

function unansweredGroups(interactions: readonly InteractionEvent[]): UnansweredGroup[] {
  const groups = new Map<string, { events: InteractionEvent[]; typed: Map<string, number> }>();
  for (const e of interactions) {
    if (e.outcome !== 'unanswered' || e.question === undefined || e.feedback) continue;
    const key = normaliseQuestion(e.question);
    if (!key) continue;
    const group = groups.get(key) ?? { events: [] as InteractionEvent[], typed: new Map<string, number>() };
    group.events.push(e);
    const typed = e.question.trim();
    group.typed.set(typed, (group.typed.get(typed) ?? 0) + 1);
    groups.set(key, group);
  }
  // Presses by member and button, in time order: each refusal looks only at its own member's presses.
  const presses = new Map<string, InteractionEvent[]>();
  for (const e of interactions) {
    if (e.kind !== 'button' || e.customId === undefined || e.feedback || e.user === undefined) continue;
    const key = `${e.user}\u0000${e.customId}`;
    const list = presses.get(key) ?? [];
    list.push(e);
    presses.set(key, list);
  }
  for (const list of presses.values()) list.sort((x, y) => x.time - y.time);

  const out: UnansweredGroup[] = [];
  for (const [normalised, { events, typed }] of groups) {
    const offeredCounts = new Map<string, { offered: Offered; count: number }>();
    for (const e of events) {
      const first = e.offered?.[0];
      if (!first) continue;
      const seen = offeredCounts.get(first.customId) ?? { offered: first, count: 0 };
      seen.count += 1;
      offeredCounts.set(first.customId, seen);
    }
    const suggestion = mostCommon([...offeredCounts.values()].map((v) => [v.offered, v.count] as const));
    // A refusal counts as followed when the same member pressed the suggestion after it.
    const used = new Set<InteractionEvent>();
    let suggestionPressed = 0;
    if (suggestion) {
      for (const e of events) {
        if (e.user === undefined || !e.offered?.some((o) => o.customId === suggestion.customId)) continue;
        const candidates = presses.get(`${e.user}\u0000${suggestion.customId}`) ?? [];
        const press = candidates.find((p) => !used.has(p) && p.time >= e.time && p.time - e.time <= PRESS_WINDOW_MS);
        if (press) {
          used.add(press);
          suggestionPressed += 1;
        }
      }
    }
    out.push({
      question: mostCommon([...typed.entries()]) ?? normalised,
      normalised,
      count: events.length,
      firstSeen: new Date(events[0]!.time).toISOString(),
      lastSeen: new Date(events.at(-1)!.time).toISOString(),
      suggestion,
      suggestionPressed,
    });
  }
  return out.sort((a, b) => b.count - a.count || b.lastSeen.localeCompare(a.lastSeen));
}

/** One press per member per answer: the last one. */
function latestFeedback(interactions: readonly InteractionEvent[]): FeedbackFields[] {
  const latest = new Map<string, FeedbackFields>();
  let anonymous = 0;
  for (const e of interactions) {
    const f = e.feedback;
    if (!f) continue;
    // Without a member hash there is nothing to de-duplicate by: each press counts.
    const key = e.user === undefined ? `#${anonymous++}` : [e.user, f.source, f.id, f.message ?? f.question ?? ''].join('\u0000');
    latest.delete(key);
    latest.set(key, f);
  }
  return [...latest.values()];
}

function notHelpfulEntries(feedback: readonly FeedbackFields[]): NotHelpfulEntry[] {
  const byEntry = new Map<string, NotHelpfulEntry & { asked: Map<string, number> }>();
  for (const f of feedback) {
    const key = `${f.source}:${f.id}`;
    const entry = byEntry.get(key) ?? { source: f.source, id: f.id, notHelpful: 0, helpful: 0, questions: [], asked: new Map<string, number>() };
    if (f.helpful) entry.helpful += 1;
    else {
      entry.notHelpful += 1;
      if (f.question) entry.asked.set(f.question, (entry.asked.get(f.question) ?? 0) + 1);
    }
    byEntry.set(key, entry);
  }
  return [...byEntry.values()]
    .filter((e) => e.notHelpful > 0)
    .map(({ asked, ...e }) => ({ ...e, questions: [...asked.entries()].map(([question, count]) => ({ question, count })).sort((a, b) => b.count - a.count) }))
    .sort((a, b) => b.notHelpful - a.notHelpful || a.helpful - b.helpful || a.id.localeCompare(b.id));
}

function mostCommon<T>(counted: ReadonlyArray<readonly [T, number]>): T | null {
  let best: readonly [T, number] | undefined;
  for (const c of counted) if (!best || c[1] > best[1]) best = c;
  return best ? best[0] : null;
}
