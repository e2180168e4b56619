import { readFileSync } from 'node:fs';
import { z } from 'zod';

export const AskCaseSchema = z.object({
  id: z.string(),
  kind: z.enum(['fact', 'casual', 'typo', 'oos', 'hardneg']),
  q: z.string(),
  expect: z.array(z.string()).nullable(),
});
export const QuoteCaseSchema = z.object({
  id: z.string(),
  speaker: z.string(),
  about: z.string().optional(),
  expectSpeaker: z.string().nullable(),
  expectQuotes: z.number().int().optional(),
  mustInclude: z.array(z.string()).default([]),
});
export const TopicCaseSchema = z.object({
  id: z.string(),
  name: z.string(),
  expectTopic: z.string().nullable(),
  mustCite: z.array(z.string()).default([]),
});
export type AskCase = z.infer<typeof AskCaseSchema>;
export type QuoteCase = z.infer<typeof QuoteCaseSchema>;
export type TopicCase = z.infer<typeof TopicCaseSchema>;

export function readJsonl<S extends z.ZodType>(path: string, schema: S): z.output<S>[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((line, i) => ({ line: line.trim(), i }))
    .filter(({ line }) => line !== '')
    .map(({ line, i }) => {
      const result = schema.safeParse(JSON.parse(line));
      if (!result.success) throw new Error(`${path}:${i + 1}: ${result.error.issues[0]?.message}`);
      return result.data;
    });
}
