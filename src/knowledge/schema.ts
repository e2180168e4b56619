// The single definition of the knowledge format. Types are inferred from these schemas and
// the JSON Schemas in knowledge/schema/ are generated from them (npm run knowledge:schema).
import * as z from 'zod';

const id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lowercase letters, digits and dashes (like "meeting-length")')
  .max(40, 'must be at most 40 characters');
const passageId = z.string().regex(/^p[1-9][0-9]*$/, 'must look like "p12"');
const text = z.string().trim().min(1, 'must not be empty');
const $schema = z.string().optional();

export const PassageSchema = z.strictObject({
  id: passageId,
  text,
});

/** A line of the page around the article's paragraphs: its headline, its tags, its source line. */
// Ids travel in buttons' custom ids, and labels name an embed field: both stay short.
const pageLineId = z
  .string()
  .max(24, 'must be at most 24 characters')
  .regex(/^[a-z]+(?:-[a-z]+)*$/, 'must be a lower-case word like "headline" (paragraphs are p1, p2, …)');
export const PageLineSchema = z.strictObject({
  id: pageLineId,
  /** How a citation names it: "headline", "source line". */
  label: z.string().trim().min(1, 'must not be empty').max(40, 'must be at most 40 characters'),
  text,
});

export const SourceFileSchema = z.strictObject({
  $schema,
  title: text,
  outlet: text,
  event: text,
  passages: z.array(PassageSchema).min(1, 'must list at least one passage'),
  /** Optional: lines of the page a question may ask about ("who published this?"), cited by label. */
  page: z.array(PageLineSchema).optional(),
});

export const SpeakerSchema = z.strictObject({
  id,
  name: text,
  role: text,
  aliases: z.array(text),
});

export const SpeakersFileSchema = z.strictObject({
  $schema,
  speakers: z.array(SpeakerSchema).min(1, 'must list at least one speaker'),
});

export const QuoteSchema = z.strictObject({
  id,
  speaker: id,
  passage: passageId,
  text: text.describe('the quoted words exactly as in the passage, without the surrounding quotation marks'),
});

export const QuotesFileSchema = z.strictObject({
  $schema,
  quotes: z.array(QuoteSchema),
});

export const TopicSchema = z.strictObject({
  id,
  title: text.max(80, 'must be at most 80 characters'),
  aliases: z.array(text),
  summary: text.max(400, 'must be at most 400 characters'),
  passages: z.array(z.union([passageId, pageLineId], { error: 'must look like "p12", or name a page line like "headline"' })).min(1, 'must cite at least one passage'),
});

export const TopicsFileSchema = z.strictObject({
  $schema,
  topics: z.array(TopicSchema).min(1, 'must list at least one topic'),
});

/** What kind of answer an entry gives; see src/engine/kinds.ts for which questions each answers. */
export const AnswerKindSchema = z.enum(['person', 'place', 'time', 'date', 'duration', 'quantity', 'speech', 'reason', 'list', 'yesno', 'description', 'report']);

export const QaEntrySchema = z.strictObject({
  id,
  questions: z
    .array(text.max(100, 'must be at most 100 characters (it is offered as an autocomplete choice)'))
    .min(4, 'must list at least 4 phrasings of the question'),
  answer: text.max(320, 'must be at most 320 characters: keep answers short, the passages carry the detail'),
  passages: z.array(z.union([passageId, pageLineId], { error: 'must look like "p12", or name a page line like "headline"' })).min(1, 'must cite at least one passage'),
  keywords: z.array(text).default([]),
  topics: z.array(id).default([]),
  answerKinds: z
    .array(AnswerKindSchema)
    .min(1, 'must list at least one kind of answer')
    .optional()
    .describe('what the answer gives (a person, a place, a time, yes/no…); read from the answer when absent'),
});

export const QaFileSchema = z.strictObject({
  $schema,
  entries: z.array(QaEntrySchema).min(1, 'must list at least one entry'),
});

const synonymWord = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .regex(/^[\p{Ll}\p{N}' -]+$/u, 'must be lower-case words (a word, or a short phrase)');

export const SynonymGroupSchema = z.strictObject({
  words: z.array(synonymWord).min(2, 'must list at least two words that mean the same here'),
  /** Why these count as the same here: for the next curator. */
  note: z.string().optional(),
});

/**
 * A word a question may ask by ("which country", "what position") and the article's words that
 * name an instance of it: "Which country was accused of abuses?" is answered by "by China".
 */
export const CategorySchema = z.strictObject({
  words: z.array(z.string().regex(/^[\p{Ll}\p{N}']+$/u, 'must be one lower-case word')).min(1, 'must list the word or words a question asks by'),
  instances: z.array(synonymWord).min(1, 'must list at least one word of the article that names one'),
  note: z.string().optional(),
});

/** Article-specific words to treat as the same ("balloon" and "airship"); general ones live in the engine. */
export const SynonymsFileSchema = z.strictObject({
  $schema,
  groups: z.array(SynonymGroupSchema),
  /** Optional: files from before categories still load. */
  categories: z.array(CategorySchema).optional(),
});

export type Passage = z.infer<typeof PassageSchema>;
export type SourceFile = z.infer<typeof SourceFileSchema>;
export type Speaker = z.infer<typeof SpeakerSchema>;
export type Quote = z.infer<typeof QuoteSchema>;
export type Topic = z.infer<typeof TopicSchema>;
export type QaEntry = z.infer<typeof QaEntrySchema>;
export type AnswerKind = z.infer<typeof AnswerKindSchema>;
export type SynonymGroup = z.infer<typeof SynonymGroupSchema>;
export type Category = z.infer<typeof CategorySchema>;

/** Each knowledge file, its schema and the name of its JSON Schema. */
export const KNOWLEDGE_FILES = {
  source: { file: 'source.json', schema: SourceFileSchema },
  speakers: { file: 'speakers.json', schema: SpeakersFileSchema },
  quotes: { file: 'quotes.json', schema: QuotesFileSchema },
  topics: { file: 'topics.json', schema: TopicsFileSchema },
  qa: { file: 'qa.json', schema: QaFileSchema },
  synonyms: { file: 'synonyms.json', schema: SynonymsFileSchema },
} as const;

export const ARTICLE_FILE = 'article.txt';
