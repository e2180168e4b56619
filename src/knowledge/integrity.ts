import { foldForCompare } from '../text/fold.ts';
import { KNOWLEDGE_FILES } from './schema.ts';
import type { Knowledge } from './types.ts';

/** A phrasing as the duplicate check compares it: case, typography and punctuation ignored. */
function phrasingKey(q: string): string {
  return foldForCompare(q).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/**
 * Cross-file checks the schemas cannot express. Returns one message per problem;
 * `name` turns a knowledge file name into how it is shown (e.g. `knowledge/qa.json`).
 */
export function checkIntegrity(k: Knowledge, name: (file: string) => string): string[] {
  const problems: string[] = [];
  const source = name(KNOWLEDGE_FILES.source.file);
  const speakersFile = name(KNOWLEDGE_FILES.speakers.file);
  const quotesFile = name(KNOWLEDGE_FILES.quotes.file);
  const topicsFile = name(KNOWLEDGE_FILES.topics.file);
  const qaFile = name(KNOWLEDGE_FILES.qa.file);

  const uniqueIds = (file: string, list: string, items: { id: string }[]) => {
    const seen = new Map<string, number>();
    items.forEach((item, i) => {
      const first = seen.get(item.id);
      if (first === undefined) seen.set(item.id, i);
      else problems.push(`${file}: ${list}[${i}].id: duplicate id "${item.id}" (also ${list}[${first}])`);
    });
  };
  uniqueIds(source, 'passages', k.passages);
  uniqueIds(source, 'page', k.page);
  uniqueIds(speakersFile, 'speakers', k.speakers);
  uniqueIds(quotesFile, 'quotes', k.quotes);
  uniqueIds(topicsFile, 'topics', k.topics);
  uniqueIds(qaFile, 'entries', k.qa);

  // Passages are cited as "paragraph N", so p7 must be the article's 7th paragraph.
  k.passages.forEach((p, i) => {
    if (p.id !== `p${i + 1}`) problems.push(`${source}: passages[${i}].id: expected "p${i + 1}" (passages are numbered in article order), found "${p.id}"`);
    if (!k.article.includes(p.text)) problems.push(`${source}: passages[${i}].text: not found verbatim in the article text (${name('article.txt')})`);
  });
  k.page.forEach((l, i) => {
    if (!k.article.includes(l.text)) problems.push(`${source}: page[${i}].text: not found verbatim in the article text (${name('article.txt')})`);
  });

  const passageRef = (file: string, where: string, id: string) => {
    if (!k.passageById.has(id)) problems.push(`${file}: ${where}: no passage "${id}"`);
  };
  const speakerIds = new Set(k.speakers.map((s) => s.id));
  const topicIds = new Set(k.topics.map((t) => t.id));

  const aliasOwner = new Map<string, string>();
  k.speakers.forEach((s, i) => {
    [s.name, ...s.aliases].forEach((alias, j) => {
      const key = foldForCompare(alias);
      const owner = aliasOwner.get(key);
      if (owner && owner !== s.id) problems.push(`${speakersFile}: speakers[${i}].${j === 0 ? 'name' : `aliases[${j - 1}]`}: "${alias}" already names speaker "${owner}"`);
      else aliasOwner.set(key, s.id);
    });
  });

  k.quotes.forEach((q, i) => {
    if (!speakerIds.has(q.speaker)) problems.push(`${quotesFile}: quotes[${i}].speaker: no speaker "${q.speaker}"`);
    const passage = k.passageById.get(q.passage);
    if (!passage) passageRef(quotesFile, `quotes[${i}].passage`, q.passage);
    else if (!passage.text.includes(q.text)) {
      problems.push(`${quotesFile}: quotes[${i}].text: not found verbatim in passage ${q.passage} (quote "${q.id}"): a quote must copy the article's words exactly, typographic quotes and dashes included`);
    }
  });

  k.topics.forEach((t, i) => {
    t.passages.forEach((p, j) => passageRef(topicsFile, `topics[${i}].passages[${j}]`, p));
  });

  const phrasingOwner = new Map<string, string>();
  const cited = new Set<string>();
  k.qa.forEach((e, i) => {
    e.passages.forEach((p, j) => {
      passageRef(qaFile, `entries[${i}].passages[${j}]`, p);
      cited.add(p);
    });
    e.topics.forEach((t, j) => {
      if (!topicIds.has(t)) problems.push(`${qaFile}: entries[${i}].topics[${j}]: no topic "${t}"`);
    });
    e.questions.forEach((q, j) => {
      const key = phrasingKey(q);
      const owner = phrasingOwner.get(key);
      if (owner && owner !== e.id) problems.push(`${qaFile}: entries[${i}].questions[${j}]: "${q}" is also a phrasing of entry "${owner}"`);
      else if (owner === e.id) problems.push(`${qaFile}: entries[${i}].questions[${j}]: "${q}" is listed twice in entry "${e.id}"`);
      else phrasingOwner.set(key, e.id);
    });
  });

  for (const p of k.passages) {
    if (!cited.has(p.id)) problems.push(`${qaFile}: entries: no entry cites passage ${p.id}; every paragraph should answer at least one question`);
  }

  // Curated text may quote the article, but only its exact words: a quoted span that the article
  // never printed would put words in someone's mouth.
  const quotedSpans = (file: string, where: string, text: string, passages: readonly string[]) => {
    const citedTexts = passages.flatMap((id) => k.passageById.get(id)?.text ?? []);
    for (const span of quotations(text)) {
      if (span.unclosed) problems.push(`${file}: ${where}: a quotation mark opened before "${span.text.slice(0, 40)}" is never closed`);
      else if (!quotedFrom(span.text, [k.article, ...citedTexts])) {
        problems.push(`${file}: ${where}: quotes "${span.text}", which is not in the article word for word (typographic quotes and dashes count)`);
      }
    }
  };
  // A category's instances are the article's own words: one it never uses could not help an answer.
  const synonymsFile = name('synonyms.json');
  const articleWords = new Set(k.article.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? []);
  k.categories.forEach((c, i) =>
    c.instances.forEach((w, j) => {
      if (!(w.match(/[\p{L}\p{N}']+/gu) ?? []).every((x) => articleWords.has(x))) problems.push(`${synonymsFile}: categories[${i}].instances[${j}]: "${w}" is not a word of the article`);
    }),
  );
  k.qa.forEach((e, i) => quotedSpans(qaFile, `entries[${i}].answer`, e.answer, e.passages));
  k.topics.forEach((t, i) => quotedSpans(topicsFile, `topics[${i}].summary`, t.summary, t.passages));
  return problems;
}

/**
 * Whether `span` is in one of `texts` word for word. Two adjustments every quotation may make are
 * allowed: the case of its first letter ("the two sides…" quoting "The two sides…") and the
 * punctuation that ends it ("…one conversation." quoting "…one conversation," he said).
 */
function quotedFrom(span: string, texts: readonly string[]): boolean {
  const words = span.replace(/[.,;:!?]+$/u, '');
  if (!words) return true;
  const first = words[0] ?? '';
  const forms = new Set([words, first.toUpperCase() + words.slice(1), first.toLowerCase() + words.slice(1)]);
  return texts.some((t) => [...forms].some((f) => t.includes(f)));
}

/** The spans inside “…” or "…" in `text`; an opening mark with no close is reported as unclosed. */
export function quotations(text: string): Array<{ text: string; unclosed: boolean }> {
  const spans: Array<{ text: string; unclosed: boolean }> = [];
  const pattern = /“([^”]*)(”?)|"([^"]*)("?)/g;
  for (const m of text.matchAll(pattern)) {
    const inner = m[1] ?? m[3] ?? '';
    const closed = (m[2] ?? m[4] ?? '') !== '';
    spans.push({ text: inner.trim(), unclosed: !closed });
  }
  return spans;
}
