// Scores the engine on eval cases the way test/data/README.md describes: an answer is right
// when its first citation contains an expected phrase, after folding typography and case.
import type { Engine } from '../engine/types.ts';
import { foldForCompare } from '../text/fold.ts';
import type { AskCase, QuoteCase, TopicCase } from './cases.ts';

export const contains = (text: string, phrase: string) => foldForCompare(text).includes(foldForCompare(phrase));

export interface AskOutcome {
  c: AskCase;
  answered: boolean;
  top1: boolean;
  top3: boolean;
  faithful: boolean;
  firstCitation: string | null;
}

export function runAsk(engine: Engine, cases: AskCase[], article: string): AskOutcome[] {
  return cases.map((c) => {
    const r = engine.ask(c.q);
    const hit = (i: number) => !!c.expect && !!r.citations[i] && c.expect.some((p) => contains(r.citations[i]!.text, p));
    return {
      c,
      answered: r.answered,
      top1: r.answered && hit(0),
      top3: r.answered && [0, 1, 2].some(hit),
      faithful: r.citations.every((x) => article.includes(x.text)),
      firstCitation: r.citations[0]?.id ?? null,
    };
  });
}

export interface KindSummary {
  kind: string;
  n: number;
  top1: number;
  top3: number;
  refused: number;
}

export function summarise(outcomes: AskOutcome[]): KindSummary[] {
  const kinds = [...new Set(outcomes.map((o) => o.c.kind))];
  return kinds.map((kind) => {
    const of = outcomes.filter((o) => o.c.kind === kind);
    return {
      kind,
      n: of.length,
      top1: of.filter((o) => o.top1).length,
      top3: of.filter((o) => o.top3).length,
      refused: of.filter((o) => !o.answered).length,
    };
  });
}

export interface QuoteOutcome {
  c: QuoteCase;
  ok: boolean;
  why: string;
}

export function runQuote(engine: Engine, cases: QuoteCase[], article: string): QuoteOutcome[] {
  return cases.map((c) => {
    const r = engine.quote(c.speaker, c.about);
    const problems: string[] = [];
    if (r.speaker !== c.expectSpeaker) problems.push(`speaker ${r.speaker} (expected ${c.expectSpeaker})`);
    if (c.expectQuotes !== undefined && r.quotes.length !== c.expectQuotes) problems.push(`${r.quotes.length} quotes (expected ${c.expectQuotes})`);
    for (const phrase of c.mustInclude) if (!r.quotes.some((q) => contains(q.text, phrase))) problems.push(`missing “${phrase}”`);
    for (const q of r.quotes) if (!q.citation.text.includes(q.text) || !article.includes(q.citation.text)) problems.push(`not verbatim: ${q.id}`);
    return { c, ok: problems.length === 0, why: problems.join('; ') };
  });
}

export interface TopicOutcome {
  c: TopicCase;
  ok: boolean;
  why: string;
}

export function runTopic(engine: Engine, cases: TopicCase[], article: string): TopicOutcome[] {
  return cases.map((c) => {
    const r = engine.topic(c.name);
    const problems: string[] = [];
    if (r.topic !== c.expectTopic) problems.push(`topic ${r.topic} (expected ${c.expectTopic})`);
    for (const phrase of c.mustCite) if (!r.citations.some((x) => contains(x.text, phrase))) problems.push(`missing “${phrase}”`);
    for (const x of r.citations) if (!article.includes(x.text)) problems.push(`not verbatim: ${x.id}`);
    return { c, ok: problems.length === 0, why: problems.join('; ') };
  });
}
